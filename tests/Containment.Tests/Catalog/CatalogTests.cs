using Containment.Core.Catalog;
using Containment.Core.Diagnostics;
using Containment.Core.Egress;
using Containment.Core.Model;
using Containment.Core.Settings;
using Containment.Tests.Egress;
using static Containment.Tests.Infrastructure.Models.SampleConfigs;

namespace Containment.Tests.Catalog;

public class CatalogTests
{
    [Fact]
    public void Every_catalogue_is_versioned_dated_and_every_entry_cites_a_source()
    {
        foreach (var catalogue in CatalogSet.BuiltIn)
        {
            Assert.Matches(@"^\d{4}-\d{2}$", catalogue.Version);
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", catalogue.Date);
            Assert.All(
                catalogue.Entries,
                e =>
                {
                    Assert.False(string.IsNullOrWhiteSpace(e.Source));
                    Assert.NotEmpty(e.Hosts);
                }
            );
            Assert.Equal(
                catalogue.Entries.Count,
                catalogue.Entries.Select(e => e.Id).Distinct(StringComparer.Ordinal).Count()
            );
        }
    }

    [Fact]
    public void Every_catalogue_host_is_a_valid_pattern_and_never_a_bare_wildcard()
    {
        foreach (var entry in CatalogSet.BuiltIn.SelectMany(c => c.Entries))
        {
            foreach (var host in entry.Hosts)
            {
                var filled = host.Replace("{awsRegion}", "us-east-1", StringComparison.Ordinal)
                    .Replace("{gcpRegion}", "us-central1", StringComparison.Ordinal)
                    .Replace("{gcpMultiRegion}", "eu", StringComparison.Ordinal)
                    .Replace("{instanceName}", "contoso", StringComparison.Ordinal);
                Assert.DoesNotMatch(@"\{(?!aws\.|azure\.|gcp\.)", filled); // every config placeholder has a shape and was filled above
                var (normal, problem) = HostPattern.Normalize(filled, fromCatalogue: true);
                Assert.True(problem == HostPatternProblem.None, $"{entry.Id}: {host} -> {problem}");
                Assert.Equal(filled, normal);
            }
        }
    }

    [Fact]
    public void Public_chart_registries_include_dockers_current_cdn_and_ghcr_blob_host()
    {
        var (model, _, _) = EgressTestHelpers.Run(Quiet(), Stack(cloud: CloudProvider.None));

        var hosts = model!.Hosts("registries");
        Assert.Equal(
            [
                "auth.docker.io",
                "ghcr.io",
                "index.docker.io",
                "pkg-containers.githubusercontent.com",
                "production.cloudfront.docker.com",
                "registry-1.docker.io",
                "registry.librechat.ai",
            ],
            hosts
        );
        Assert.DoesNotContain("production.cloudflare.docker.com", hosts);
    }

    [Fact]
    public void Aws_registry_hosts_are_exact_when_account_and_region_are_set()
    {
        var (model, _, _) = EgressTestHelpers.Run(Quiet(), Stack(cloud: CloudProvider.Aws));

        var hosts = model!.Hosts("registries");
        Assert.Contains("123456789012.dkr.ecr.eu-central-1.amazonaws.com", hosts);
        Assert.Contains("api.ecr.eu-central-1.amazonaws.com", hosts);
        Assert.Contains(
            "prod-eu-central-1-starport-layer-bucket.s3.eu-central-1.amazonaws.com",
            hosts
        );
        Assert.Empty(model!.Lookups);
    }

    [Fact]
    public void Aws_registry_hosts_carry_lookup_tokens_when_settings_do_not_pin_them()
    {
        var settings = Stack(cloud: CloudProvider.Aws) with { Registry = new RegistrySettings() };

        var (model, _, bag) = EgressTestHelpers.Run(Quiet(), settings);

        Assert.Contains(
            "{aws.accountId}.dkr.ecr.{aws.region}.amazonaws.com",
            model!.Hosts("registries")
        );
        Assert.Equal(["{aws.accountId}", "{aws.region}"], model!.Lookups.Select(l => l.Token));
        Assert.True(bag.Has(DiagnosticCatalog.DeployTimeLookup));
        Assert.True(
            model
                .Group("registries")
                .Hosts.Single(h => h.Host.StartsWith("{aws.accountId}", StringComparison.Ordinal))
                .IsDeferred
        );
    }

