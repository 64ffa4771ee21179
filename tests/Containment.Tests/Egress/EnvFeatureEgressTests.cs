using Containment.Core.Catalog;
using Containment.Core.Diagnostics;
using Containment.Core.LibreChat;
using Containment.Core.Model;
using Containment.Core.Settings;
using static Containment.Tests.Infrastructure.Models.SampleConfigs;

namespace Containment.Tests.Egress;

/// <summary>Issue 12 items 3-5: features switched on by LibreChat's environment alone, read from <see cref="EnvFeatureTable"/>.</summary>
public class EnvFeatureEgressTests
{
    internal static StackSettings With(params (string Name, string Value)[] env) =>
        Stack() with
        {
            Env = env.ToDictionary(e => e.Name, e => e.Value, StringComparer.Ordinal),
        };

    private static IReadOnlyList<(string Host, IReadOnlyList<Provenance> Sources)> Allowed(
        StackSettings settings,
        out DiagnosticBag diagnostics
    )
    {
        var (model, _, bag) = EgressTestHelpers.Run(Quiet(), settings);
        diagnostics = bag;
        Assert.NotNull(model);
        return [.. model.WebGroups.SelectMany(g => g.Hosts).Select(h => (h.Host, h.Sources))];
    }

    public static TheoryData<string> Features => [.. EnvFeatureTable.All.Select(f => f.Id)];

    /// <summary>A value that turns the trigger on: <c>true</c> for a flag LibreChat reads with isEnabled.</summary>
    private static string On(EnvFeature f) => f.FlagTriggers ? "true" : "value-not-printed";

    /// <summary>Example values for a row's templated host when LibreChat has no default.</summary>
    private static readonly Dictionary<string, string> Examples = new(StringComparer.Ordinal)
    {
        ["awsRegion"] = "eu-west-1",
        ["instanceName"] = "contoso",
    };

    /// <summary>What the trigger (plus, for a templated host without a default, an example value) must allow.</summary>
    private static (List<(string, string)> Env, List<string> Hosts) Reach(EnvFeature f)
    {
        List<(string, string)> env = [(f.Triggers[0], On(f))];
        List<string> hosts = [.. f.DefaultHosts];
        if (f.Regional is { } r)
        {
            var value = r.Default ?? Examples[r.Placeholder];
            if (r.Default is null)
            {
                env.Add((r.Variables[0], value));
            }
            hosts.AddRange(
                ProviderCatalog
                    .Instance.Get(r.CatalogEntry)
                    .Hosts.Select(h =>
                        h.Replace("{" + r.Placeholder + "}", value, StringComparison.Ordinal)
                    )
            );
            if (r.CatalogEntry == "google-vertex")
            {
                hosts.Add("oauth2.googleapis.com");
            }
        }
        return (env, hosts);
    }

    /// <summary>The table-driven proof: every row's trigger alone allows every host it names, with the trigger and the LibreChat source as provenance.</summary>
    [Theory]
    [MemberData(nameof(Features))]
    public void Every_row_of_the_behaviour_table_is_reachable_from_its_trigger_alone(string id)
    {
        var feature = EnvFeatureTable.All.Single(f => f.Id == id);
        Assert.NotEmpty(feature.Source);
        var (env, hosts) = Reach(feature);
        Assert.NotEmpty(hosts);
        var allowed = Allowed(With([.. env]), out _);
        foreach (var host in hosts)
        {
            var entry = Assert.Single(allowed, a => a.Host == host);
            Assert.Contains(
                entry.Sources,
                s =>
                    s is SettingProvenance { Detail: var d }
                    && d!.EndsWith(" " + feature.Triggers[0], StringComparison.Ordinal)
            );
            Assert.Contains(
                entry.Sources,
                s =>
                    s is SettingProvenance { Setting: "librechat", Detail: var d }
                    && d == feature.Source
            );
        }
        Assert.DoesNotContain(
            allowed,
            a =>
                a.Sources.Any(s =>
                    s.ToString().Contains("value-not-printed", StringComparison.Ordinal)
                )
        );
    }

