using System.Text.Json;
using Containment.Tests.Infrastructure;
using static Containment.Tests.Cli.CliRunner;

namespace Containment.Tests.Settings;

/// <summary>
/// Issue 12 item 2: <c>mongodb.enabled</c> / <c>meilisearch.enabled</c> / <c>redis.enabled</c> (helm/librechat/Chart.yaml
/// 2.0.4 dependency conditions) decide which in-cluster stores the data-stores SmartGroup selects. A disabled MongoDB with
/// an external MONGO_URI is egress by port (CT3180), as any store outside the cluster.
/// </summary>
public class ChartDataStoresTests
{
    private static InMemoryFileSystem Project(string values, string stack = "") =>
        new InMemoryFileSystem()
            .With("librechat.yaml", "version: \"1.3.17\"\n")
            .With("values.yaml", values)
            .With(
                "Pulumi.dev.yaml",
                "config:\n  containment:librechatConfig: librechat.yaml\n  containment:helmValues: [values.yaml]\n"
                    + stack
            );

    private static string[] StoreLabels(string planJson)
    {
        using var doc = JsonDocument.Parse(planJson);
        return
        [
            .. doc
                .RootElement.GetProperty("smartGroups")
                .EnumerateArray()
                .Where(g => g.GetProperty("role").GetString() == "data-stores")
                .SelectMany(g => g.GetProperty("selectors").EnumerateArray())
                .Select(s =>
                    s.GetProperty("labels").GetProperty("app.kubernetes.io/name").GetString()!
                ),
        ];
    }

    [Fact]
    public void Stores_the_values_switch_off_leave_the_data_stores_group_with_a_note_at_the_switch()
    {
        var result = Run(
            Project("mongodb:\n  enabled: false\nmeilisearch:\n  enabled: true\n"),
            "plan",
            "--stack",
            "dev",
            "--format",
            "json"
        );

        Assert.True(result.ExitCode == 0, result.Stderr);
        // Ordered by store name: meilisearch, redis, vectordb (postgresql).
        Assert.Equal(["meilisearch", "redis", "postgresql"], StoreLabels(result.Stdout));
        using var doc = JsonDocument.Parse(result.Stdout);
        var note = Assert.Single(
            doc.RootElement.GetProperty("diagnostics").EnumerateArray(),
            d => d.GetProperty("code").GetString() == "CT2345"
        );
        Assert.Equal("values.yaml", note.GetProperty("file").GetString());
        Assert.Equal(2, note.GetProperty("line").GetInt32());
    }

    [Fact]
    public void A_disabled_mongodb_with_an_external_mongo_uri_is_egress_by_port()
    {
        var result = Run(
            Project(
                "mongodb:\n  enabled: false\nlibrechat:\n  configEnv:\n    MONGO_URI: mongodb+srv://cluster0.abcde.mongodb.net/LibreChat\n"
            ),
            "plan",
            "--stack",
            "dev"
        );

        Assert.Contains("CT3180", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("port 27017", result.Stderr, StringComparison.Ordinal);
        // The URI is on LibreChat's sensitive list: its host never shows.
        Assert.DoesNotContain(
            "mongodb.net",
            result.Stdout + result.Stderr,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void Data_stores_the_stack_lists_itself_are_kept()
    {
        var result = Run(
            Project(
                "mongodb:\n  enabled: false\n",
                "  containment:cluster:\n    dataStores:\n      - name: mongodb\n        labels: {app: my-mongo}\n        port: 27017\n"
            ),
            "plan",
            "--stack",
            "dev",
            "--format",
            "json"
        );

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("my-mongo", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("CT2345", result.Stdout, StringComparison.Ordinal);
    }
}