    [Fact]
    public void Azure_and_gcp_registries_use_their_own_hosts()
    {
        var azure = Stack(cloud: CloudProvider.Azure) with
        {
            Cluster = new ClusterSettings
            {
                Id =
                    "/subscriptions/0000/resourcegroups/rg/providers/microsoft.containerservice/managedclusters/chat",
            },
            Registry = new RegistrySettings
            {
                AzureRegistryName = "contosoacr",
                AzureRegion = "westeurope",
            },
        };
        var gcp = Stack(cloud: CloudProvider.Gcp) with
        {
            Cluster = new ClusterSettings { Id = "chat-gke" },
            Registry = new RegistrySettings(),
        };

        var (azureModel, _, _) = EgressTestHelpers.Run(Quiet(), azure);
        var (gcpModel, _, _) = EgressTestHelpers.Run(Quiet(), gcp);

        Assert.Contains("contosoacr.azurecr.io", azureModel!.Hosts("registries"));
        Assert.Contains("contosoacr.westeurope.data.azurecr.io", azureModel!.Hosts("registries"));
        Assert.Contains("{gcp.location}-docker.pkg.dev", gcpModel!.Hosts("registries"));
        Assert.Equal(["{gcp.location}"], gcpModel!.Lookups.Select(l => l.Token));
    }

    [Fact]
    public void No_cloud_provider_warns()
    {
        var (_, _, bag) = EgressTestHelpers.Run(Quiet(), Stack(cloud: CloudProvider.None));

        Assert.True(bag.Has(DiagnosticCatalog.NoCloudProvider));
    }

    [Fact]
    public void Overrides_add_and_remove_hosts_with_setting_provenance()
    {
        var settings = Stack() with
        {
            CatalogOverrides =
            [
                new CatalogOverride("docker-hub", ["mirror.gcr.io"], ["index.docker.io"]),
                new CatalogOverride("registries", ["quay.io"], []),
            ],
        };

        var (model, _, _) = EgressTestHelpers.Run(Quiet(), settings);

        var hosts = model!.Group("registries").Hosts;
        Assert.DoesNotContain(hosts, h => h.Host == "index.docker.io");
        var mirror = Assert.Single(hosts, h => h.Host == "mirror.gcr.io");
        Assert.Equal([new SettingProvenance("catalogOverrides", "docker-hub")], mirror.Sources);
        Assert.Contains(hosts, h => h.Host == "quay.io");
    }

    [Fact]
    public void Provider_override_changes_the_host_a_built_in_endpoint_gets()
    {
        var settings = Stack() with
        {
            CatalogOverrides =
            [
                new CatalogOverride("providers/openai", ["eu.api.openai.com"], ["api.openai.com"]),
            ],
        };
        var config = Quiet() with
        {
            Endpoints = new Core.LibreChat.EndpointsConfig
            {
                BuiltIns =
                [
                    new Core.LibreChat.BuiltInEndpointConfig
                    {
                        Kind = Core.LibreChat.BuiltInEndpointKind.OpenAI,
                        Location = Loc("endpoints.openAI", 12),
                    },
                ],
            },
        };

        // The key enables OpenAI (EndpointService.js); the yaml block and the env row both go through the catalogue.
        var (model, _, _) = EgressTestHelpers.Run(
            config,
            settings with
            {
                SecretEnv = ["OPENAI_API_KEY"],
            }
        );

        Assert.Equal(["eu.api.openai.com"], model!.Hosts("llm-providers"));
    }

    [Fact]
    public void Unknown_override_target_is_an_error_listing_the_known_ones()
    {
        var settings = Stack() with
        {
            CatalogOverrides = [new CatalogOverride("dockerhub", ["x.example.com"], [])],
        };

        var (model, _, bag) = EgressTestHelpers.Run(Quiet(), settings);

        Assert.Null(model);
        var error = Assert.Single(
            bag.Items,
            d => d.Descriptor == DiagnosticCatalog.UnknownCatalogOverride
        );
        Assert.Contains("docker-hub", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bare_wildcard_added_by_an_override_is_rejected()
    {
        var settings = Stack() with
        {
            CatalogOverrides = [new CatalogOverride("registries", ["*"], [])],
        };

        var (model, _, bag) = EgressTestHelpers.Run(Quiet(), settings);

        Assert.Null(model);
        Assert.True(bag.Has(DiagnosticCatalog.BareWildcard));
    }
}
