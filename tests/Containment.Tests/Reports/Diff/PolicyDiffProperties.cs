using Containment.Core.Reports;
using FsCheck.Xunit;
using static Containment.Tests.Infrastructure.Models.SampleReviewPolicies;

namespace Containment.Tests.Reports.Diff;

/// <summary>Properties of the diff over random host edits of the permitted LLM-provider group.</summary>
public class PolicyDiffProperties
{
    private static string[] Hosts(byte[] picks) =>
        [.. picks.Select(p => $"h{p % 12}.example.com").Distinct(StringComparer.Ordinal)];

    private static PolicySnapshot WithLlmHosts(string label, string[] hosts) =>
        new(
            label,
            Base()
                .WithHosts(
                    "llm-providers",
                    _ => hosts.Select(h => Host(h, Line(10, "endpoints.custom")))
                ),
            []
        );

    [Property(MaxTest = 200)]
    public void Added_and_removed_hosts_are_exactly_the_set_differences(byte[] before, byte[] after)
    {
        var (oldHosts, newHosts) = (Hosts(before), Hosts(after));

        var diff = PolicyDiff.Compare(WithLlmHosts("b", oldHosts), WithLlmHosts("h", newHosts));

        var added = diff.WebGroups.SelectMany(g => g.AddedHosts).Select(h => h.Host).ToList();
        var removed = diff.WebGroups.SelectMany(g => g.RemovedHosts).Select(h => h.Host).ToList();
        Assert.Equal(newHosts.Except(oldHosts).Order(StringComparer.Ordinal), added);
        Assert.Equal(oldHosts.Except(newHosts).Order(StringComparer.Ordinal), removed);
        Assert.Equal(added.Count > 0, diff.HasNewEgress);
        Assert.Equal(added.Count == 0 && removed.Count == 0, diff.IsEmpty);
    }

    [Property(MaxTest = 100)]
    public void Swapping_base_and_head_swaps_added_and_removed(byte[] before, byte[] after)
    {
        var forward = PolicyDiff.Compare(
            WithLlmHosts("b", Hosts(before)),
            WithLlmHosts("h", Hosts(after))
        );
        var backward = PolicyDiff.Compare(
            WithLlmHosts("h", Hosts(after)),
            WithLlmHosts("b", Hosts(before))
        );

        Assert.Equal(
            forward.WebGroups.SelectMany(g => g.AddedHosts).Select(h => h.Host),
            backward.WebGroups.SelectMany(g => g.RemovedHosts).Select(h => h.Host)
        );
    }
}
