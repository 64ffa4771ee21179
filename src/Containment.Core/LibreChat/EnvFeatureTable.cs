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
public sealed record EnvFeature(
    string Id,
    EnvFeatureKind Kind,
    string? EndpointKey,
    IReadOnlyList<string> Triggers,
    string? ProxyVariable,
    IReadOnlyList<string> DefaultHosts,
    string Source
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
            "danny-avila/LibreChat api/server/services/Config/EndpointService.js; packages/api/src/endpoints/anthropic/initialize.ts"
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

    /// <summary>
    /// The rows the environment switches on, each with the trigger that did it and whether <c>ENDPOINTS</c> hides it.
    /// <paramref name="isPresent"/> says whether a variable is set (a value, or a name set from a Secret).
    /// </summary>
    public static IReadOnlyList<(EnvFeature Feature, string Trigger, bool Hidden)> Enabled(
        Func<string, bool> isPresent,
        string? endpointsVariable
    )
    {
        ArgumentNullException.ThrowIfNull(isPresent);
        var result = new List<(EnvFeature, string, bool)>();
        foreach (var feature in All)
        {
            if (feature.Triggers.FirstOrDefault(isPresent) is { } trigger)
            {
                var hidden =
                    feature.EndpointKey is { } key && !EndpointEnabled(endpointsVariable, key);
                result.Add((feature, trigger, hidden));
            }
        }
        return result;
    }

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
