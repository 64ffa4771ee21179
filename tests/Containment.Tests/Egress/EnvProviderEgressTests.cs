using Containment.Core.Diagnostics;
using Containment.Core.LibreChat;
using Containment.Core.Settings;
using static Containment.Tests.Egress.EnvFeatureEgressTests;
using static Containment.Tests.Infrastructure.Models.SampleConfigs;

namespace Containment.Tests.Egress;

/// <summary>
/// Issue 12 item 4 and the provider half of item 6: built-in providers enabled by their key alone (Bedrock, Vertex
/// via a service key, Anthropic on Vertex, the Azure env form) and the hosts LibreChat builds from env for them.
/// Each test cites the LibreChat line it models (danny-avila/LibreChat, commits as read through the search index).
/// </summary>
public class EnvProviderEgressTests
{
    private static (IReadOnlyList<string> Hosts, DiagnosticBag Diagnostics) Plan(
        StackSettings settings,
        LibreChatConfig? config = null
    )
    {
        var (model, _, bag) = EgressTestHelpers.Run(config ?? Quiet(), settings);
        return (model is null ? [] : model.Hosts("llm-providers"), bag);
    }

    private static LibreChatConfig WithBuiltIn(BuiltInEndpointKind kind, string key) =>
        Quiet() with
        {
            Endpoints = new EndpointsConfig
            {
                BuiltIns =
                [
                    new BuiltInEndpointConfig
                    {
                        Kind = kind,
                        Location = Loc("endpoints." + key, 12),
                    },
                ],
            },
        };

    private static LibreChatConfig WithBedrock(
        IReadOnlyList<string>? regions = null,
        IReadOnlyList<string>? models = null
    ) =>
        Quiet() with
        {
            Endpoints = new EndpointsConfig
            {
                Bedrock = new BedrockConfig
                {
                    Location = Loc("endpoints.bedrock", 30),
                    Regions =
                    [
                        .. (regions ?? []).Select(
                            (r, i) => Val(r, $"endpoints.bedrock.availableRegions[{i}]", 32 + i, 9)
                        ),
                    ],
                    Models =
                    [
                        .. (models ?? []).Select(
                            (m, i) => Val(m, $"endpoints.bedrock.models[{i}]", 40 + i, 9)
                        ),
                    ],
                },
            },
        };

    [Fact]
    public void Bedrock_is_enabled_by_its_secret_key_or_its_default_region_never_by_the_access_key_id_alone()
    {
        // api/server/services/Config/EndpointService.js:
        // generateConfig(process.env.BEDROCK_AWS_SECRET_ACCESS_KEY ?? process.env.BEDROCK_AWS_DEFAULT_REGION).
        Assert.Empty(
            Plan(With(("BEDROCK_AWS_ACCESS_KEY_ID", "AKIA"), ("AWS_REGION", "eu-west-1"))).Hosts
        );
        Assert.Equal(
            ["bedrock-runtime.eu-west-1.amazonaws.com"],
            Plan(With(("BEDROCK_AWS_DEFAULT_REGION", "eu-west-1"))).Hosts
        );
        Assert.Equal(
            ["bedrock-runtime.us-east-2.amazonaws.com"],
            Plan(
                Stack() with
                {
                    SecretEnv = ["BEDROCK_AWS_SECRET_ACCESS_KEY"],
                    Env = new Dictionary<string, string>
                    {
                        ["BEDROCK_AWS_DEFAULT_REGION"] = "us-east-2",
                    },
                }
            ).Hosts
        );
    }

    [Fact]
    public void Bedrock_without_a_default_region_uses_the_aws_sdk_region_and_otherwise_warns()
    {
        // bedrock/initialize.ts: region: BEDROCK_AWS_DEFAULT_REGION, no LibreChat default; the AWS SDK then reads AWS_REGION.
        Assert.Equal(
            ["bedrock-runtime.ap-south-1.amazonaws.com"],
            Plan(With(("BEDROCK_AWS_SECRET_ACCESS_KEY", "k"), ("AWS_REGION", "ap-south-1"))).Hosts
        );
        var (hosts, bag) = Plan(With(("BEDROCK_AWS_SECRET_ACCESS_KEY", "k")));
        Assert.Empty(hosts);
        Assert.True(bag.Has(DiagnosticCatalog.EnvOnlyDestination));
    }

