using Containment.Core.Diagnostics;
using Containment.Core.LibreChat;
using Containment.Core.Model;
using Containment.Core.Settings;
using Containment.Tests.Infrastructure.Models;
using static Containment.Tests.Infrastructure.Models.SampleConfigs;

namespace Containment.Tests.Egress;

public class AppServiceEgressTests
{
    [Fact]
    public void Web_search_providers_give_their_default_hosts_and_url_fields_replace_them()
    {
        var ws = new WebSearchConfig
        {
            Location = Loc("webSearch", 80),
            SearchProvider = Val("serper", "webSearch.searchProvider", 81, 19),
            ScraperProvider = Val("firecrawl", "webSearch.scraperProvider", 82, 20),
            RerankerType = Val("jina", "webSearch.rerankerType", 83, 17),
            Urls = new Dictionary<string, UrlValue>(StringComparer.Ordinal)
            {
                ["firecrawlApiUrl"] = Url(
                    "https://firecrawl.internal.example.com",
                    "webSearch.firecrawlApiUrl",
                    84,
                    20
                ),
            },
        };

        var (model, _, _) = EgressTestHelpers.Run(Quiet() with { WebSearch = ws });

        Assert.Equal(
            ["api.jina.ai", "firecrawl.internal.example.com", "google.serper.dev", "swapi.dev"],
            model!.Hosts("app-services")
        );
    }

    [Fact]
    public void Speech_ocr_file_storage_and_identity_land_in_app_services()
    {
        var config = Quiet() with
        {
            Speech =
            [
                new SpeechProviderConfig
                {
                    Section = "tts",
                    Provider = "elevenlabs",
                    Location = Loc("speech.tts.elevenlabs", 90),
                },
            ],
            Ocr = new OcrConfig { Location = Loc("ocr", 95) },
            FileStorage = new FileStorageConfig
            {
                Strategies = [Val("s3", "fileStrategy", 99, 15)],
            },
            Registration = new RegistrationConfig
            {
                Location = Loc("registration", 100),
                SocialLogins = [Val("github", "registration.socialLogins[0]", 101, 18)],
            },
        };
        var settings = Stack() with
        {
            Env = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["AWS_REGION"] = "eu-west-1",
                ["AWS_BUCKET_NAME"] = "chat-files",
            },
        };

        var (model, _, _) = EgressTestHelpers.Run(config, settings);

