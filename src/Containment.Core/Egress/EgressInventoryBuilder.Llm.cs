using Containment.Core.Catalog;
using Containment.Core.Diagnostics;
using Containment.Core.LibreChat;
using Containment.Core.Model;

namespace Containment.Core.Egress;

/// <summary>LLM providers: built-in endpoints to their catalogue hosts, Azure groups, Bedrock regions, custom baseURLs.</summary>
public sealed partial class EgressInventoryBuilder
{
    private const string Providers = ProviderCatalog.Name;

    private void AddLlmProviders()
    {
        foreach (var builtIn in _config.Endpoints.BuiltIns)
        {
            AddBuiltIn(builtIn);
        }
        if (_config.Endpoints.AzureOpenAI is { } azure)
        {
            foreach (var group in azure.Groups)
            {
                AddAzureGroup(group);
            }
        }
        if (_config.Endpoints.Bedrock is { } bedrock)
        {
            AddBedrock(bedrock);
        }
        foreach (var custom in _config.Endpoints.Custom)
        {
            AddUrl(
                custom.BaseUrl,
                EgressPurpose.LlmProvider,
                $"endpoints.custom '{custom.Name.Value}' baseURL"
            );
        }
    }

    private void AddBuiltIn(BuiltInEndpointConfig e)
    {
        var trigger = Prov(e.Location);
        var what = "endpoints." + e.Location.Path.Split('.').Last();
        if (e.BaseUrl is { } baseUrl)
        {
            // In the schema for built-ins; whether LibreChat honours it is unverified, so it is allowed too.
            AddUrl(baseUrl, EgressPurpose.LlmProvider, what + " baseURL");
        }
        if (ProxyReplacingVendor(e.Kind) is { } proxy)
        {
            // The reverse proxy is the endpoint's baseURL (EnvFeatureTable): LibreChat never calls the vendor then.
            AddEnvUrl(proxy, EgressPurpose.LlmProvider, $"{what} (through {proxy})");
            return;
        }
        switch (e.Kind)
        {
            case BuiltInEndpointKind.OpenAI or BuiltInEndpointKind.Assistants:
                AddCatalogEntry(
                    Providers,
                    "openai",
                    EgressPurpose.LlmProvider,
                    trigger,
                    e.Location.Span,
                    what
                );
                break;
            case BuiltInEndpointKind.Anthropic when e.Vertex is { Enabled: true } vertex:
                AddVertex(
                    vertex.Region.Value,
                    "vertex.region",
                    Prov(vertex.Region.Location),
                    vertex.Region.Location.Span,
                    what + ".vertex"
                );
                break;
            case BuiltInEndpointKind.Anthropic:
                AddCatalogEntry(
                    Providers,
                    "anthropic",
                    EgressPurpose.LlmProvider,
                    trigger,
                    e.Location.Span,
                    what
                );
                break;
            case BuiltInEndpointKind.Google:
                AddCatalogEntry(
                    Providers,
                    "google-gemini",
                    EgressPurpose.LlmProvider,
                    trigger,
                    e.Location.Span,
                    what
                );
                if (TryEnv("GOOGLE_LOC", out var location))
                {
                    // A service-account setup uses Vertex AI at GOOGLE_LOC instead of the Gemini API.
                    AddVertex(
                        location,
                        "GOOGLE_LOC",
                        new SettingProvenance("env", "GOOGLE_LOC"),
                        e.Location.Span,
                        what + " (Vertex AI)"
                    );
                }
                break;
            default:
                // azureAssistants uses the azureOpenAI groups; agents use the endpoints they name.
                break;
        }
    }

    /// <summary>The set proxy variable of a built-in endpoint's row in <see cref="EnvFeatureTable"/>, else null.</summary>
    private string? ProxyReplacingVendor(BuiltInEndpointKind kind)
    {
        var key = kind switch
        {
            BuiltInEndpointKind.OpenAI => "openAI",
            BuiltInEndpointKind.Assistants => "assistants",
            BuiltInEndpointKind.Anthropic => "anthropic",
            BuiltInEndpointKind.Google => "google",
            _ => null,
        };
        var proxy = EnvFeatureTable
            .All.FirstOrDefault(f => f.EndpointKey == key && key is not null)
            ?.ProxyVariable;
        return proxy is not null && IsPresent(proxy) ? proxy : null;
    }

    /// <summary>Vertex AI: <c>{region}-aiplatform</c>, <c>aiplatform</c> for global, <c>aiplatform.{us,eu}.rep</c>, plus the OAuth token host.</summary>
    private void AddVertex(
        string region,
        string field,
        Provenance trigger,
        Diagnostics.SourceSpan span,
        string what,
        EgressPurpose purpose = EgressPurpose.LlmProvider
    )
    {
        var r = region.Trim().ToLowerInvariant();
        var (entry, placeholder) = r switch
        {
            "global" => ("google-vertex-global", PlaceholderShapes.GcpRegion),
            "us" or "eu" => ("google-vertex-multiregion", PlaceholderShapes.GcpMultiRegion),
            _ => ("google-vertex", PlaceholderShapes.GcpRegion),
        };
        AddCatalogEntry(
            Providers,
            entry,
            purpose,
            trigger,
            span,
            what,
            [new PlaceholderValue(placeholder, r, field)]
        );
        AddCatalogEntry(Providers, "google-oauth", purpose, trigger, span, what);
    }

