using Containment.Core.Diagnostics;
using Containment.Core.Egress;
using Containment.Core.Policy;
using Containment.Core.Settings;
using Containment.Tests.Infrastructure.Models;

namespace Containment.Tests.Egress;

/// <summary>
/// Issue 12 item 11: Redis is one of the chart's data stores (helm/librechat/Chart.yaml), and a store outside the
/// cluster is egress from LibreChat's pods on its own port, reported without its host because MONGO_URI and REDIS_URI are
/// on LibreChat's list of sensitive variables (they carry passwords). MONGO_URI is always read (api/db/connect.js); REDIS_URI only
/// when USE_REDIS is enabled (api/cache/cacheConfig.js).
/// </summary>
public class ExternalDataStoreTests
{
    private const string Password = "Zq9Pass";

    private static (PolicyModel? Model, DiagnosticBag Bag) Plan(
        params (string Name, string Value)[] env
    )
    {
        var settings = SampleConfigs.Stack() with
        {
            Env = env.ToDictionary(e => e.Name, e => e.Value, StringComparer.Ordinal),
        };
        var (model, _, bag) = EgressTestHelpers.Run(SampleConfigs.Quiet(), settings);
        return (model, bag);
    }

    [Fact]
    public void The_chart_default_data_stores_include_redis_and_not_the_rag_api()
    {
        var names = new ClusterSettings().DataStores.Select(d => (d.Name, d.Port));

        Assert.Equal(
            [("meilisearch", 7700), ("mongodb", 27017), ("redis", 6379), ("vectordb", 5432)],
            names
        );
    }

    [Fact]
    public void Atlas_srv_uri_is_reported_as_external_but_never_becomes_a_host_since_mongo_uri_is_a_secret()
    {
        var (model, bag) = Plan(
            (
                "MONGO_URI",
                $"mongodb+srv://app:{Password}@cluster0.ab12c.mongodb.net/LibreChat?retryWrites=true"
            )
        );

        Assert.DoesNotContain(
            model!.WebGroups.SelectMany(g => g.Hosts),
            h => h.Host.Contains("mongodb", StringComparison.Ordinal)
        );
        var d = Assert.Single(bag.Items, d => d.Code == "CT3180");
        Assert.Equal(Severity.Warning, d.Severity);
        Assert.Contains("27017", d.Message, StringComparison.Ordinal);
        Assert.All(
            bag.Items,
            x => Assert.DoesNotContain("ab12c", x.Render(), StringComparison.Ordinal)
        );
        Assert.All(
            bag.Items,
            x => Assert.DoesNotContain(Password, x.Render(), StringComparison.Ordinal)
        );
    }

    [Fact]
    public void An_in_cluster_mongo_uri_is_the_data_stores_path_not_internet_egress()
    {
        var (model, bag) = Plan(("MONGO_URI", "mongodb://mongodb:27017/LibreChat"));

        Assert.DoesNotContain(
            model!.WebGroups.SelectMany(g => g.Hosts),
            h => h.Host.Contains("mongodb", StringComparison.Ordinal)
        );
        Assert.DoesNotContain(bag.Items, d => d.Code == "CT3180");
    }

    [Fact]
    public void Managed_redis_is_reported_only_when_use_redis_is_on_and_with_its_port()
    {
        var uri = $"rediss://:{Password}@cache1.redis.cache.windows.net:6380";
        var (_, off) = Plan(("REDIS_URI", uri));
        var (on, bag) = Plan(("USE_REDIS", "TRUE"), ("REDIS_URI", uri));

        Assert.DoesNotContain(off.Items, d => d.Code == "CT3180");
        var d = Assert.Single(bag.Items, d => d.Code == "CT3180");
        Assert.Contains("port 6380", d.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(
            on!.WebGroups.SelectMany(g => g.Hosts),
            h => h.Host.Contains("redis", StringComparison.Ordinal)
        );
        Assert.All(
            bag.Items,
            x => Assert.DoesNotContain("cache1", x.Render(), StringComparison.Ordinal)
        );
        Assert.All(
            bag.Items,
            x => Assert.DoesNotContain(Password, x.Render(), StringComparison.Ordinal)
        );
    }

    [Fact]
    public void A_store_uri_from_a_secret_says_its_host_is_unknown()
    {
        var settings = SampleConfigs.Stack() with { SecretEnv = ["MONGO_URI"] };
        var (_, _, bag) = EgressTestHelpers.Run(SampleConfigs.Quiet(), settings);

        Assert.Contains(bag.Items, d => d.Code == "CT3180");
    }

    [Theory]
    [InlineData(
        "mongodb://u:p@h1.example.com:27018,h2.example.com/db",
        "h1.example.com:27018,h2.example.com:27017"
    )]
    [InlineData("mongodb+srv://u:p@c0.x.mongodb.net", "c0.x.mongodb.net:27017")]
    [InlineData("redis://:p@r.example.com", "r.example.com:27017")]
    public void Connection_strings_give_their_hosts_and_ports(string uri, string expected)
    {
        var hosts = DataStoreUri.Hosts(uri, 27017)!;

        Assert.Equal(expected, string.Join(',', hosts.Select(h => $"{h.Host}:{h.Port}")));
    }

    [Theory]
    [InlineData("not a uri")]
    [InlineData("mongodb://h:notaport/db")]
    [InlineData("mongodb://u:p@/db")]
    public void Malformed_connection_strings_give_nothing(string uri) =>
        Assert.Null(DataStoreUri.Hosts(uri, 27017));
}