        Assert.Equal(
            [
                "api.elevenlabs.io",
                "api.github.com",
                "api.mistral.ai",
                "chat-files.s3.eu-west-1.amazonaws.com",
                "github.com",
                "s3.eu-west-1.amazonaws.com",
                // No AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY: the S3 client takes the pod's identity (IRSA) via STS.
                "sts.eu-west-1.amazonaws.com",
                "swapi.dev",
            ],
            model!.Hosts("app-services")
        );
    }

    [Fact]
    public void File_storage_without_its_env_warns_naming_the_variable()
    {
        var config = Quiet() with
        {
            FileStorage = new FileStorageConfig
            {
                Strategies = [Val("azure_blob", "fileStrategy", 99, 15)],
            },
        };

        var (_, _, bag) = EgressTestHelpers.Run(config);

        var warning = Assert.Single(
            bag.Items,
            d => d.Descriptor == DiagnosticCatalog.EnvOnlyDestination
        );
        Assert.Contains("AZURE_STORAGE_ACCOUNT_NAME", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Config_path_over_https_is_an_app_service()
    {
        var settings = Stack() with
        {
            Env = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["CONFIG_PATH"] = "https://config.example.com/librechat.yaml",
            },
        };

        var (model, _, _) = EgressTestHelpers.Run(Quiet(), settings);

        Assert.Contains("config.example.com", model!.Hosts("app-services"));
    }

    [Fact]
    public void Runtime_only_egress_warns_with_the_setting_to_use()
    {
        var config = new LibreChatConfig { File = SampleConfigs.File };

        var (_, _, bag) = EgressTestHelpers.Run(config);

        var mcp = Assert.Single(
            bag.Items,
            d => d.Descriptor == DiagnosticCatalog.UsersCreateMcpServers
        );
        Assert.Contains(
            "interface.mcpServers.create: false",
            mcp.Message,
            StringComparison.Ordinal
        );
        var actions = Assert.Single(
            bag.Items,
            d => d.Descriptor == DiagnosticCatalog.RuntimeActions
        );
        Assert.Contains("actions.allowedDomains", actions.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Users_may_not_create_mcp_servers_gives_no_warning()
    {
        var (_, _, bag) = EgressTestHelpers.Run(Quiet());

        Assert.False(bag.Has(DiagnosticCatalog.UsersCreateMcpServers));
        Assert.False(bag.Has(DiagnosticCatalog.RuntimeActions));
    }

    [Theory]
    [InlineData("*")]
    [InlineData(" * ")]
    [InlineData("https://*")]
    public void Bare_wildcard_in_extra_destinations_is_rejected_because_it_opens_all_egress(
        string host
    )
    {
        var settings = Stack() with
        {
            ExtraDestinations = [new ExtraDestination(host, "everything")],
        };

        var (model, _, bag) = EgressTestHelpers.Run(Quiet(), settings);

        Assert.Null(model);
        var error = Assert.Single(bag.Items, d => d.Descriptor == DiagnosticCatalog.BareWildcard);
        Assert.Contains("open all egress", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bare_wildcard_in_actions_allowed_domains_is_rejected()
    {
        var config = Quiet() with
        {
            ActionsAllowedDomains = [Val("*", "actions.allowedDomains[0]", 491, 7)],
        };

        var (model, _, bag) = EgressTestHelpers.Run(config);

        Assert.Null(model);
        Assert.Contains(
            bag.Items,
            d => d.Descriptor == DiagnosticCatalog.BareWildcard && d.Span.Line == 491
        );
    }

    [Theory]
    [InlineData("app*.example.com")]
    [InlineData("*.com")]
    [InlineData("exa mple.com")]
    public void Other_wildcard_forms_and_bad_names_from_settings_are_rejected(string host)
    {
        var settings = Stack() with { ExtraDestinations = [new ExtraDestination(host, "test")] };

        var (model, _, bag) = EgressTestHelpers.Run(Quiet(), settings);

        Assert.Null(model);
        Assert.True(bag.Has(DiagnosticCatalog.InvalidHostPattern));
    }

    [Fact]
    public void Extra_destinations_are_normalised_and_keep_their_reason()
    {
        var settings = Stack() with
        {
            ExtraDestinations =
            [
                new ExtraDestination("https://*.Bücher.example/path", "docs mirror"),
                new ExtraDestination("api.extra.example.", "billing", 8443),
            ],
        };

        var (model, _, _) = EgressTestHelpers.Run(Quiet(), settings);

        Assert.Contains(
            model!.Group("app-services").Hosts,
            h => h.Host == "*.xn--bcher-kva.example"
        );
        // Reached on 8443 only, so it sits in the 8443 split of app-services (issue 10 item 5).
        var billing = Assert.Single(
            model.Group("app-services--8443").Hosts,
            h => h.Host == "api.extra.example"
        );
        Assert.Equal([8443], billing.Ports);
        Assert.Contains(
            billing.Sources,
            s => s is SettingProvenance { Setting: "extraDestinations", Detail: "billing" }
        );
    }

    [Fact]
    public void Wildcard_over_an_in_cluster_suffix_never_reaches_a_web_group()
    {
        var settings = Stack() with
        {
            ExtraDestinations =
            [
                new ExtraDestination("*.svc.cluster.local", "in-cluster services"),
            ],
        };

        var (model, inventory, bag) = EgressTestHelpers.Run(Quiet(), settings);

        Assert.DoesNotContain("*.svc.cluster.local", model!.Hosts("app-services"));
        Assert.Contains(inventory.InCluster, d => d.Host == "*.svc.cluster.local");
        Assert.True(bag.Has(DiagnosticCatalog.InClusterDestination));
    }

    [Fact]
    public void Vertex_ocr_is_an_app_service_not_an_llm_provider()
    {
        var config = Quiet() with
        {
            Ocr = new OcrConfig
            {
                Location = Loc("ocr", 95),
                Strategy = Val("vertexai_mistral_ocr", "ocr.strategy", 96, 13),
            },
        };

        var (model, _, _) = EgressTestHelpers.Run(config);

        Assert.Empty(model!.Hosts("llm-providers"));
        Assert.Contains("us-central1-aiplatform.googleapis.com", model.Hosts("app-services"));
        Assert.Contains("oauth2.googleapis.com", model.Hosts("app-services"));
    }
}