    [Fact]
    public void Bedrock_allows_the_default_region_and_every_available_region()
    {
        // config/endpoints.ts passes availableRegions to the client; bedrock/initialize.ts uses the request's
        // region (model_parameters) before BEDROCK_AWS_DEFAULT_REGION, so both are called.
        var (hosts, _) = Plan(
            With(("BEDROCK_AWS_DEFAULT_REGION", "us-west-2")),
            WithBedrock(["us-east-1", "eu-central-1"])
        );
        Assert.Equal(
            [
                "bedrock-runtime.eu-central-1.amazonaws.com",
                "bedrock-runtime.us-east-1.amazonaws.com",
                "bedrock-runtime.us-west-2.amazonaws.com",
            ],
            hosts
        );
    }

    [Fact]
    public void An_available_region_names_its_line_not_the_default_region_variable()
    {
        var (model, _, _) = EgressTestHelpers.Run(
            WithBedrock(["us-east-1"]),
            With(("BEDROCK_AWS_SECRET_ACCESS_KEY", "k"), ("AWS_REGION", "us-west-2"))
        );
        var entry = Assert.Single(
            model!.Group("llm-providers").Hosts,
            h => h.Host == "bedrock-runtime.us-east-1.amazonaws.com"
        );
        Assert.Contains(
            entry.Sources,
            s => s is Core.Model.ConfigProvenance { Path: "endpoints.bedrock.availableRegions[0]" }
        );
        Assert.DoesNotContain(
            entry.Sources,
            s =>
                s.ToString().Contains("AWS_REGION", StringComparison.Ordinal)
                && s is Core.Model.SettingProvenance { Setting: "env" }
        );
    }

    [Theory]
    [InlineData("openai.gpt-5.5", true)]
    [InlineData(" anthropic.claude-v2 , openai.gpt-5-codex", true)]
    [InlineData("openai.gpt-oss-120b-1:0", false)]
    [InlineData("us.anthropic.claude-sonnet-4-5", false)]
    public void Bedrock_openai_models_add_bedrock_mantle_in_every_region(string models, bool mantle)
    {
        // bedrock/mantle.ts: /^openai\.(?!gpt-oss)/ and https://bedrock-mantle.${region}.api.aws/openai/v1;
        // getBedrockModels splits BEDROCK_AWS_MODELS on commas and trims.
        var (hosts, _) = Plan(
            With(("BEDROCK_AWS_DEFAULT_REGION", "us-east-1"), ("BEDROCK_AWS_MODELS", models)),
            WithBedrock(["eu-west-1"])
        );
        Assert.Equal(mantle, hosts.Contains("bedrock-mantle.us-east-1.api.aws"));
        Assert.Equal(mantle, hosts.Contains("bedrock-mantle.eu-west-1.api.aws"));
    }

    [Fact]
    public void Bedrock_yaml_models_count_for_bedrock_mantle_too()
    {
        var (hosts, _) = Plan(
            With(("BEDROCK_AWS_DEFAULT_REGION", "us-east-1")),
            WithBedrock(models: ["openai.gpt-5.5"])
        );
        Assert.Contains("bedrock-mantle.us-east-1.api.aws", hosts);
    }

    [Fact]
    public void Bedrock_regions_go_through_the_aws_region_shape_check()
    {
        var (hosts, bag) = Plan(
            With(("BEDROCK_AWS_DEFAULT_REGION", "us-east-1")),
            WithBedrock(["evil.example/x"])
        );
        // A value of the wrong shape is an error (the plan stops) and never becomes a host.
        Assert.DoesNotContain(hosts, h => h.Contains("evil", StringComparison.Ordinal));
        Assert.True(bag.Has(DiagnosticCatalog.PlaceholderShape));
    }

    [Fact]
    public void Bedrock_reverse_proxy_is_a_bare_host_and_a_url_there_is_reported()
    {
        // bedrock/initialize.ts: customClientConfig.endpoint = `https://${BEDROCK_REVERSE_PROXY}`.
        var (hosts, bag) = Plan(
            With(
                ("BEDROCK_AWS_DEFAULT_REGION", "us-east-1"),
                ("BEDROCK_REVERSE_PROXY", "https://gw.example.com")
            )
        );
        Assert.Empty(hosts);
        Assert.True(bag.Has(DiagnosticCatalog.InvalidUrl));
    }

