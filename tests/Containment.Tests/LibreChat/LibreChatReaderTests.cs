using Containment.Core.LibreChat;
using Containment.Core.Model;
using static Containment.Tests.Infrastructure.ReaderTestKit;

namespace Containment.Tests.LibreChat;

public class LibreChatReaderTests
{
    private static readonly Dictionary<string, string> FullEnv = Env(
        ("AZ_INSTANCE", "my-azure-instance"),
        ("CLAUDE_PROXY_URL", "https://claude-proxy.example.com"),
        ("MCP_HOST", "mcp.example.com"),
        ("SEARXNG_INSTANCE_URL", "https://searx.example.com"),
        ("OCR_BASEURL", "https://ocr.example.com/v1"),
        ("AUDIO_BASE_URL", "https://audio.example.com"),
        ("AZ_LABEL", "interpolated-label")
    );

    private static LibreChatConfig Full()
    {
        var (config, diagnostics) = ReadFixture("full.yaml", FullEnv);
        Assert.False(
            diagnostics.HasErrors,
            string.Join("\n", diagnostics.Items.Select(d => d.Render()))
        );
        return config!;
    }

    [Fact]
    public void Version_and_root_sections_are_read_with_positions()
    {
        var config = Full();
        Assert.Equal("1.3.1", config.Version!.Value);
        Assert.Equal(
            ("full.yaml", "version", 2, 10),
            (
                config.Version.Location.File,
                config.Version.Location.Path,
                config.Version.Location.Line,
                config.Version.Location.Column
            )
        );
        Assert.Equal(
            ["s3", "local", "azure_blob"],
            config.FileStorage.Strategies.Select(s => s.Value)
        );
        Assert.Equal(["github", "openid"], config.Registration!.SocialLogins.Select(s => s.Value));
        Assert.True(config.BalanceEnabled!.Value);
        Assert.False(config.UsersCanCreateMcpServers!.Value);
        Assert.Equal(
            ["api.weather.example", "*.tools.example"],
            config.ActionsAllowedDomains.Select(s => s.Value)
        );
        Assert.Equal(["mcp.example.com"], config.McpAllowedDomains.Select(s => s.Value));
        Assert.Equal(["ollama:11434"], config.Endpoints.AllowedAddresses.Select(s => s.Value));
    }

    [Fact]
    public void Built_in_endpoints_keep_header_names_references_and_vertex_region_default()
    {
        var config = Full();
        var kinds = config.Endpoints.BuiltIns.Select(b => b.Kind).ToList();
        Assert.Equal(
            [
                BuiltInEndpointKind.OpenAI,
                BuiltInEndpointKind.Anthropic,
                BuiltInEndpointKind.Google,
                BuiltInEndpointKind.Agents,
            ],
            kinds
        );
        var openAI = config.Endpoints.BuiltIns[0];
        Assert.Equal(["X-Org"], openAI.HeaderNames);
        Assert.Equal("anthropic", Assert.Single(openAI.EndpointReferences).Value);
        var vertex = config.Endpoints.BuiltIns[1].Vertex!;
        Assert.True(vertex.Enabled);
        Assert.Equal("us-east5", vertex.Region.Value);
        Assert.Equal(
            ["us-east-1", "eu-central-1"],
            config.Endpoints.Bedrock!.Regions.Select(r => r.Value)
        );
    }

    [Fact]
    public void Vertex_region_is_read_when_written()
    {
        var (config, diagnostics) = Read(
            "version: \"1\"\nendpoints:\n  anthropic:\n    vertex:\n      region: europe-west1\n      enabled: false\n"
        );
        Assert.Empty(diagnostics.Items);
        var vertex = config!.Endpoints.BuiltIns.Single().Vertex!;
        Assert.Equal(("europe-west1", false), (vertex.Region.Value, vertex.Enabled));
    }