    private void AddAzureGroup(AzureGroupConfig group)
    {
        var what = $"endpoints.azureOpenAI group '{group.Name.Value}'";
        if (group.BaseUrl is { } baseUrl)
        {
            if (group.BaseUrlHostFromInstance)
            {
                AddAzureInstanceHost(group, baseUrl, what);
                return;
            }
            AddUrl(baseUrl, EgressPurpose.LlmProvider, what + " baseURL");
            return;
        }
        if (group.InstanceName is not { } instance)
        {
            _diagnostics.Add(
                DiagnosticCatalog.NoHost,
                group.Name.Location.Span,
                $"{what} has neither 'instanceName' nor 'baseURL', so it names no host."
            );
            return;
        }
        if (group.InstanceNameUnresolved || instance.Value.Contains("${", StringComparison.Ordinal))
        {
            _diagnostics.Add(
                DiagnosticCatalog.UnresolvedHost,
                instance.Location.Span,
                $"{what}: 'instanceName' uses an unset ${{VAR}}, so its host is unknown; set it under 'env' in the stack settings.",
                UnknownHostSeverity
            );
            return;
        }
        var name = instance.Value.Trim();
        if (name.Contains(".azure.com", StringComparison.OrdinalIgnoreCase))
        {
            // LibreChat's genAzureEndpoint (packages/api/src/utils/azure.ts) uses an instanceName that already names an
            // azure.com host as the full host. Only a host under azure.com may come that way: "*.com/.azure.com"
            // names *.com and "evil.example/.azure.com" evil.example, neither of which is an Azure endpoint.
            var parts = Net.UrlParts.TryParse(
                name.Contains("://", StringComparison.Ordinal) ? name : "https://" + name
            );
            if (
                parts is null
                || parts.Host.Contains('*', StringComparison.Ordinal)
                || !parts.Host.EndsWith(".azure.com", StringComparison.Ordinal)
            )
            {
                _diagnostics.Add(
                    DiagnosticCatalog.PlaceholderShape,
                    instance.Location.Span,
                    $"{what}: 'instanceName' holds '.azure.com' but does not name one host under azure.com; write the resource name (contoso) or its full host (contoso.cognitiveservices.azure.com)."
                );
                return;
            }
            AddHost(
                parts.Host,
                parts.EffectivePort,
                EgressPurpose.LlmProvider,
                [Prov(instance.Location)],
                instance.Location.Span,
                what
            );
            return;
        }
        AddCatalogEntry(
            Providers,
            "azure-openai",
            EgressPurpose.LlmProvider,
            Prov(instance.Location),
            instance.Location.Span,
            what,
            [
                new PlaceholderValue(
                    PlaceholderShapes.AzureResourceName,
                    name.ToLowerInvariant(),
                    "'instanceName'"
                ),
            ]
        );
    }

    /// <summary>
    /// A baseURL whose host LibreChat builds from the group's instanceName (<c>https://${INSTANCE_NAME}.gw.example/</c>):
    /// the instanceName fills the host only when it is one DNS label of an Azure resource name's shape, so
    /// <c>evil.com/x</c>, <c>*</c> or <c>a.b</c> cannot move or widen the host.
    /// </summary>
    private void AddAzureInstanceHost(AzureGroupConfig group, UrlValue baseUrl, string what)
    {
        if (baseUrl.Parts is not { } parts || group.InstanceName is not { } instance)
        {
            return;
        }
        var template = parts.Host.Replace(
            AzurePlaceholders.InstanceLabel,
            "{" + PlaceholderShapes.AzureResourceName + "}",
            StringComparison.Ordinal
        );
        var fill = new PlaceholderValue(
            PlaceholderShapes.AzureResourceName,
            instance.Value.Trim().ToLowerInvariant(),
            "'instanceName'"
        );
        if (Fill(template, [fill], instance.Location.Span, what) is not { } host)
        {
            return;
        }
        AddHost(
            host,
            parts.EffectivePort,
            EgressPurpose.LlmProvider,
            [Prov(baseUrl.Location), Prov(instance.Location)],
            instance.Location.Span,
            what + " baseURL"
        );
    }

    private void AddBedrock(BedrockConfig bedrock)
    {
        if (bedrock.Regions.Count == 0)
        {
            if (TryEnv("BEDROCK_AWS_DEFAULT_REGION", out var region))
            {
                AddBedrockRegion(
                    region,
                    "BEDROCK_AWS_DEFAULT_REGION",
                    new SettingProvenance("env", "BEDROCK_AWS_DEFAULT_REGION"),
                    bedrock.Location.Span
                );
                return;
            }
            _diagnostics.Add(
                DiagnosticCatalog.EnvOnlyDestination,
                bedrock.Location.Span,
                "endpoints.bedrock: no 'availableRegions', so the region comes from BEDROCK_AWS_DEFAULT_REGION; set 'availableRegions' or give BEDROCK_AWS_DEFAULT_REGION under 'env' in the stack settings."
            );
            return;
        }
        foreach (var region in bedrock.Regions)
        {
            AddBedrockRegion(
                region.Value,
                "'availableRegions' entry",
                Prov(region.Location),
                region.Location.Span
            );
        }
    }

    private void AddBedrockRegion(
        string region,
        string field,
        Provenance trigger,
        Diagnostics.SourceSpan span
    )
    {
        var fill = new PlaceholderValue(
            PlaceholderShapes.AwsRegion,
            region.Trim().ToLowerInvariant(),
            field
        );
        AddCatalogEntry(
            Providers,
            "bedrock-runtime",
            EgressPurpose.LlmProvider,
            trigger,
            span,
            "endpoints.bedrock",
            [fill]
        );
    }
}