    [Theory]
    [MemberData(nameof(Features))]
    public void Every_proxy_variable_replaces_the_vendor_host(string id)
    {
        var feature = EnvFeatureTable.All.Single(f => f.Id == id);
        if (feature.ProxyVariable is not { } proxy)
        {
            return;
        }
        var (env, vendorHosts) = Reach(feature);
        env.Add(
            (proxy, feature.ProxyIsHost ? "gw.example.com:8443" : "https://gw.example.com:8443/v1")
        );
        var allowed = Allowed(With([.. env]), out _);
        var entry = Assert.Single(allowed, a => a.Host == "gw.example.com");
        Assert.Contains(
            entry.Sources,
            s => s is SettingProvenance { Detail: var d } && d == "containment:env " + proxy
        );
        // A vendor the gateway replaced is never allowed; Vertex's sign-in still calls Google's token host.
        Assert.All(
            vendorHosts.Where(h => h != "oauth2.googleapis.com"),
            h => Assert.DoesNotContain(allowed, a => a.Host == h)
        );
    }

    [Fact]
    public void Openai_key_alone_allows_api_openai_com_even_when_user_provided()
    {
        // api/server/services/Config/EndpointService.js: isUserProvided(OPENAI_API_KEY) still enables the endpoint.
        var allowed = Allowed(With(("OPENAI_API_KEY", "user_provided")), out _);
        Assert.Contains(allowed, a => a.Host == "api.openai.com");
    }

    [Fact]
    public void A_key_set_from_a_secret_counts_as_present_and_says_so()
    {
        var allowed = Allowed(Stack() with { SecretEnv = ["ANTHROPIC_API_KEY"] }, out _);
        var entry = Assert.Single(allowed, a => a.Host == "api.anthropic.com");
        Assert.Contains(
            entry.Sources,
            s =>
                s
                    is SettingProvenance
                    {
                        Setting: "secretEnv",
                        Detail: "secret ANTHROPIC_API_KEY, present"
                    }
        );
    }

    [Fact]
    public void Provenance_names_the_env_file_line_that_set_the_variable()
    {
        var settings = With(
            ("OPENAI_API_KEY", "k"),
            ("OPENAI_REVERSE_PROXY", "https://gw.example.com/v1")
        ) with
        {
            EnvOrigins = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["OPENAI_REVERSE_PROXY"] = ".env:12",
            },
        };
        var entry = Assert.Single(Allowed(settings, out _), a => a.Host == "gw.example.com");
        Assert.Contains(
            entry.Sources,
            s => s is SettingProvenance { Detail: ".env:12 OPENAI_REVERSE_PROXY" }
        );
    }

    [Fact]
    public void Endpoints_hides_what_it_does_not_list()
    {
        // packages/data-provider/src/config.ts getEnabledEndpoints: ENDPOINTS filters the built-in endpoints.
        var allowed = Allowed(
            With(
                ("OPENAI_API_KEY", "k"),
                ("ANTHROPIC_API_KEY", "k"),
                ("ENDPOINTS", "anthropic, agents")
            ),
            out var diagnostics
        );
        Assert.Contains(allowed, a => a.Host == "api.anthropic.com");
        Assert.DoesNotContain(allowed, a => a.Host == "api.openai.com");
        Assert.Contains(
            diagnostics.Items,
            d => d.Code == "CT2302" && d.Message.Contains("openAI", StringComparison.Ordinal)
        );
    }

    [Fact]
    public void A_proxy_set_from_a_secret_is_an_error_naming_it_and_allows_nothing()
    {
        var settings = With(("OPENAI_API_KEY", "k")) with { SecretEnv = ["OPENAI_REVERSE_PROXY"] };
        var (model, _, bag) = EgressTestHelpers.Run(Quiet(), settings);
        Assert.Contains(
            bag.Items,
            d =>
                d.Code == "CT2300"
                && d.Message.Contains("${OPENAI_REVERSE_PROXY}", StringComparison.Ordinal)
        );
        Assert.True(
            model is null
                || !model.WebGroups.SelectMany(g => g.Hosts).Any(h => h.Host == "api.openai.com")
        );
    }

    [Fact]
    public void A_yaml_built_in_endpoint_goes_through_the_reverse_proxy_not_the_vendor()
    {
        var config = Quiet() with
        {
            Endpoints = new EndpointsConfig
            {
                BuiltIns =
                [
                    new BuiltInEndpointConfig
                    {
                        Kind = BuiltInEndpointKind.OpenAI,
                        Location = Loc("endpoints.openAI", 12),
                    },
                ],
            },
        };
        var (model, _, _) = EgressTestHelpers.Run(
            config,
            With(("OPENAI_API_KEY", "k"), ("OPENAI_REVERSE_PROXY", "https://gw.example.com/v1"))
        );
        var hosts = model.Hosts("llm-providers");
        Assert.Contains("gw.example.com", hosts);
        Assert.DoesNotContain("api.openai.com", hosts);
    }
}
