using System.Text.RegularExpressions;
using Containment.Core.Catalog;
using Containment.Core.Diagnostics;
using Containment.Core.LibreChat;
using Containment.Core.Model;

namespace Containment.Core.Egress;

/// <summary>
/// Built-in LLM providers whose host LibreChat builds from its environment (<see cref="EnvRegionalHost"/>): Bedrock
/// regions, Vertex AI locations, the Azure OpenAI instance; and what a librechat.yaml block of a built-in endpoint
/// adds to them (nothing without the key).
/// </summary>
public sealed partial class EgressInventoryBuilder
{
    /// <summary>
    /// LibreChat's <c>isBedrockMantleModel</c> (packages/api/src/endpoints/bedrock/mantle.ts@1ee32b29
    /// <c>/^openai\.(?!gpt-oss)/</c>): OpenAI models on Bedrock go to bedrock-mantle, gpt-oss stays on Converse.
    /// </summary>
    [GeneratedRegex(@"^openai\.(?!gpt-oss)", RegexOptions.CultureInvariant)]
    private static partial Regex BedrockMantleModel();

    /// <summary>
    /// The enabled env row of a built-in endpoint, else null. Without any row enabled (and none hidden by
    /// <c>ENDPOINTS</c>, which CT2302 reports), the yaml block enables nothing: CT2310 on its key.
    /// </summary>
    private EnvFeature? BuiltInEnvState(string endpointKey, SourceSpan span, string what)
    {
        var rows = EnvFeatureTable.All.Where(f => f.EndpointKey == endpointKey).ToList();
        var enabled = EnabledEnvFeatures()
            .Where(f => f.Feature.EndpointKey == endpointKey)
            .ToList();
        if (enabled.Count == 0)
        {
            var keys = rows.SelectMany(f =>
                    f.Triggers.Select(t => f.FlagTriggers ? t + "=true" : t)
                )
                .Distinct(StringComparer.Ordinal)
                .ToList();
            _diagnostics.Add(
                DiagnosticBuilder.At(span).BuiltInBlockWithoutKey(what, endpointKey, keys)
            );
            return null;
        }
        return enabled.FirstOrDefault(f => !f.Hidden).Feature;
    }

    /// <summary>
    /// A built-in endpoint's yaml <c>baseURL</c> is in LibreChat's schema but no initializer reads it: openai/initialize.ts
    /// takes OPENAI_REVERSE_PROXY, anthropic/initialize.ts ANTHROPIC_REVERSE_PROXY, google/initialize.ts
    /// GOOGLE_REVERSE_PROXY, assistants/initalize.js ASSISTANTS_BASE_URL, bedrock/initialize.ts BEDROCK_REVERSE_PROXY.
    /// Allowing its host would allow a host LibreChat never calls, so it is reported (CT2311) and not allowed.
    /// </summary>
    private void WarnBuiltInBaseUrl(string endpointKey, ConfigValue<string> baseUrl)
    {
        var proxy = EnvFeatureTable
            .All.Where(f => f.EndpointKey == endpointKey && f.ProxyVariable is not null)
            .Select(f => f.ProxyVariable!)
            .FirstOrDefault();
        _diagnostics.Add(
            DiagnosticBuilder.At(baseUrl.Location.Span).BuiltInBaseUrlIgnored(endpointKey, proxy)
        );
    }

    private string EnabledTrigger(EnvFeature feature) =>
        EnabledEnvFeatures().First(f => f.Feature == feature).Trigger;

    /// <summary>Rows librechat.yaml takes over: an azureOpenAI block replaces the env form, a vertex block the Anthropic key and env region.</summary>
    private bool YamlReplacesEnvFeature(EnvFeature feature) =>
        feature.Id switch
        {
            // packages/api/src/endpoints/openai/initialize.ts: with an azureOpenAI block, its groups decide the host.
            "azure-openai" => _config.Endpoints.AzureOpenAI is not null,
            // anthropic/initialize.ts: a vertex block (enabled unless false) wins over ANTHROPIC_USE_VERTEX and the key;
            // data-schemas app/vertex.ts fills its region (default us-east5), so ANTHROPIC_VERTEX_REGION is not read.
            "anthropic" or "anthropic-vertex" => YamlAnthropicVertex() is not null,
            _ => false,
        };

    private AnthropicVertexConfig? YamlAnthropicVertex() =>
        _config
            .Endpoints.BuiltIns.FirstOrDefault(b => b.Kind == BuiltInEndpointKind.Anthropic)
            ?.Vertex
            is { Enabled: true } v
            ? v
            : null;

    /// <summary>
    /// <c>endpoints.anthropic.vertex</c>: enables Anthropic without a key (packages/api/src/endpoints/config/endpoints.ts
    /// <c>vertexConfig?.enabled</c>); <c>ANTHROPIC_VERTEX_BASE_URL</c> replaces the regional host.
    /// </summary>
    private void AddYamlAnthropicVertex(AnthropicVertexConfig vertex, string what)
    {
        var trigger = Prov(vertex.Region.Location);
        if (IsPresent("ANTHROPIC_VERTEX_BASE_URL"))
        {
            AddEnvUrl("ANTHROPIC_VERTEX_BASE_URL", EgressPurpose.LlmProvider, what);
            AddCatalogEntry(
                Providers,
                "google-oauth",
                EgressPurpose.LlmProvider,
                trigger,
                vertex.Region.Location.Span,
                what
            );
            return;
        }
        AddVertex(vertex.Region.Value, "vertex.region", trigger, vertex.Region.Location.Span, what);
    }

