using Containment.Tests.Infrastructure;
using static Containment.Tests.Cli.CliRunner;
using static Containment.Tests.Egress.EnvFeatureEgressTests;
using static Containment.Tests.Infrastructure.Models.SampleConfigs;

namespace Containment.Tests.Egress;

/// <summary>
/// Issue 12 item 5: gateways replace the vendor host, and a built-in endpoint's yaml <c>baseURL</c> (which no
/// LibreChat initializer reads) is reported and not allowed.
/// </summary>
public class ReverseProxyEgressTests
{
    private const string Head =
        "version: \"1.3.17\"\ninterface:\n  mcpServers:\n    create: false\nactions:\n  allowedDomains: [\"swapi.dev\"]\n";

    private static InMemoryFileSystem Files(string yamlTail, string stackTail) =>
        new InMemoryFileSystem()
            .With("librechat.yaml", Head + yamlTail)
            .With(
                "Pulumi.dev.yaml",
                "config:\n  containment:librechatConfig: librechat.yaml\n  containment:mode: monitor\n"
                    + stackTail
            );

    [Theory]
    // openai/initialize.ts: reverseProxyUrl = OPENAI_REVERSE_PROXY; the openAI block gives headers and streamRate only.
    [InlineData("openAI", "OPENAI_API_KEY", "OPENAI_REVERSE_PROXY", "api.openai.com", 9)]
    // anthropic/initialize.ts: reverseProxyUrl = ANTHROPIC_REVERSE_PROXY; the block gives headers and streamRate.
    [InlineData(
        "anthropic",
        "ANTHROPIC_API_KEY",
        "ANTHROPIC_REVERSE_PROXY",
        "api.anthropic.com",
        9
    )]
    // google/initialize.ts: reverseProxyUrl = GOOGLE_REVERSE_PROXY; the block gives streamRate, titleModel, add/dropParams.
    [InlineData(
        "google",
        "GOOGLE_KEY",
        "GOOGLE_REVERSE_PROXY",
        "generativelanguage.googleapis.com",
        9
    )]
    // Endpoints/assistants/initalize.js: baseURL = ASSISTANTS_BASE_URL.
    [InlineData("assistants", "ASSISTANTS_API_KEY", "ASSISTANTS_BASE_URL", "api.openai.com", 9)]
    public void A_built_in_yaml_base_url_is_reported_on_its_value_and_not_allowed(
        string key,
        string variable,
        string proxy,
        string vendor,
        int line
    )
    {
        var fs = Files(
            $"endpoints:\n  {key}:\n    baseURL: \"https://gw.example.com/v1\"\n",
            $"  containment:secretEnv: [{variable}]\n"
        );
        var plan = Run(fs, "plan", "--stack", "dev");
        Assert.Equal(0, plan.ExitCode);
        Assert.Contains(
            $"librechat.yaml({line},14): warning CT2311: endpoints.{key}.baseURL",
            plan.Stderr,
            StringComparison.Ordinal
        );
        Assert.Contains(proxy, plan.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("gw.example.com", plan.Stdout, StringComparison.Ordinal);
        // The key still enables the endpoint at its vendor host.
        Assert.Contains(vendor, plan.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bedrock_yaml_base_url_is_reported_and_not_allowed()
    {
        // bedrock/initialize.ts reads guardrailConfig and inferenceProfiles from the block, never baseURL.
        var fs = Files(
            "endpoints:\n  bedrock:\n    baseURL: \"https://gw.example.com\"\n    availableRegions: [us-east-1]\n",
            "  containment:env:\n    BEDROCK_AWS_DEFAULT_REGION: us-east-1\n"
        );
        var plan = Run(fs, "plan", "--stack", "dev");
        Assert.Contains(
            "warning CT2311: endpoints.bedrock.baseURL",
            plan.Stderr,
            StringComparison.Ordinal
        );
        Assert.Contains("BEDROCK_REVERSE_PROXY", plan.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("gw.example.com", plan.Stdout, StringComparison.Ordinal);
        Assert.Contains(
            "bedrock-runtime.us-east-1.amazonaws.com",
            plan.Stdout,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void An_unset_variable_in_an_ignored_base_url_is_no_unknown_host_even_in_enforce_mode()
    {
        var fs = Files(
                "endpoints:\n  openAI:\n    baseURL: \"https://${GATEWAY_HOST}/v1\"\n",
                "  containment:secretEnv: [OPENAI_API_KEY]\n"
            )
            .With(
                "Pulumi.prod.yaml",
                "config:\n  containment:librechatConfig: librechat.yaml\n  containment:mode: enforce\n  containment:secretEnv: [OPENAI_API_KEY]\n  containment:cluster:\n    id: c1\n    namespace: librechat\n"
            );
        var plan = Run(fs, "plan", "--stack", "prod");
        Assert.True(plan.ExitCode == 0, plan.Stderr);
        Assert.Contains("CT2311", plan.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("CT3003", plan.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("CT2010", plan.Stderr, StringComparison.Ordinal);
    }

    /// <summary>Every proxy variable the issue lists, with the trigger that turns its feature on.</summary>
    public static TheoryData<string, string, string, string> ProxyVariables =>
        new()
        {
            // packages/api/src/endpoints/openai/initialize.ts baseURLOptions[openAI]
            { "OPENAI_API_KEY", "k", "OPENAI_REVERSE_PROXY", "https://gw.example.com/v1" },
            // api/server/services/Endpoints/assistants/initalize.js
            { "ASSISTANTS_API_KEY", "k", "ASSISTANTS_BASE_URL", "https://gw.example.com/v1" },
            // packages/api/src/endpoints/anthropic/initialize.ts
            { "ANTHROPIC_API_KEY", "k", "ANTHROPIC_REVERSE_PROXY", "https://gw.example.com" },
            // packages/api/src/endpoints/google/initialize.ts -> llm.ts llmConfig.baseUrl
            { "GOOGLE_KEY", "k", "GOOGLE_REVERSE_PROXY", "https://gw.example.com" },
            // the same baseUrl for the Vertex AI provider (service key)
            {
                "GOOGLE_SERVICE_KEY_FILE",
                "/k.json",
                "GOOGLE_REVERSE_PROXY",
                "https://gw.example.com"
            },
            // packages/api/src/endpoints/bedrock/initialize.ts endpoint https://${BEDROCK_REVERSE_PROXY}
            {
                "BEDROCK_AWS_DEFAULT_REGION",
                "us-east-1",
                "BEDROCK_REVERSE_PROXY",
                "gw.example.com"
            },
            // packages/api/src/endpoints/openai/initialize.ts baseURLOptions[azureOpenAI]
            { "AZURE_API_KEY", "k", "AZURE_OPENAI_BASEURL", "https://gw.example.com/openai" },
            // packages/api/src/endpoints/anthropic/initialize.ts vertexConfig?.baseURL || ANTHROPIC_VERTEX_BASE_URL
            {
                "ANTHROPIC_USE_VERTEX",
                "true",
                "ANTHROPIC_VERTEX_BASE_URL",
                "https://gw.example.com"
            },
            // api/server/middleware/moderateText.js
            {
                "OPENAI_MODERATION",
                "true",
                "OPENAI_MODERATION_REVERSE_PROXY",
                "https://gw.example.com/v1"
            },
        };

    [Theory]
    [MemberData(nameof(ProxyVariables))]
    public void Each_gateway_variable_replaces_the_vendor_host(
        string trigger,
        string value,
        string proxy,
        string url
    )
    {
        var vendorOnly = Allowed(
            With((trigger, value), ("AZURE_OPENAI_API_INSTANCE_NAME", "contoso")),
            out _
        );
        var proxied = Allowed(
            With((trigger, value), ("AZURE_OPENAI_API_INSTANCE_NAME", "contoso"), (proxy, url)),
            out _
        );
        Assert.Contains(proxied, a => a.Host == "gw.example.com");
        // A vendor the gateway replaced is not allowed: only the gateway, and Vertex's sign-in host, remain.
        var always = Allowed(With(), out _).Select(a => a.Host).ToHashSet(StringComparer.Ordinal);
        var vendors = vendorOnly
            .Select(a => a.Host)
            .Where(h => h != "oauth2.googleapis.com" && !always.Contains(h))
            .ToList();
        Assert.NotEmpty(vendors);
        Assert.All(vendors, v => Assert.DoesNotContain(proxied, a => a.Host == v));
    }

    [Theory]
    [InlineData("true", false)]
    [InlineData("false", true)]
    public void Anthropic_vertex_gateway_keeps_the_token_host_unless_it_owns_auth(
        string skipAuth,
        bool tokenHost
    )
    {
        // anthropic/initialize.ts: skipAuth (ANTHROPIC_VERTEX_SKIP_AUTH) => placeholder credentials, no token call.
        var allowed = Allowed(
            With(
                ("ANTHROPIC_USE_VERTEX", "true"),
                ("ANTHROPIC_VERTEX_BASE_URL", "https://gw.example.com"),
                ("ANTHROPIC_VERTEX_SKIP_AUTH", skipAuth)
            ),
            out _
        );
        Assert.Contains(allowed, a => a.Host == "gw.example.com");
        Assert.Equal(tokenHost, allowed.Any(a => a.Host == "oauth2.googleapis.com"));
        Assert.DoesNotContain(
            allowed,
            a => a.Host.EndsWith("aiplatform.googleapis.com", StringComparison.Ordinal)
        );
    }

    private static IReadOnlyList<(string Host, object Sources)> Allowed(
        Core.Settings.StackSettings settings,
        out Core.Diagnostics.DiagnosticBag bag
    )
    {
        var (model, _, diagnostics) = EgressTestHelpers.Run(Quiet(), settings);
        bag = diagnostics;
        Assert.NotNull(model);
        return
        [
            .. model.WebGroups.SelectMany(g => g.Hosts).Select(h => (h.Host, (object)h.Sources)),
        ];
    }
}
