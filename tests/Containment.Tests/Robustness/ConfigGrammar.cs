using FsCheck;
using FsCheck.Fluent;

namespace Containment.Tests.Robustness;

/// <summary>
/// FsCheck generators for random librechat.yaml documents built from the config's grammar: the real keys
/// (root, endpoints, custom endpoints, Azure groups, MCP servers, web search, OCR, speech...) in random
/// subsets and orders, filled with values drawn from pools of realistic and hostile hosts and URLs, with
/// some values swapped for the wrong type and some unknown keys. Rendered in block or flow style, with
/// anchors and aliases, so the loader, the reader, the policy builder and every target all get exercised.
/// </summary>
public static class ConfigGrammar
{
    /// <summary>A whole document as text.</summary>
    public static Gen<string> Document => Root().Select(YamlRender.Render);

    /// <summary>Hosts as people write them and as attackers write them (normalisation, IDN, confusables, IPs, junk).</summary>
    public static readonly string[] Hosts =
    [
        "api.openai.com",
        "API.Example.COM",
        "api.example.com.",
        "münchen.example.de",
        "api.open\u0430i.com",
        "xn--80ak6aa92e.com",
        "10.0.0.7",
        "172.17.0.1",
        "8.8.8.8",
        "[::1]",
        "[2001:db8::1]",
        "localhost",
        "host.docker.internal",
        "litellm",
        "litellm.llm.svc.cluster.local",
        "ollama.svc",
        "*.example.com",
        "*",
        "*.*.example.com",
        "exa mple.com",
        "exa\u0007mple.com",
        "a..b",
        "-bad-.example.com",
        "under_score.example.com",
        new string('a', 64) + ".example.com",
        string.Join('.', Enumerable.Repeat("label", 60)),
        "${HOST}",
        "${HOST}.example.com",
        "",
        "ex\u200Bample.com",
        "example.com\u0000evil.com",
    ];

    private static readonly string[] Schemes =
    [
        "https://",
        "http://",
        "wss://",
        "ws://",
        "ftp://",
        "",
        "HTTPS://",
        "javascript:",
        "https:/",
    ];
    private static readonly string[] Ports =
    [
        "",
        ":443",
        ":8443",
        ":0",
        ":65535",
        ":65536",
        ":-1",
        ":abc",
        ":",
    ];
    private static readonly string[] Paths =
    [
        "",
        "/v1",
        "/api/v1/",
        "/sse",
        "/mcp?token=SECRET",
        "#frag",
        "/${PATH_VAR}",
    ];
    private static readonly string[] Userinfo =
    [
        "",
        "",
        "",
        "user:pass@",
        "token@",
        "${USER}:${PASS}@",
    ];

    private static readonly string[] GoodHosts =
    [
        "api.openai.com",
        "api.example.com",
        "gateway.example.org",
        "mcp.example.net",
        "litellm.llm.svc.cluster.local",
        "ollama",
        "10.1.2.3",
        "api.mistral.ai",
    ];

    private static Gen<string> Url =>
        Gen.Frequency(
            (
                30,
                from scheme in Gen.Elements("https://", "http://")
                from host in Gen.Elements(GoodHosts)
                from port in Gen.Elements("", "", ":8443", ":11434")
                from path in Gen.Elements("", "/v1", "/mcp", "/sse")
                select scheme + host + port + path
            ),
            (
                12,
                from scheme in Gen.Elements(Schemes)
                from user in Gen.Elements(Userinfo)
                from host in Gen.Elements(Hosts)
                from port in Gen.Elements(Ports)
                from path in Gen.Elements(Paths)
                select scheme + user + host + port + path
            ),
            (
                2,
                Gen.Elements(
                    "${BASE_URL}",
                    "${A}${B}",
                    "https://${SELF}/v1",
                    "user_provided",
                    "${}",
                    "${",
                    "https://",
                    "not a url"
                )
            ),
            (1, Gen.Elements(Hosts))
        );

    private static Gen<string> Text =>
        Gen.Frequency(
            (
                6,
                Gen.Elements(
                    "name",
                    "my-endpoint",
                    "Mistral",
                    "ollama",
                    "x",
                    "Endpoint With Spaces",
                    "ключ",
                    "名前"
                )
            ),
            (
                2,
                Gen.Elements(
                    "${API_KEY}",
                    "sk-live-SECRET",
                    "user_provided",
                    "Bearer ${TOKEN}",
                    "{{LIBRECHAT_USER_ID}}"
                )
            ),
            (
                1,
                Gen.Elements(
                    "",
                    " ",
                    "\t",
                    "a\nb",
                    "\u0000",
                    "\uFEFF",
                    "\u202Eevil",
                    new string('k', 5000)
                )
            )
        );