    /// <summary>
    /// A proxy replaces the vendor host, but Vertex's service-account sign-in still calls Google's token host
    /// (google-auth-library), so that stays.
    /// </summary>
    private void AddKeptWithProxy(
        EnvFeature feature,
        IReadOnlyList<Provenance> sources,
        string what
    )
    {
        // anthropic/initialize.ts: ANTHROPIC_VERTEX_SKIP_AUTH hands auth to the gateway, so no token is fetched.
        var gatewayOwnsAuth =
            feature.Id == "anthropic-vertex"
            && EnvFeatureTable.IsTrue(
                _settings.SecretEnv.Contains("ANTHROPIC_VERTEX_SKIP_AUTH", StringComparer.Ordinal)
                    ? null
                    : _settings.Env.GetValueOrDefault("ANTHROPIC_VERTEX_SKIP_AUTH")
            );
        if (feature.Regional?.CatalogEntry == "google-vertex" && !gatewayOwnsAuth)
        {
            AddCatalogEntry(
                Providers,
                "google-oauth",
                PurposeOf(feature.Kind),
                null,
                SettingsSpan,
                what,
                moreSources: sources
            );
        }
    }

    /// <summary>Fills a row's templated host from the first set variable, else LibreChat's default.</summary>
    private void AddEnvRegional(
        EnvFeature feature,
        EnvRegionalHost regional,
        IReadOnlyList<Provenance> sources,
        string what
    )
    {
        string? value = null;
        string? field = null;
        IReadOnlyList<Provenance> all = sources;
        foreach (var variable in regional.Variables)
        {
            if (TryEnv(variable, out var v))
            {
                (value, field) = (v, variable);
                all = [.. sources, EnvProvenance(variable)];
                break;
            }
        }
        if (value is null && regional.Default is { } fallback)
        {
            (value, field) = (fallback, $"LibreChat's default for {regional.Variables[0]}");
        }
        switch (regional.CatalogEntry)
        {
            case "google-vertex":
                AddVertex(
                    value!,
                    field!,
                    all[0],
                    SettingsSpan,
                    what,
                    moreSources: all.Skip(1).ToList()
                );
                break;
            case "bedrock-runtime":
                AddEnvBedrock(value, field, all, sources, what);
                break;
            default:
                if (value is null)
                {
                    _diagnostics.Add(
                        DiagnosticBuilder
                            .At(SettingsSpan)
                            .UnresolvedHost(
                                what,
                                $"the host LibreChat calls ({regional.CatalogEntry})",
                                regional.Variables
                            ) with
                        {
                            Severity = UnknownHostSeverity,
                        }
                    );
                    return;
                }
                AddCatalogEntry(
                    Providers,
                    regional.CatalogEntry,
                    PurposeOf(feature.Kind),
                    all[0],
                    SettingsSpan,
                    what,
                    [
                        new PlaceholderValue(
                            regional.Placeholder,
                            value.Trim().ToLowerInvariant(),
                            field!
                        ),
                    ],
                    moreSources: all.Skip(1).ToList()
                );
                break;
        }
    }

    /// <summary>
    /// Bedrock: the default region and every <c>availableRegions</c> entry (the user picks one per request,
    /// bedrock/initialize.ts <c>model_parameters.region</c>), plus bedrock-mantle in each when a configured model
    /// (<c>BEDROCK_AWS_MODELS</c>, split on commas as getBedrockModels does, or yaml <c>models</c>) is <c>openai.*</c>.
    /// A yaml region's provenance is its line and the trigger, not the variable that gave the default region.
    /// </summary>
    private void AddEnvBedrock(
        string? defaultRegion,
        string? field,
        IReadOnlyList<Provenance> sources,
        IReadOnlyList<Provenance> featureSources,
        string what
    )
    {
        var yaml = _config.Endpoints.Bedrock;
        var envModels = TryEnv("BEDROCK_AWS_MODELS", out var list)
            ? list.Split(',').Select(m => m.Trim())
            : [];
        var mantle = envModels
            .Concat(yaml?.Models.Select(m => m.Value.Trim()) ?? [])
            .Any(m => BedrockMantleModel().IsMatch(m));
        if (defaultRegion is not null)
        {
            AddBedrockRegion(
                defaultRegion,
                field!,
                sources[0],
                SettingsSpan,
                sources.Skip(1).ToList(),
                mantle
            );
        }
        foreach (var region in yaml?.Regions ?? [])
        {
            AddBedrockRegion(
                region.Value,
                "'availableRegions' entry",
                Prov(region.Location),
                region.Location.Span,
                featureSources,
                mantle
            );
        }
        if (defaultRegion is null && (yaml?.Regions.Count ?? 0) == 0)
        {
            _diagnostics.Add(
                DiagnosticBuilder
                    .At(yaml?.Location.Span ?? SettingsSpan)
                    .EnvOnlyDestination(
                        what,
                        "the region",
                        [
                            "BEDROCK_AWS_DEFAULT_REGION",
                            "AWS_REGION (the AWS SDK's fallback)",
                            "endpoints.bedrock 'availableRegions'",
                        ]
                    )
            );
        }
    }
}