    [Fact]
    public void Vertex_through_a_service_key_file_uses_us_central1_unless_google_loc_says_otherwise()
    {
        // loadAsyncEndpoints.js: without GOOGLE_KEY, a service key from GOOGLE_SERVICE_KEY_FILE enables google;
        // google/llm.ts: location = process.env.GOOGLE_LOC || 'us-central1' for the Vertex AI provider.
        Assert.Equal(
            ["oauth2.googleapis.com", "us-central1-aiplatform.googleapis.com"],
            Plan(With(("GOOGLE_SERVICE_KEY_FILE", "/app/data/auth.json"))).Hosts
        );
        Assert.Equal(
            ["europe-west4-aiplatform.googleapis.com", "oauth2.googleapis.com"],
            Plan(With(("GOOGLE_SERVICE_KEY_FILE", "/k.json"), ("GOOGLE_LOC", "europe-west4"))).Hosts
        );
        Assert.Equal(
            ["aiplatform.googleapis.com", "oauth2.googleapis.com"],
            Plan(With(("GOOGLE_SERVICE_KEY_FILE", "/k.json"), ("GOOGLE_LOC", "global"))).Hosts
        );
    }

    [Fact]
    public void Google_key_wins_over_a_service_key_file()
    {
        // loadAsyncEndpoints.js / google/initialize.ts: the service key is only loaded when GOOGLE_KEY is not provided.
        Assert.Equal(
            ["generativelanguage.googleapis.com"],
            Plan(
                With(("GOOGLE_KEY", "user_provided"), ("GOOGLE_SERVICE_KEY_FILE", "/k.json"))
            ).Hosts
        );
    }

    [Fact]
    public void Anthropic_on_vertex_from_env_uses_us_east5_and_never_the_anthropic_api()
    {
        // EndpointService.js enables anthropic on isEnabled(ANTHROPIC_USE_VERTEX); anthropic/initialize.ts skips
        // ANTHROPIC_API_KEY then; vertex.ts: region vertexOptions?.region || ANTHROPIC_VERTEX_REGION || 'us-east5'.
        Assert.Equal(
            ["oauth2.googleapis.com", "us-east5-aiplatform.googleapis.com"],
            Plan(With(("ANTHROPIC_USE_VERTEX", "TRUE"), ("ANTHROPIC_API_KEY", "k"))).Hosts
        );
        Assert.Equal(
            ["aiplatform.googleapis.com", "oauth2.googleapis.com"],
            Plan(
                With(("ANTHROPIC_USE_VERTEX", "true"), ("ANTHROPIC_VERTEX_REGION", "global"))
            ).Hosts
        );
        // isEnabled: only "true" counts.
        Assert.Equal(
            ["api.anthropic.com"],
            Plan(With(("ANTHROPIC_USE_VERTEX", "false"), ("ANTHROPIC_API_KEY", "k"))).Hosts
        );
    }

    [Fact]
    public void A_yaml_vertex_block_enables_anthropic_without_a_key_and_its_region_wins()
    {
        // config/endpoints.ts: vertexConfig?.enabled => anthropic { userProvide: false }; data-schemas app/vertex.ts
        // fills region (default us-east5), so ANTHROPIC_VERTEX_REGION is not read.
        var config = WithBuiltIn(BuiltInEndpointKind.Anthropic, "anthropic") with
        { };
        config = config with
        {
            Endpoints = config.Endpoints with
            {
                BuiltIns =
                [
                    config.Endpoints.BuiltIns[0] with
                    {
                        Vertex = new AnthropicVertexConfig
                        {
                            Location = Loc("endpoints.anthropic.vertex", 14),
                            Region = Val(
                                "europe-west1",
                                "endpoints.anthropic.vertex.region",
                                15,
                                15
                            ),
                        },
                    },
                ],
            },
        };
        var (hosts, bag) = Plan(
            With(("ANTHROPIC_VERTEX_REGION", "us-east5"), ("ANTHROPIC_API_KEY", "k")),
            config
        );
        Assert.Equal(["europe-west1-aiplatform.googleapis.com", "oauth2.googleapis.com"], hosts);
        Assert.False(bag.Has(DiagnosticCatalog.BuiltInBlockWithoutKey));
    }

    [Fact]
    public void Azure_env_form_calls_the_instance_host_through_the_instance_name_shape_check()
    {
        // EndpointService.js generateConfig(AZURE_API_KEY, AZURE_OPENAI_BASEURL); utils/azure.ts getAzureCredentials
        // (AZURE_OPENAI_API_INSTANCE_NAME) and genAzureEndpoint https://${instance}.openai.azure.com.
        Assert.Equal(
            ["contoso.openai.azure.com"],
            Plan(With(("AZURE_API_KEY", "k"), ("AZURE_OPENAI_API_INSTANCE_NAME", "Contoso"))).Hosts
        );
        var (hosts, bag) = Plan(
            With(("AZURE_API_KEY", "k"), ("AZURE_OPENAI_API_INSTANCE_NAME", "*.com/x"))
        );
        Assert.Empty(hosts);
        Assert.True(bag.Has(DiagnosticCatalog.PlaceholderShape));
    }