    [Fact]
    public void Azure_groups_interpolate_instance_names_but_never_group_names()
    {
        var azure = Full().Endpoints.AzureOpenAI!;
        Assert.Equal(3, azure.Groups.Count);
        var first = azure.Groups[0];
        Assert.Equal("${AZ_LABEL}", first.Name.Value);
        Assert.Equal("my-azure-instance", first.InstanceName!.Value);
        Assert.False(first.InstanceNameUnresolved);
        Assert.Equal(["gpt-4o", "gpt-35"], first.Models.Select(m => m.Value));
        Assert.Equal(["gpt4o-deploy"], first.DeploymentNames.Select(m => m.Value));
        Assert.Equal("myres.cognitiveservices.azure.com", azure.Groups[1].InstanceName!.Value);
        var serverless = azure.Groups[2];
        Assert.True(serverless.Serverless);
        Assert.Equal("llama.eastus.models.ai.azure.com", serverless.BaseUrl!.Host);
    }

    [Theory]
    [InlineData(EnforcementMode.Monitor, Core.Diagnostics.Severity.Warning)]
    [InlineData(EnforcementMode.Enforce, Core.Diagnostics.Severity.Error)]
    public void An_unresolved_azure_instance_name_is_flagged_by_mode(
        EnforcementMode mode,
        Core.Diagnostics.Severity severity
    )
    {
        var (config, diagnostics) = Read(
            "version: \"1\"\nendpoints:\n  azureOpenAI:\n    groups:\n      - group: g\n        apiKey: k\n        instanceName: \"${NOPE}\"\n        models: {m: true}\n",
            mode: mode
        );
        Assert.True(config!.Endpoints.AzureOpenAI!.Groups[0].InstanceNameUnresolved);
        var d = Single(diagnostics);
        Assert.Equal(("CT2018", severity, 7), (d.Code, d.Severity, d.Span.Line));
    }

    [Fact]
    public void Azure_group_needs_instance_name_or_serverless_base_url()
    {
        var (_, diagnostics) = Read(
            "version: \"1\"\nendpoints:\n  azureOpenAI:\n    groups:\n      - group: g\n        apiKey: k\n        models: {m: true}\n"
        );
        Assert.Equal("CT2012", Single(diagnostics).Code);
    }

    [Fact]
    public void Custom_endpoints_keep_host_fetch_provider_and_user_provided()
    {
        var custom = Full().Endpoints.Custom;
        Assert.Equal(
            ["groq", "ollama-local", "Claude-compatible", "per-user"],
            custom.Select(c => c.Name.Value)
        );
        Assert.Equal(("api.groq.com", true), (custom[0].BaseUrl.Host, custom[0].FetchModels));
        Assert.Equal("openAI", Assert.Single(custom[0].EndpointReferences).Value);
        Assert.Equal(("ollama", 11434), (custom[1].BaseUrl.Host, custom[1].BaseUrl.Parts!.Port));
        Assert.Equal(
            ("claude-proxy.example.com", "anthropic", true),
            (custom[2].BaseUrl.Host, custom[2].Provider, custom[2].ApiKeyIsUserProvided)
        );
        Assert.Equal(UrlState.UserProvided, custom[3].BaseUrl.State);
        Assert.Equal(
            ("endpoints.custom[0]", 61),
            (custom[0].Location.Path, custom[0].Location.Line)
        );
    }

    [Fact]
    public void Mcp_transports_are_inferred_as_librechat_does()
    {
        var servers = Full().McpServers.ToDictionary(s => s.Name);
        Assert.Equal(McpTransport.Stdio, servers["filesystem"].Transport);
        Assert.Equal(McpTransport.Sse, servers["legacy-sse"].Transport);
        Assert.Equal(McpTransport.WebSocket, servers["socket"].Transport);
        Assert.Equal(McpTransport.StreamableHttp, servers["streaming"].Transport);
        Assert.Equal(McpTransport.StreamableHttp, servers["http-alias"].Transport);
    }

    [Fact]
    public void Stdio_servers_name_their_package_and_urls_in_args()
    {
        var servers = Full().McpServers.ToDictionary(s => s.Name);
        Assert.Equal(
            ("npx", "@modelcontextprotocol/server-filesystem"),
            (servers["filesystem"].Command!.Value, servers["filesystem"].Package!.Value)
        );
        Assert.Equal("mcp-server-jupyter", servers["jupyter"].Package!.Value);
        var bridge = Assert.Single(servers["remote-bridge"].ArgUrls);
        Assert.Equal(("bridge.example.net", 8443), (bridge.Host, bridge.Parts!.Port));
        Assert.Equal("mcpServers.remote-bridge.args[1]", bridge.Location.Path);
    }

