using Containment.Core.Baseline;

namespace Containment.Tests.LogBaseline;

/// <summary>IPs to our SmartGroups through the selectors the policy built; rule UUIDs to names from each export.</summary>
public class WorkloadsAndRulesTests
{
    private static byte[] Fixture(string name) =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "LogBaseline", "Fixtures", name));

    [Fact]
    public void Pod_and_node_ips_map_to_the_smartgroups_the_policy_selects()
    {
        var map = WorkloadMap.Load(
            UpstreamModel.Build(),
            Fixture("pods.json"),
            Fixture("nodes.json"),
            out var problem
        );

        Assert.Null(problem);
        Assert.Equal("librechat-pods", map!.Resolve("100.64.0.10"));
        Assert.Equal("librechat-data-stores", map.Resolve("100.64.0.20")); // mongodb labels
        // The RAG API is its own workload (librechat-rag-api), present only when RAG_API_URL is set or the Helm values
        // enable it; the upstream example sets neither, so its pod belongs to no SmartGroup of this policy.
        Assert.Equal("other:librechat", map.Resolve("100.64.0.21"));
        Assert.Equal("other:monitoring", map.Resolve("100.64.0.30")); // right labels, wrong namespace
        Assert.Equal("librechat-nodes", map.Resolve("10.0.1.10")); // node IP, also the host-network pod's
        Assert.Equal("unknown", map.Resolve("100.64.0.99")); // a finished pod's IP is not trusted
        Assert.Equal("unknown", map.Resolve("100.64.9.9"));
        Assert.True(map.IsOurs("librechat-pods") && map.IsOurs("unknown"));
        Assert.False(map.IsOurs("other:monitoring"));
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1,2]")]
    public void A_snapshot_that_is_not_kubectl_json_is_refused(string text)
    {
        Assert.Null(
            WorkloadMap.Load(
                UpstreamModel.Build(),
                System.Text.Encoding.UTF8.GetBytes(text),
                null,
                out var problem
            )
        );
        Assert.NotNull(problem);
    }

    [Theory]
    [InlineData("terraform-show.json", "0d6c1a4e-1111-4b3d-8db3-1ecc4f0981db", "deny-pods-default")]
    [InlineData(
        "terraform-show.json",
        "0d6c1a4e-2222-4b3d-8db3-1ecc4f0981db",
        "permit-llm-providers"
    )] // upper-case UUID in the export
    [InlineData(
        "policy-list.json",
        "0d6c1a4e-3333-4b3d-8db3-1ecc4f0981db",
        "deny-data-stores-internet"
    )]
    [InlineData("pulumi-export.json", "0d6c1a4e-1111-4b3d-8db3-1ecc4f0981db", "deny-pods-default")]
    public void Rule_names_come_from_each_export(string file, string uuid, string name)
    {
        var names = RuleNames.Load(Fixture(file), out _);

        Assert.Equal(name, names!.Display(uuid));
    }

    [Fact]
    public void Smartgroup_uuids_and_hostile_names_are_not_taken_as_rules()
    {
        var names = RuleNames.Load(Fixture("terraform-show.json"), out _)!;

        Assert.Equal(2, names.Count);
        Assert.Equal(
            "0d6c1a4e-4444-4b3d-8db3-1ecc4f0981db",
            names.Display("0d6c1a4e-4444-4b3d-8db3-1ecc4f0981db")
        );
        Assert.False(names.Knows("9a1f3c55-0000-4000-8000-000000000001"));
    }
}
