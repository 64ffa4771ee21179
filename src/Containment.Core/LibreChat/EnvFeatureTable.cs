namespace Containment.Core.LibreChat;

/// <summary>What a feature switched on by LibreChat's environment calls (the egress builder maps this to a WebGroup).</summary>
public enum EnvFeatureKind
{
    LlmProvider,
    WebSearch,
    Tool,
    Moderation,
}

/// <summary>
/// One feature LibreChat turns on from its environment alone, without a librechat.yaml section.
/// </summary>
/// <param name="Id">Stable name, used in provenance and tests.</param>
/// <param name="Kind">What the calls are for.</param>
/// <param name="EndpointKey">The <c>ENDPOINTS</c> key that can hide it (built-in endpoints only), else null.</param>
/// <param name="Triggers">Any of these set (a value, <c>user_provided</c>, or a name set from a Secret) turns the feature on.</param>
/// <param name="ProxyVariable">A URL variable whose host replaces <paramref name="DefaultHosts"/> when set.</param>
/// <param name="DefaultHosts">The vendor hosts LibreChat calls when no proxy variable is set.</param>
/// <param name="Source">Where LibreChat decides this (repository path and version read).</param>
/// <param name="Regional">A host LibreChat builds from a region or resource name (Bedrock, Vertex, Azure), else null.</param>
/// <param name="FlagTriggers">Triggers LibreChat reads with <c>isEnabled</c>: only the value <c>true</c> turns the feature on.</param>
/// <param name="SuppressedBy">Variables that, when set (a flag: when true), make LibreChat take another path instead.</param>
/// <param name="ProxyIsHost">The proxy variable holds a bare host that LibreChat prefixes with <c>https://</c>.</param>
public sealed record EnvFeature(
    string Id,
    EnvFeatureKind Kind,
    string? EndpointKey,
    IReadOnlyList<string> Triggers,
    string? ProxyVariable,
    IReadOnlyList<string> DefaultHosts,
    string Source,
    EnvRegionalHost? Regional = null,
    bool FlagTriggers = false,
    IReadOnlyList<string>? SuppressedBy = null,
    bool ProxyIsHost = false
)
{
    /// <summary>What the feature calls when no proxy is set, for messages: its hosts, or the templated host and what fills it.</summary>
    public string HostsText =>
        Regional is { } r
            ? $"the {r.CatalogEntry} host for {string.Join(" or ", r.Variables)}"
                + (r.Default is { } d ? $" (default {d})" : "")
            : string.Join(", ", DefaultHosts);
}

/// <summary>
/// A provider host with a placeholder LibreChat fills from its environment: the catalogue entry
/// (<c>providers</c>) whose template holds it, the placeholder's shape name, the variables read in order (first set
/// wins) and LibreChat's default when none is set (null: no default, the host is unknown).
/// </summary>
public sealed record EnvRegionalHost(
    string CatalogEntry,
    string Placeholder,
    IReadOnlyList<string> Variables,
    string? Default
);

/// <summary>
/// The behaviour table: features LibreChat's environment switches on or redirects (issue 12 items 4-6). Each row cites
/// the LibreChat code that reads the variables; shared/reference/librechat-env-egress.md has the prose.
/// </summary>
public static class EnvFeatureTable
{
    /// <summary>LibreChat v0.8.x (danny-avila/LibreChat main, librechat-data-provider 0.8.524) unless a row says otherwise.</summary>
    public const string Version = "LibreChat v0.8 (librechat-data-provider 0.8.524)";