    [Theory]
    [InlineData("npx", new[] { "-y", "@scope/pkg@1.2.0", "--flag" }, "@scope/pkg@1.2.0")]
    [InlineData("npx", new[] { "--package", "real-pkg", "bin" }, "real-pkg")]
    [InlineData("/usr/local/bin/npx.cmd", new[] { "pkg" }, "pkg")]
    [InlineData("bunx", new[] { "pkg" }, "pkg")]
    [InlineData("uvx", new[] { "--from", "git-pkg", "tool" }, "git-pkg")]
    [InlineData("uvx", new[] { "--python", "3.12", "mcp-server-time" }, "mcp-server-time")]
    [InlineData("pipx", new[] { "run", "mcp-pkg" }, "mcp-pkg")]
    [InlineData("pip", new[] { "install", "-U", "mcp-pkg" }, "mcp-pkg")]
    [InlineData("python3", new[] { "server.py" }, null)]
    [InlineData("npx", new[] { "-y" }, null)]
    public void Stdio_package_detection(string command, string[] args, string? expected)
    {
        var location = new ConfigLocation("f", "p", 1, 1);
        var package = StdioPackage.Detect(
            command,
            [.. args.Select(a => new ConfigValue<string>(a, location))]
        );
        Assert.Equal(expected, package?.Value);
    }

    [Fact]
    public void Mcp_oauth_urls_header_names_startup_and_interpolated_url()
    {
        var servers = Full().McpServers.ToDictionary(s => s.Name);
        var streaming = servers["streaming"];
        Assert.Equal("mcp.example.com", streaming.Url!.Host);
        Assert.False(streaming.Startup);
        Assert.True(streaming.RequiresOAuth);
        Assert.Equal(
            ["auth.example.org", "auth.example.org"],
            streaming.OAuthUrls.Select(u => u.Host)
        );
        Assert.Equal(["Authorization"], servers["legacy-sse"].HeaderNames);
    }

    [Theory]
    [InlineData("m:\n    command: npx\n", "CT2014")]
    [InlineData("m:\n    description: nothing\n", "CT2014")]
    [InlineData("m:\n    type: websocket\n    url: https://x.example.com\n", "CT2014")]
    [InlineData("m:\n    type: sse\n    url: wss://x.example.com\n", "CT2014")]
    [InlineData("m:\n    type: grpc\n    url: https://x.example.com\n", "CT2017")]
    [InlineData("m:\n    url: 42\n", "CT2007")]
    public void Invalid_mcp_servers_are_errors(string server, string code)
    {
        var (_, diagnostics) = Read("version: \"1\"\nmcpServers:\n  " + server);
        Assert.Contains(code, Codes(diagnostics));
        Assert.True(diagnostics.HasErrors);
    }

    [Fact]
    public void Web_search_urls_count_only_in_variable_form()
    {
        var web = Full().WebSearch!;
        Assert.Equal(
            ("searxng", "firecrawl", "jina"),
            (web.SearchProvider!.Value, web.ScraperProvider!.Value, web.RerankerType!.Value)
        );
        Assert.Equal("searx.example.com", web.Urls["searxngInstanceUrl"].Host);
        Assert.Equal(UrlState.Invalid, web.Urls["firecrawlApiUrl"].State);
        Assert.Equal(["firecrawlApiKey", "jinaApiKey"], web.KeyFields.Select(k => k.Value));
    }

    [Fact]
    public void Speech_urls_are_never_interpolated()
    {
        var (config, diagnostics) = ReadFixture("full.yaml", FullEnv);
        var tts = config!.Speech.Single(s => s.Section == "tts");
        Assert.Equal(("openai", UrlState.Invalid), (tts.Provider, tts.Url!.State));
        Assert.Contains(
            diagnostics.Items,
            d =>
                d.Code == "CT2010"
                && d.Message.StartsWith("speech.tts.openai.url", StringComparison.Ordinal)
        );
        var stt = config.Speech.Single(s => s.Section == "stt");
        Assert.Equal(("azureOpenAI", "speechres"), (stt.Provider, stt.InstanceName!.Value));
    }

    [Fact]
    public void Ocr_memory_and_model_specs_are_read()
    {
        var config = Full();
        Assert.Equal(
            ("mistral_ocr", "ocr.example.com"),
            (config.Ocr!.Strategy!.Value, config.Ocr.BaseUrl!.Host)
        );
        Assert.Equal("openAI", config.Memory!.Provider!.Value);
        var spec = Assert.Single(config.ModelSpecs);
        Assert.Equal(("fast", "groq"), (spec.Name.Value, spec.Endpoint!.Value));
    }