    private static Gen<GNode> Scalar(Gen<string> text) => text.Select(t => (GNode)new GScalar(t));

    private static Gen<GNode> UrlScalar => Scalar(Url);

    private static Gen<GNode> TextScalar => Scalar(Text);

    private static Gen<GNode> Bool =>
        Gen.Frequency(
            (
                30,
                Gen.Elements<GNode>(
                    new GScalar("true", Plain: true),
                    new GScalar("false", Plain: true)
                )
            ),
            (1, Gen.Constant<GNode>(new GScalar("yes", Plain: true)))
        );

    /// <summary>Mostly one of the accepted values, rarely anything else.</summary>
    private static Gen<GNode> OneOf(params string[] accepted) =>
        Gen.Frequency((30, Scalar(Gen.Elements(accepted))), (1, TextScalar));

    private static Gen<GNode> Number =>
        Gen.Elements<GNode>(
            new GScalar("1", Plain: true),
            new GScalar("1.3.17", Plain: true),
            new GScalar("0x1F", Plain: true),
            new GScalar("-5", Plain: true),
            new GScalar("1e400", Plain: true)
        );

    /// <summary>Any value at all, for the "wrong type" branch: scalars, nulls, lists, nested maps.</summary>
    private static Gen<GNode> AnyValue =>
        Gen.Sized(size =>
            size <= 1
                ? Gen.OneOf(
                    TextScalar,
                    UrlScalar,
                    Bool,
                    Number,
                    Gen.Constant<GNode>(new GScalar("null", Plain: true))
                )
                : Gen.OneOf(
                    TextScalar,
                    UrlScalar,
                    Bool,
                    Gen.Constant<GNode>(new GScalar("~", Plain: true)),
                    Gen.Choose(0, 4)
                        .SelectMany(n => Gen.ListOf(AnyValue.Resize(size / 3), n))
                        .Select(items => (GNode)new GSeq([.. items])),
                    Gen.Choose(0, 4)
                        .SelectMany(n =>
                            Gen.ListOf(
                                Gen.Zip(
                                    Gen.Elements("a", "url", "baseURL", "name", "type"),
                                    AnyValue.Resize(size / 3)
                                ),
                                n
                            )
                        )
                        .Select(entries =>
                            (GNode)new GMap([.. entries.Select(e => (e.Item1, e.Item2))])
                        )
                )
        );

    /// <summary>Usually the right shape for the key, sometimes any value (wrong types must become diagnostics).</summary>
    private static Gen<GNode> Field(Gen<GNode> right) =>
        Gen.Frequency(
            (150, right),
            (2, AnyValue),
            (
                4,
                from name in Gen.Elements(AnchorNames)
                from node in right
                select (GNode)new GAnchor(name, node)
            ),
            (1, Gen.Elements(AnchorNames).Select(name => (GNode)new GAlias(name)))
        );

    private static readonly string[] AnchorNames = ["a", "b", "ep"];

    /// <summary>
    /// A mapping made of a random subset of the given fields (keys written "!key" are required and always present),
    /// shuffled, rarely with an unknown key or a repeated one.
    /// </summary>
    private static Gen<GNode> Map(params (string Key, Gen<GNode> Value)[] fields) =>
        from optional in Gen.SubListOf<(string Key, Gen<GNode> Value)>(
            fields.Where(f => !f.Key.StartsWith('!'))
        )
        from dropRequired in Gen.Frequency((60, Gen.Constant(false)), (1, Gen.Constant(true)))
        let chosen = fields
            .Where(f => f.Key.StartsWith('!') && !dropRequired)
            .Select(f => (Key: f.Key[1..], f.Value))
            .Concat(optional)
        from order in Gen.Shuffle<(string Key, Gen<GNode> Value)>(chosen)
        from values in Gen.CollectToList(order, f => Field(f.Value))
        from extra in Gen.Frequency(
            (100, Gen.Constant(0)),
            (1, Gen.Constant(1)),
            (1, Gen.Constant(2))
        )
        from junk in extra == 0 ? Gen.Constant<GNode>(new GScalar("~", Plain: true)) : AnyValue
        select (GNode)
            new GMap([
                .. order.Zip(values, (f, v) => (f.Key, v)),
                .. extra switch
                {
                    1 => [(junk is GAlias ? "<<" : "unknownKey", junk)],
                    2 when order.Length > 0 => [(order[0].Key, junk)],
                    _ => Array.Empty<(string, GNode)>(),
                },
            ]);

