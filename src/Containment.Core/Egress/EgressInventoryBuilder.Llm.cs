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
        var key = e.Location.Path.Split('.').Last();
        var what = "endpoints." + key;
        if (e.BaseUrl is { } baseUrl)
        {
            WarnBuiltInBaseUrl(key, baseUrl);
        }
        if (e.Kind is BuiltInEndpointKind.Agents or BuiltInEndpointKind.AzureAssistants)
        {
            // agents is always on (EndpointService.js generateConfig('true')) and calls the endpoints it names;
            // azureAssistants uses the azureOpenAI groups.
            return;
        }
        if (e.Kind == BuiltInEndpointKind.Anthropic && e.Vertex is { Enabled: true } vertex)
        {
            AddYamlAnthropicVertex(vertex, what + ".vertex");
            return;
        }
        if (BuiltInEnvState(key, e.Location.Span, what) is not { } enabled)
        {
            return;
        }
        if (
            enabled.ProxyVariable is { } proxy && IsPresent(proxy)
            || YamlCatalogEntry(enabled.Id) is not { } entry
        )
        {
            // The env row allows the proxy or the regional host; the vendor is never called through this block.
            return;
        }
        AddCatalogEntry(
            Providers,
            entry,
            EgressPurpose.LlmProvider,
            Prov(e.Location),
            e.Location.Span,
            what,
            moreSources: [EnvProvenance(EnabledTrigger(enabled))]
        );
    }

    /// <summary>The catalogue entry of a key-only row's vendor host, for a yaml block's provenance; null for regional rows.</summary>
    private static string? YamlCatalogEntry(string featureId) =>
        featureId switch
        {
            "openai" or "assistants" => "openai",
            "anthropic" => "anthropic",
            "google-gemini" => "google-gemini",
            _ => null,
        };

    /// <summary>Vertex AI: <c>{region}-aiplatform</c>, <c>aiplatform</c> for global, <c>aiplatform.{us,eu}.rep</c>, plus the OAuth token host.</summary>
    private void AddVertex(
        string region,
        string field,
        Provenance trigger,
        Diagnostics.SourceSpan span,
        string what,
        EgressPurpose purpose = EgressPurpose.LlmProvider,
        IReadOnlyList<Provenance>? moreSources = null
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
            [new PlaceholderValue(placeholder, r, field)],
            moreSources: moreSources
        );
        AddCatalogEntry(
            Providers,
            "google-oauth",
            purpose,
            trigger,
            span,
            what,
            moreSources: moreSources
        );
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
                DiagnosticBuilder
                    .At(group.Name.Location.Span)
                    .NoHost(what, "'instanceName' or 'baseURL'")
            );
            return;
        }
        if (group.InstanceNameUnresolved || instance.Value.Contains("${", StringComparison.Ordinal))
        {
            _diagnostics.Add(
                DiagnosticBuilder
                    .At(instance.Location.Span)
                    .UnresolvedHost(what, "'instanceName'", []) with
                {
                    Severity = UnknownHostSeverity,
                }
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
                    DiagnosticBuilder
                        .At(instance.Location.Span)
                        .PlaceholderShape(
                            what,
                            "'instanceName'",
                            "a resource name (contoso) or one full host under azure.com (contoso.cognitiveservices.azure.com)",
                            "the Azure OpenAI host"
                        )
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
        if (bedrock.BaseUrl is { } baseUrl)
        {
            WarnBuiltInBaseUrl("bedrock", baseUrl);
        }
        // Its regions and models are read by the env row (AddEnvBedrock): the block alone enables nothing.
        _ = BuiltInEnvState("bedrock", bedrock.Location.Span, "endpoints.bedrock");
    }

    /// <summary>One Bedrock region: the runtime host, and <c>bedrock-mantle</c> when an <c>openai.*</c> model is configured.</summary>
    private void AddBedrockRegion(
        string region,
        string field,
        Provenance trigger,
        Diagnostics.SourceSpan span,
        IReadOnlyList<Provenance> moreSources,
        bool mantle
    )
    {
        var fill = new PlaceholderValue(
            PlaceholderShapes.AwsRegion,
            region.Trim().ToLowerInvariant(),
            field
        );
        foreach (
            var entry in mantle
                ? new[] { "bedrock-runtime", "bedrock-mantle" }
                : ["bedrock-runtime"]
        )
        {
            AddCatalogEntry(
                Providers,
                entry,
                EgressPurpose.LlmProvider,
                trigger,
                span,
                "bedrock",
                [fill],
                moreSources: moreSources
            );
        }
        // With neither BEDROCK_AWS_ACCESS_KEY_ID nor BEDROCK_AWS_SECRET_ACCESS_KEY (nor user_provided) LibreChat passes
        // no credentials and the SDK's default chain decides: the generic AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, else
        // the pod's identity, whose token comes from STS in this region, as for S3. Only with the IRSA variables in
        // sight: keyless Bedrock is as often an EC2/ECS role or EKS Pod Identity, which reach no STS host.
        var staticKeys =
            IsPresent("BEDROCK_AWS_SECRET_ACCESS_KEY")
            || IsPresent("BEDROCK_AWS_ACCESS_KEY_ID")
            || IsPresent("AWS_ACCESS_KEY_ID") && IsPresent("AWS_SECRET_ACCESS_KEY");
        if (UsesPodIdentity(staticKeys, assumeIrsa: false))
        {
            AddAwsStsHost(
                region,
                field,
                EgressPurpose.LlmProvider,
                [
                    trigger,
                    .. moreSources,
                    EnvProvenance("AWS_ROLE_ARN"),
                    new SettingProvenance("librechat", BedrockIdentitySource),
                ],
                span,
                "bedrock",
                WorkloadIdentityClient.Bedrock
            );
        }
    }

    private const string BedrockIdentitySource =
        LibreChatAt
        + " api/server/services/Endpoints/bedrock/options.js (credentials = undefined when BEDROCK_AWS_ACCESS_KEY_ID and BEDROCK_AWS_SECRET_ACCESS_KEY are both empty, so the AWS SDK's default chain runs: under IRSA AssumeRoleWithWebIdentity at STS in the client's region, aws-sdk-js-v3 PR #5800)";
}