    public static IReadOnlyList<EnvFeature> All { get; } =
    [
        new(
            "openai",
            EnvFeatureKind.LlmProvider,
            "openAI",
            ["OPENAI_API_KEY"],
            "OPENAI_REVERSE_PROXY",
            ["api.openai.com"],
            "danny-avila/LibreChat api/server/services/Config/EndpointService.js (key or user_provided enables; OPENAI_REVERSE_PROXY is the baseURL), loadDefaultEConfig.js"
        ),
        new(
            "assistants",
            EnvFeatureKind.LlmProvider,
            "assistants",
            ["ASSISTANTS_API_KEY"],
            "ASSISTANTS_BASE_URL",
            ["api.openai.com"],
            "danny-avila/LibreChat api/server/services/Config/EndpointService.js (generateConfig(ASSISTANTS_API_KEY, ASSISTANTS_BASE_URL))"
        ),
        new(
            "anthropic",
            EnvFeatureKind.LlmProvider,
            "anthropic",
            ["ANTHROPIC_API_KEY"],
            "ANTHROPIC_REVERSE_PROXY",
            ["api.anthropic.com"],
            "danny-avila/LibreChat api/server/services/Config/EndpointService.js; packages/api/src/endpoints/anthropic/initialize.ts@1329293d (useVertexAI skips ANTHROPIC_API_KEY)",
            SuppressedBy: ["ANTHROPIC_USE_VERTEX"]
        ),
        new(
            "google-gemini",
            EnvFeatureKind.LlmProvider,
            "google",
            ["GOOGLE_KEY"],
            "GOOGLE_REVERSE_PROXY",
            ["generativelanguage.googleapis.com"],
            "danny-avila/LibreChat packages/api/src/endpoints/google/initialize.ts (GOOGLE_KEY, GOOGLE_REVERSE_PROXY)"
        ),
        new(
            "google-vertex",
            EnvFeatureKind.LlmProvider,
            "google",
            ["GOOGLE_SERVICE_KEY_FILE"],
            "GOOGLE_REVERSE_PROXY",
            [],
            "danny-avila/LibreChat api/server/services/Config/loadAsyncEndpoints.js (no GOOGLE_KEY: the service key from GOOGLE_SERVICE_KEY_FILE enables google); packages/api/src/endpoints/google/llm.ts@00b3bc32 getGoogleConfig (project_id => Vertex AI, location GOOGLE_LOC || 'us-central1'; reverseProxyUrl => baseUrl)",
            new EnvRegionalHost("google-vertex", "gcpRegion", ["GOOGLE_LOC"], "us-central1"),
            SuppressedBy: ["GOOGLE_KEY"]
        ),
        new(
            "anthropic-vertex",
            EnvFeatureKind.LlmProvider,
            "anthropic",
            ["ANTHROPIC_USE_VERTEX"],
            "ANTHROPIC_VERTEX_BASE_URL",
            [],
            "danny-avila/LibreChat api/server/services/Config/EndpointService.js (isEnabled(ANTHROPIC_USE_VERTEX) enables anthropic); packages/api/src/endpoints/anthropic/initialize.ts@1329293d (vertexConfig.baseURL || ANTHROPIC_VERTEX_BASE_URL); vertex.ts@0b50fb98 createAnthropicVertexClient (region || ANTHROPIC_VERTEX_REGION || 'us-east5')",
            new EnvRegionalHost(
                "google-vertex",
                "gcpRegion",
                ["ANTHROPIC_VERTEX_REGION"],
                "us-east5"
            ),
            FlagTriggers: true
        ),
        new(
            "bedrock",
            EnvFeatureKind.LlmProvider,
            "bedrock",
            ["BEDROCK_AWS_SECRET_ACCESS_KEY", "BEDROCK_AWS_DEFAULT_REGION"],
            "BEDROCK_REVERSE_PROXY",
            [],
            "danny-avila/LibreChat api/server/services/Config/EndpointService.js (generateConfig(BEDROCK_AWS_SECRET_ACCESS_KEY ?? BEDROCK_AWS_DEFAULT_REGION)); packages/api/src/endpoints/bedrock/initialize.ts@0173d7f3 (region BEDROCK_AWS_DEFAULT_REGION, no LibreChat default: the AWS SDK reads AWS_REGION; endpoint https://${BEDROCK_REVERSE_PROXY})",
            new EnvRegionalHost(
                "bedrock-runtime",
                "awsRegion",
                ["BEDROCK_AWS_DEFAULT_REGION", "AWS_REGION"],
                null
            ),
            ProxyIsHost: true
        ),
        new(
            "azure-openai",
            EnvFeatureKind.LlmProvider,
            "azureOpenAI",
            ["AZURE_API_KEY"],
            "AZURE_OPENAI_BASEURL",
            [],
            "danny-avila/LibreChat api/server/services/Config/EndpointService.js (generateConfig(AZURE_API_KEY, AZURE_OPENAI_BASEURL)); packages/api/src/endpoints/openai/initialize.ts (no azureOpenAI block: getAzureCredentials, reverseProxyUrl AZURE_OPENAI_BASEURL); packages/api/src/utils/azure.ts@0affea39 genAzureEndpoint (https://${instance}.openai.azure.com)",
            new EnvRegionalHost(
                "azure-openai",
                "instanceName",
                ["AZURE_OPENAI_API_INSTANCE_NAME"],
                null
            )
        ),
        new(
            "code-interpreter",
            EnvFeatureKind.Tool,
            null,
            ["LIBRECHAT_CODE_API_KEY"],
            "LIBRECHAT_CODE_BASEURL",
            ["api.librechat.ai"],
            "danny-avila/agents src/common/enum.ts (default https://api.librechat.ai/v1, LIBRECHAT_CODE_BASEURL)"
        ),
        new(
            "flux",
            EnvFeatureKind.Tool,
            null,
            ["FLUX_API_KEY"],
            "FLUX_API_BASE_URL",
            ["api.us1.bfl.ai"],
            "danny-avila/LibreChat api/app/clients/tools/structured/FluxAPI.js"
        ),
        new(
            "moderation",
            EnvFeatureKind.Moderation,
            null,
            ["OPENAI_MODERATION"],
            "OPENAI_MODERATION_REVERSE_PROXY",
            ["api.openai.com"],
            "danny-avila/LibreChat api/server/middleware/moderateText.js"
        ),
        new(
            "serper",
            EnvFeatureKind.WebSearch,
            null,
            ["SERPER_API_KEY"],
            null,
            ["google.serper.dev", "scrape.serper.dev"],
            "danny-avila/LibreChat packages/data-schemas/src/app/web.ts loadWebSearchConfig (env keys without a webSearch section); packages/api/src/web/web.ts"
        ),
        new(
            "firecrawl",
            EnvFeatureKind.WebSearch,
            null,
            ["FIRECRAWL_API_KEY"],
            "FIRECRAWL_API_URL",
            ["api.firecrawl.dev"],
            "danny-avila/LibreChat packages/data-schemas/src/app/web.ts loadWebSearchConfig; packages/api/src/web/web.ts"
        ),
        new(
            "jina",
            EnvFeatureKind.WebSearch,
            null,
            ["JINA_API_KEY"],
            "JINA_API_URL",
            ["api.jina.ai"],
            "danny-avila/LibreChat packages/data-schemas/src/app/web.ts loadWebSearchConfig; packages/api/src/web/web.ts"
        ),
        new(
            "cohere",
            EnvFeatureKind.WebSearch,
            null,
            ["COHERE_API_KEY"],
            null,
            ["api.cohere.com"],
            "danny-avila/LibreChat packages/data-schemas/src/app/web.ts loadWebSearchConfig (reranker)"
        ),
    ];