    [Fact]
    public void Unknown_root_and_endpoints_keys_are_errors_nested_ones_are_infos()
    {
        var (config, diagnostics) = ReadFixture("unknown-keys.yaml");
        Assert.NotNull(config);
        Assert.Equal(["CT2001", "CT2002", "CT2003"], diagnostics.Sorted().Select(d => d.Code));
        Assert.Equal(
            [
                Core.Diagnostics.Severity.Error,
                Core.Diagnostics.Severity.Error,
                Core.Diagnostics.Severity.Info,
            ],
            diagnostics.Sorted().Select(d => d.Severity)
        );
    }

    [Fact]
    public void Version_is_required()
    {
        var (_, diagnostics) = Read("cache: true\n");
        Assert.Equal("CT2004", Single(diagnostics).Code);
    }

    [Fact]
    public void An_unquoted_version_is_a_number_and_an_error()
    {
        var (_, diagnostics) = ReadFixture("version-float.yaml");
        var d = Single(diagnostics);
        Assert.Equal(("CT2005", 1, 10), (d.Code, d.Span.Line, d.Span.Column));
        Assert.Contains("\"1.0\"", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Anthropic_models_must_be_a_string_list()
    {
        var (_, diagnostics) = ReadFixture("anthropic-models-mapping.yaml");
        var d = Single(diagnostics);
        Assert.Equal(("CT2006", 5), (d.Code, d.Span.Line));
    }

    [Fact]
    public void A_wrong_type_where_a_url_belongs_is_an_error_with_position()
    {
        var (_, diagnostics) = ReadFixture("url-wrong-type.yaml");
        var d = Single(diagnostics);
        Assert.Equal(("CT2007", 6, 16), (d.Code, d.Span.Line, d.Span.Column));
    }

    [Fact]
    public void A_root_that_is_not_a_mapping_is_an_error()
    {
        var (config, diagnostics) = Read("- a\n- b\n");
        Assert.Null(config);
        Assert.Equal("CT2011", Single(diagnostics).Code);
    }

    [Fact]
    public void Urls_that_cannot_be_internet_egress_are_warnings_with_positions()
    {
        var (config, diagnostics) = ReadFixture("non-internet.yaml");
        // "not a url" has no http(s)/ws(s) scheme: an error (CT2200, issue 10 item 3), the others warnings.
        Assert.Equal(
            ["CT2009", "CT2009", "CT2009", "CT2200", "CT2009"],
            diagnostics.Sorted().Select(d => d.Code)
        );
        Assert.All(
            diagnostics.Items.Where(d => d.Descriptor.Code != "CT2200"),
            d => Assert.Equal(Core.Diagnostics.Severity.Warning, d.Severity)
        );
        Assert.Equal([6, 10, 14, 18, 22], diagnostics.Sorted().Select(d => d.Span.Line));
        Assert.Equal("host.docker.internal", config!.Endpoints.Custom[0].BaseUrl.Host);
    }

    [Fact]
    public void Merge_keys_feed_the_reader()
    {
        var (config, diagnostics) = ReadFixture("merge-ok.yaml");
        Assert.Empty(diagnostics.Items);
        Assert.Equal(
            ["one.example.com", "two.example.com"],
            config!.Endpoints.Custom.Select(c => c.BaseUrl.Host)
        );
        Assert.Equal("two", config.Endpoints.Custom[1].Name.Value);
    }

    [Theory]
    [InlineData("bom.yaml")]
    [InlineData("crlf.yaml")]
    public void Bom_and_crlf_files_are_usable(string fixture)
    {
        var (config, diagnostics) = ReadFixture(fixture);
        Assert.Empty(diagnostics.Items);
        Assert.NotNull(config);
    }

    [Fact]
    public void Crlf_positions_match_lines()
    {
        var (config, _) = ReadFixture("crlf.yaml");
        var url = config!.Endpoints.Custom.Single().BaseUrl;
        Assert.Equal(
            ("api.crlf.example", 6, 16),
            (url.Host, url.Location.Line, url.Location.Column)
        );
    }
}