    private static Gen<GNode> ListOf(Gen<GNode> item, int max) =>
        Gen.Sized(size =>
                Gen.Choose(0, Math.Min(max, 1 + size / 10)).SelectMany(n => Gen.ListOf(item, n))
            )
            .Select(items => (GNode)new GSeq([.. items]));

    private static Gen<GNode> Strings(Gen<GNode> item) => ListOf(item, 6);

    private static Gen<GNode> Headers =>
        Map(
            ("Authorization", Scalar(Gen.Elements("Bearer ${TOKEN}", "Bearer SECRET-HEADER"))),
            ("x-api-key", TextScalar),
            ("anthropic-version", TextScalar)
        );

    private static Gen<GNode> Models =>
        Map(
            ("!default", ListOf(TextScalar, 4).Where(l => ((GSeq)l).Items.Count > 0)),
            ("fetch", Bool),
            ("userIdQuery", Bool)
        );

    private static Gen<GNode> CustomEndpoint =>
        Map(
            ("!name", TextScalar),
            ("!apiKey", TextScalar),
            ("!baseURL", UrlScalar),
            ("!models", Models),
            ("headers", Headers),
            ("provider", OneOf("anthropic")),
            ("titleConvo", Bool),
            ("titleEndpoint", TextScalar),
            ("dropParams", Strings(TextScalar))
        );

    private static Gen<GNode> AzureGroup =>
        Map(
            ("!group", TextScalar),
            ("!apiKey", TextScalar),
            (
                "!instanceName",
                Scalar(
                    Gen.Frequency(
                        (1, Text),
                        (
                            5,
                            Gen.Elements(
                                "my-instance",
                                "x.cognitiveservices.azure.com",
                                "${AZURE_INSTANCE}"
                            )
                        )
                    )
                )
            ),
            ("baseURL", UrlScalar),
            ("serverless", Bool),
            ("deploymentName", TextScalar),
            ("version", TextScalar),
            (
                "!models",
                Map(
                    ("!gpt-4o", Gen.OneOf(Bool, Map(("deploymentName", TextScalar)))),
                    ("gpt-4o-mini", Bool)
                )
            )
        );

    private static (string, Gen<GNode>)[] McpCommon =>
        [
            ("headers", Headers),
            ("startup", Bool),
            ("requiresOAuth", Bool),
            (
                "oauth",
                Map(
                    ("authorization_url", UrlScalar),
                    ("token_url", UrlScalar),
                    ("client_id", TextScalar),
                    ("client_secret", TextScalar),
                    ("revocation_endpoint", UrlScalar)
                )
            ),
        ];

    /// <summary>Mostly well-formed stdio or remote servers, sometimes a random mix of both shapes.</summary>
    private static Gen<GNode> McpServer =>
        Gen.Frequency(
            (
                5,
                Map([
                    ("type", OneOf("stdio")),
                    ("!command", OneOf("npx", "uvx", "python3", "docker", "/bin/sh")),
                    (
                        "!args",
                        ListOf(
                                Scalar(
                                    Gen.OneOf(
                                        Url,
                                        Gen.Elements(
                                            "-y",
                                            "@scope/pkg",
                                            "mcp-remote",
                                            "--from",
                                            "pkg==1.0"
                                        )
                                    )
                                ),
                                5
                            )
                            .Where(l => ((GSeq)l).Items.Count > 0)
                    ),
                    ("env", Map(("TOKEN", TextScalar), ("URL", UrlScalar))),
                    .. McpCommon,
                ])
            ),
            (
                5,
                Map([
                    ("!type", OneOf("sse", "streamable-http", "http", "websocket")),
                    ("!url", UrlScalar),
                    .. McpCommon,
                ])
            ),
            (
                1,
                Map([
                    (
                        "type",
                        Scalar(
                            Gen.Elements(
                                "stdio",
                                "sse",
                                "streamable-http",
                                "http",
                                "websocket",
                                "bogus"
                            )
                        )
                    ),
                    ("url", UrlScalar),
                    ("command", TextScalar),
                    ("args", Strings(UrlScalar)),
                    .. McpCommon,
                ])
            )
        );

