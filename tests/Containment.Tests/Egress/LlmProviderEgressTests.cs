using Containment.Core.Diagnostics;
using Containment.Core.LibreChat;
using Containment.Core.Model;
using Containment.Core.Net;
using Containment.Core.Policy;
using Containment.Core.Settings;
using Containment.Tests.Infrastructure.Models;
using static Containment.Tests.Infrastructure.Models.SampleConfigs;

namespace Containment.Tests.Egress;

public class LlmProviderEgressTests
{
    private static LibreChatConfig WithBuiltIn(
        BuiltInEndpointKind kind,
        string key,
        AnthropicVertexConfig? vertex = null
    ) =>
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
                        Vertex = vertex,
                    },
                ],
            },
        };

    [Theory]
    [InlineData(BuiltInEndpointKind.OpenAI, "openAI", "OPENAI_API_KEY", "api.openai.com")]
    [InlineData(
        BuiltInEndpointKind.Assistants,
        "assistants",
        "ASSISTANTS_API_KEY",
        "api.openai.com"
    )]
    [InlineData(
        BuiltInEndpointKind.Anthropic,
        "anthropic",
        "ANTHROPIC_API_KEY",
        "api.anthropic.com"
    )]
    [InlineData(
        BuiltInEndpointKind.Google,
        "google",
        "GOOGLE_KEY",
        "generativelanguage.googleapis.com"
    )]
    public void Built_in_endpoint_with_its_key_allows_its_default_host_with_config_and_catalogue_provenance(
        BuiltInEndpointKind kind,
        string key,
        string variable,
        string host
    )
    {
        var (model, _, _) = EgressTestHelpers.Run(
            WithBuiltIn(kind, key),
            EnvFeatureEgressTests.With((variable, "user_provided"))
        );

        var entry = Assert.Single(model!.Group("llm-providers").Hosts);
        Assert.Equal(host, entry.Host);
        Assert.Contains(
            entry.Sources,
            s => s is ConfigProvenance { Path: var p, Line: 12 } && p == "endpoints." + key
        );
        Assert.Contains(
            entry.Sources,
            s => s is CatalogProvenance { Catalogue: "providers", Version: "2026-11" }
        );
    }

    [Theory]
    [InlineData("us-east5", "us-east5-aiplatform.googleapis.com")]
    [InlineData("global", "aiplatform.googleapis.com")]
    [InlineData("eu", "aiplatform.eu.rep.googleapis.com")]
    public void Anthropic_on_vertex_uses_the_regional_host_and_the_token_host(
        string region,
        string host
    )
    {
        var vertex = new AnthropicVertexConfig
        {
            Location = Loc("endpoints.anthropic.vertex", 14),
            Region = Val(region, "endpoints.anthropic.vertex.region", 15, 15),
        };

        var (model, _, _) = EgressTestHelpers.Run(
            WithBuiltIn(BuiltInEndpointKind.Anthropic, "anthropic", vertex)
        );

        Assert.Equal(
            new[] { host, "oauth2.googleapis.com" }.Order(StringComparer.Ordinal),
            model!.Hosts("llm-providers")
        );
    }

    [Fact]
    public void Azure_groups_each_give_a_host_and_a_full_azure_com_instance_is_the_host()
    {
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
                            Name = Val("east", "endpoints.azureOpenAI.groups[0].group", 42),
                            InstanceName = Val(
                                "contoso-east",
                                "endpoints.azureOpenAI.groups[0].instanceName",
                                44,
                                23
                            ),
                        },
                        new AzureGroupConfig
                        {
                            Name = Val("new", "endpoints.azureOpenAI.groups[1].group", 50),
                            InstanceName = Val(
                                "contoso.cognitiveservices.azure.com",
                                "endpoints.azureOpenAI.groups[1].instanceName",
                                52,
                                23
                            ),
                        },
                        new AzureGroupConfig
                        {
                            Name = Val("serverless", "endpoints.azureOpenAI.groups[2].group", 60),
                            Serverless = true,
                            BaseUrl = Url(
                                "https://llama-3.eastus2.models.ai.azure.com/v1",
                                "endpoints.azureOpenAI.groups[2].baseURL",
                                62
                            ),
                        },
                    ],
                },
            },
        };

        var (model, _, _) = EgressTestHelpers.Run(config);

        Assert.Equal(
            [
                "contoso-east.openai.azure.com",
                "contoso.cognitiveservices.azure.com",
                "llama-3.eastus2.models.ai.azure.com",
            ],
            model!.Hosts("llm-providers")
        );
    }

    [Fact]
    public void Azure_group_with_unresolved_instance_name_is_an_error_in_enforce_mode()
    {
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
                            Name = Val("g", "g", 42),
                            InstanceName = Val(
                                "${AZ_INSTANCE}",
                                "endpoints.azureOpenAI.groups[0].instanceName",
                                44
                            ),
                            InstanceNameUnresolved = true,
                        },
                    ],
                },
            },
        };

        var (model, _, bag) = EgressTestHelpers.Run(
            config,
            SampleConfigs.Stack(EnforcementMode.Enforce)
        );

        Assert.Null(model);
        Assert.Contains(
            bag.Items,
            d =>
                d.Descriptor == DiagnosticCatalog.UnresolvedHost
                && d.Span.Line == 44
                && d.Severity == Severity.Error
        );
    }

    [Fact]
    public void Bedrock_allows_one_runtime_host_per_region()
    {
        var config = Quiet() with
        {
            Endpoints = new EndpointsConfig
            {
                Bedrock = new BedrockConfig
                {
                    Location = Loc("endpoints.bedrock", 70),
                    Regions =
                    [
                        Val("us-east-1", "endpoints.bedrock.availableRegions[0]", 72, 9),
                        Val("eu-central-1", "endpoints.bedrock.availableRegions[1]", 73, 9),
                    ],
                },
            },
        };

        var (model, _, _) = EgressTestHelpers.Run(
            config,
            EnvFeatureEgressTests.With(("BEDROCK_AWS_SECRET_ACCESS_KEY", "k"))
        );

        Assert.Equal(
            [
                "bedrock-runtime.eu-central-1.amazonaws.com",
                "bedrock-runtime.us-east-1.amazonaws.com",
            ],
            model!.Hosts("llm-providers")
        );
    }

    [Fact]
    public void Bedrock_without_regions_warns_and_names_the_setting()
    {
        var config = Quiet() with
        {
            Endpoints = new EndpointsConfig
            {
                Bedrock = new BedrockConfig { Location = Loc("endpoints.bedrock", 70) },
            },
        };

        var (model, _, bag) = EgressTestHelpers.Run(
            config,
            EnvFeatureEgressTests.With(("BEDROCK_AWS_SECRET_ACCESS_KEY", "k"))
        );

        Assert.Empty(model!.Hosts("llm-providers"));
        var warning = Assert.Single(
            bag.Items,
            d => d.Descriptor == DiagnosticCatalog.EnvOnlyDestination
        );
        Assert.Contains("availableRegions", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Custom_endpoint_gives_its_base_url_host_and_declared_port()
    {
        var (model, _, _) = EgressTestHelpers.Run(
            WithCustom(Custom("gw", "https://LLM.Example.COM.:8443/v1?key=secret", 20))
        );

        // The only LLM host is reached on 8443 alone: its group and rule are the 8443 split (issue 10 item 5).
        var host = Assert.Single(model!.Group("llm-providers--8443").Hosts);
        Assert.Equal("llm.example.com", host.Host);
        Assert.Equal([8443], host.Ports);
        var rule = Assert.Single(model!.Rules, r => r.Name == "permit-llm-providers--8443");
        Assert.Equal([new PortRange(8443)], rule.Ports);
    }

    [Fact]
    public void Custom_endpoint_with_unresolved_variable_allows_nothing_and_leaves_the_report_to_the_reader()
    {
        // The reader reports an unresolved ${VAR} with the mode's severity (warning in monitor mode, error
        // in enforce mode); the policy must neither repeat it nor guess a host.
        var config = WithCustom(
            Custom("x", "https://x.example", 20) with
            {
                BaseUrl = Unresolved("endpoints.custom[0].baseURL", 20, "LLM_HOST"),
            }
        );

        var (model, _, bag) = EgressTestHelpers.Run(config);

        Assert.NotNull(model);
        Assert.DoesNotContain(model.WebGroups, g => g.Name == "llm-providers");
        Assert.DoesNotContain(bag.Items, d => d.Severity == Severity.Error);
    }

    [Fact]
    public void User_provided_base_url_allows_nothing_and_leaves_the_report_to_the_reader()
    {
        var config = WithCustom(
            Custom("byo", "https://x.example", 20) with
            {
                BaseUrl = UserProvided("endpoints.custom[0].baseURL", 20),
            }
        );

        var (model, _, bag) = EgressTestHelpers.Run(config);

        Assert.NotNull(model);
        Assert.DoesNotContain(model.WebGroups, g => g.Name == "llm-providers");
        Assert.DoesNotContain(bag.Items, d => d.Severity == Severity.Error);
    }

    [Theory]
    [InlineData("http://ollama:11434/v1", HostKind.InCluster)]
    [InlineData("http://litellm.ai.svc.cluster.local:4000", HostKind.InCluster)]
    [InlineData("http://host.docker.internal:11434", HostKind.Loopback)]
    [InlineData("http://10.1.2.3:8000/v1", HostKind.PrivateAddress)]
    public void In_cluster_endpoints_are_classified_and_never_in_a_web_group(
        string url,
        HostKind kind
    )
    {
        var (model, inventory, bag) = EgressTestHelpers.Run(WithCustom(Custom("local", url, 20)));

        Assert.DoesNotContain(model!.WebGroups, g => g.Name == "llm-providers");
        var destination = Assert.Single(inventory.InCluster);
        Assert.Equal(kind, destination.Kind);
        Assert.True(bag.Has(DiagnosticCatalog.InClusterDestination));
    }

    [Fact]
    public void Same_host_from_two_endpoints_is_merged_keeping_both_provenances()
    {
        var (model, _, _) = EgressTestHelpers.Run(
            WithCustom(
                Custom("a", "https://api.example.com/v1", 20, 0),
                Custom("b", "https://API.example.com/other", 30, 1)
            )
        );

        var host = Assert.Single(model!.Group("llm-providers").Hosts);
        Assert.Equal(2, host.Sources.Count);
        Assert.Equal([20, 30], host.Sources.OfType<ConfigProvenance>().Select(s => s.Line));
    }
}