    /// <summary>Variables LibreChat reads with <c>isEnabled</c> (only <c>true</c>, trimmed and case-insensitive, counts).</summary>
    public static IReadOnlySet<string> Flags { get; } =
        All.Where(f => f.FlagTriggers)
            .SelectMany(f => f.Triggers)
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// The rows the environment switches on, each with the trigger that did it and whether <c>ENDPOINTS</c> hides it.
    /// <paramref name="isPresent"/> says whether a variable is set (a value, or a name set from a Secret);
    /// <paramref name="valueOf"/> gives a plain value, for the flags (a flag set from a Secret is not known to be true).
    /// </summary>
    public static IReadOnlyList<(EnvFeature Feature, string Trigger, bool Hidden)> Enabled(
        Func<string, bool> isPresent,
        string? endpointsVariable,
        Func<string, string?>? valueOf = null
    )
    {
        ArgumentNullException.ThrowIfNull(isPresent);
        bool IsSet(string name) =>
            Flags.Contains(name) ? IsTrue(valueOf?.Invoke(name)) : isPresent(name);
        var result = new List<(EnvFeature, string, bool)>();
        foreach (var feature in All)
        {
            if ((feature.SuppressedBy ?? []).Any(IsSet))
            {
                continue;
            }
            if (feature.Triggers.FirstOrDefault(IsSet) is { } trigger)
            {
                var hidden =
                    feature.EndpointKey is { } key && !EndpointEnabled(endpointsVariable, key);
                result.Add((feature, trigger, hidden));
            }
        }
        return result;
    }

    /// <summary>LibreChat's <c>isEnabled</c> (packages/api/src/utils/common.ts): the string <c>true</c>, trimmed, any case.</summary>
    public static bool IsTrue(string? value) =>
        string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// LibreChat's <c>getEnabledEndpoints</c> (packages/data-provider/src/config.ts): when <c>ENDPOINTS</c> is set, only
    /// the endpoints it lists (comma-separated, trimmed) are offered; otherwise all are.
    /// </summary>
    public static bool EndpointEnabled(string? endpointsVariable, string endpointKey)
    {
        ArgumentNullException.ThrowIfNull(endpointKey);
        if (string.IsNullOrWhiteSpace(endpointsVariable))
        {
            return true;
        }
        return endpointsVariable
            .Split(',')
            .Any(e => string.Equals(e.Trim(), endpointKey, StringComparison.Ordinal));
    }
}