    private static Gen<GNode> McpServers =>
        Gen.Sized(size => Gen.Choose(0, Math.Min(8, 1 + size / 8)))
            .SelectMany(n =>
                Gen.ListOf(
                    Gen.Zip(
                        Gen.Elements("fs", "remote", "github", "a b", "ключ", "x-1", "srv"),
                        McpServer
                    ),
                    n
                )
            )
            .Select(entries => (GNode)new GMap([.. entries.Select(e => (e.Item1, e.Item2))]));

    private static Gen<GNode> Endpoints =>
        Map(
            (
                "openAI",
                Map(("baseURL", UrlScalar), ("headers", Headers), ("titleModel", TextScalar))
            ),
            (
                "anthropic",
                Map(
                    (
                        "vertex",
                        Map(("enabled", Bool), ("region", TextScalar), ("projectId", TextScalar))
                    ),
                    ("baseURL", UrlScalar)
                )
            ),
            ("google", Map(("headers", Headers))),
            ("assistants", Map(("baseURL", UrlScalar), ("apiKey", TextScalar))),
            ("agents", Map(("disableBuilder", Bool))),
            (
                "bedrock",
                Map(
                    (
                        "availableRegions",
                        Strings(
                            Scalar(Gen.Elements("us-east-1", "eu-central-1", "mars-1", "${REGION}"))
                        )
                    )
                )
            ),
            (
                "azureOpenAI",
                Map(("!groups", ListOf(AzureGroup, 4).Where(l => ((GSeq)l).Items.Count > 0)))
            ),
            ("custom", ListOf(CustomEndpoint, 8)),
            ("allowedAddresses", Strings(UrlScalar))
        );

    private static Gen<GNode> Root() =>
        Map(
            ("!version", Scalar(Gen.Elements("1.3.17", "1.2.1", "1.3.17", "0.1", ""))),
            ("cache", Bool),
            (
                "interface",
                Map(("mcpServers", Map(("create", Bool))), ("customWelcome", TextScalar))
            ),
            (
                "registration",
                Map(
                    (
                        "socialLogins",
                        Strings(Scalar(Gen.Elements("github", "google", "openid", "saml", "bogus")))
                    )
                )
            ),
            ("actions", Map(("allowedDomains", Strings(UrlScalar)))),
            ("mcpSettings", Map(("allowedDomains", Strings(UrlScalar)))),
            ("fileStrategy", OneOf("local", "s3", "azure_blob", "firebase", "cloudfront")),
            (
                "fileStrategies",
                Map(
                    ("avatar", Scalar(Gen.Elements("s3", "firebase"))),
                    ("document", Scalar(Gen.Elements("azure_blob", "local")))
                )
            ),
            (
                "webSearch",
                Map(
                    ("serperApiKey", TextScalar),
                    (
                        "searxngInstanceUrl",
                        Scalar(
                            Gen.Elements(
                                "${SEARXNG_URL}",
                                "${SEARXNG_URL}",
                                "https://searx.example.org"
                            )
                        )
                    ),
                    (
                        "firecrawlApiUrl",
                        Scalar(Gen.Elements("${FIRECRAWL_URL}", "${FIRECRAWL_URL}", "${NOPE}"))
                    ),
                    ("searchProvider", OneOf("serper", "searxng")),
                    ("jinaApiKey", TextScalar)
                )
            ),
            (
                "ocr",
                Map(
                    (
                        "strategy",
                        OneOf(
                            "mistral_ocr",
                            "azure_mistral_ocr",
                            "vertexai_mistral_ocr",
                            "custom_ocr"
                        )
                    ),
                    ("baseURL", UrlScalar),
                    ("apiKey", TextScalar)
                )
            ),
            (
                "speech",
                Map(
                    (
                        "tts",
                        Map(
                            ("openai", Map(("url", UrlScalar), ("apiKey", TextScalar))),
                            ("elevenlabs", Map(("url", UrlScalar)))
                        )
                    ),
                    ("stt", Map(("openai", Map(("url", UrlScalar)))))
                )
            ),
            (
                "memory",
                Map(
                    ("disabled", Bool),
                    ("agent", Map(("provider", TextScalar), ("model", TextScalar)))
                )
            ),
            ("balance", Map(("enabled", Bool))),
            (
                "modelSpecs",
                Map(
                    (
                        "list",
                        ListOf(
                            Map(("!name", TextScalar), ("preset", Map(("endpoint", TextScalar)))),
                            4
                        )
                    )
                )
            ),
            ("endpoints", Endpoints),
            ("mcpServers", McpServers)
        );
}