    [Fact]
    public void Azure_env_form_without_an_instance_is_an_unknown_host_by_mode()
    {
        var (hosts, bag) = Plan(With(("AZURE_API_KEY", "k")));
        Assert.Empty(hosts);
        var d = Assert.Single(bag.Items, d => d.Descriptor == DiagnosticCatalog.UnresolvedHost);
        Assert.Equal(Severity.Warning, d.Severity);
        Assert.Contains("AZURE_OPENAI_API_INSTANCE_NAME", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Azure_env_form_is_not_used_when_librechat_yaml_has_azure_groups()
    {
        // openai/initialize.ts: with an azureOpenAI block, mapModelToAzureConfig decides; getAzureCredentials is the else branch.
        var config = Quiet() with
        {
            Endpoints = new EndpointsConfig
            {
                AzureOpenAI = new AzureOpenAIConfig
                {
                    Location = Loc("endpoints.azureOpenAI", 40),
                    Groups =
                    [
                        new AzureGroupConfig
                        {
                            Name = Val("g", "endpoints.azureOpenAI.groups[0].group", 42),
                            InstanceName = Val(
                                "fabrikam",
                                "endpoints.azureOpenAI.groups[0].instanceName",
                                44
                            ),
                        },
                    ],
                },
            },
        };
        var (hosts, _) = Plan(
            With(("AZURE_API_KEY", "k"), ("AZURE_OPENAI_API_INSTANCE_NAME", "contoso")),
            config
        );
        Assert.Equal(["fabrikam.openai.azure.com"], hosts);
    }

    [Theory]
    [InlineData("bedrock", "BEDROCK_AWS_DEFAULT_REGION", "us-east-1")]
    [InlineData("azureOpenAI", "AZURE_API_KEY", "k")]
    [InlineData("google", "GOOGLE_SERVICE_KEY_FILE", "/k.json")]
    public void Endpoints_hides_the_new_providers_too(string key, string variable, string value)
    {
        // packages/data-provider/src/config.ts getEnabledEndpoints; loadDefaultEConfig.js keeps only listed endpoints.
        var (hosts, bag) = Plan(
            With(
                (variable, value),
                ("AZURE_OPENAI_API_INSTANCE_NAME", "contoso"),
                ("ENDPOINTS", "openAI")
            )
        );
        Assert.Empty(hosts);
        Assert.Contains(
            bag.Items,
            d =>
                d.Descriptor == DiagnosticCatalog.EnvFeatureHidden
                && d.Message.Contains(key, StringComparison.Ordinal)
        );
    }

    [Theory]
    [InlineData(BuiltInEndpointKind.OpenAI, "openAI", "OPENAI_API_KEY")]
    [InlineData(BuiltInEndpointKind.Assistants, "assistants", "ASSISTANTS_API_KEY")]
    [InlineData(BuiltInEndpointKind.Anthropic, "anthropic", "ANTHROPIC_API_KEY")]
    [InlineData(BuiltInEndpointKind.Google, "google", "GOOGLE_KEY")]
    public void A_yaml_block_of_a_built_in_endpoint_without_its_key_enables_nothing_and_says_so(
        BuiltInEndpointKind kind,
        string key,
        string variable
    )
    {
        // EndpointService.js generateConfig(key): no key => false; loadDefaultEConfig.js drops falsy endpoints, and
        // config/endpoints.ts only merges yaml settings into endpoints that are already enabled.
        var (hosts, bag) = Plan(Stack(), WithBuiltIn(kind, key));
        Assert.Empty(hosts);
        var d = Assert.Single(
            bag.Items,
            d => d.Descriptor == DiagnosticCatalog.BuiltInBlockWithoutKey
        );
        Assert.Equal(Severity.Warning, d.Severity);
        Assert.Equal(12, d.Span.Line);
        Assert.Contains("endpoints." + key, d.Message, StringComparison.Ordinal);
        Assert.Contains(variable, d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_yaml_bedrock_block_without_its_key_or_region_allows_none_of_its_regions()
    {
        var (hosts, bag) = Plan(Stack(), WithBedrock(["us-east-1"]));
        Assert.Empty(hosts);
        var d = Assert.Single(
            bag.Items,
            d => d.Descriptor == DiagnosticCatalog.BuiltInBlockWithoutKey
        );
        Assert.Equal(30, d.Span.Line);
        Assert.Contains("BEDROCK_AWS_DEFAULT_REGION", d.Message, StringComparison.Ordinal);
    }
}
