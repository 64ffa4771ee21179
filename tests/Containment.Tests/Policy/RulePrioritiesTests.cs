using System.Diagnostics;
using System.Globalization;
using Containment.Core.Diagnostics;
using Containment.Core.Policy;
using Containment.Tests.Egress;
using static Containment.Tests.Infrastructure.Models.SampleConfigs;

namespace Containment.Tests.Policy;

/// <summary>Issue 14 item 4: the band layout, the collision sweep and its limits.</summary>
public class RulePrioritiesTests
{
    private static readonly PriorityBand Tiny = new("tiny", 10, 14, 10, 5);

    [Fact]
    public void Colliding_homes_take_the_next_free_slots_in_name_order_whatever_the_input_order()
    {
        (string, long)[] homes = [("b", 11), ("a", 11), ("c", 13), ("d", 10)];

        var forward = RulePriorities.Sweep(Tiny, homes)!;
        var backward = RulePriorities.Sweep(Tiny, [.. homes.Reverse()])!;

        Assert.Equal(
            new Dictionary<string, int>
            {
                ["d"] = 10,
                ["a"] = 11,
                ["b"] = 12,
                ["c"] = 13,
            },
            forward
        );
        Assert.Equal(forward, backward);
    }

    [Fact]
    public void A_rule_added_on_a_free_home_moves_nothing_and_one_on_a_taken_home_moves_only_its_run()
    {
        (string, long)[] homes = [("a", 10), ("m", 12), ("z", 14)];
        var before = RulePriorities.Sweep(Tiny, homes)!;

        var free = RulePriorities.Sweep(Tiny, [.. homes, ("n", 11)])!;
        var taken = RulePriorities.Sweep(Tiny, [.. homes, ("b", 12)])!;

        Assert.All(before, p => Assert.Equal(p.Value, free[p.Key]));
        // 'b' sorts before 'm' on home 12, so 'm' (the rule it collided with) moves to 13; 'a' and 'z' stay.
        Assert.Equal((10, 12, 13, 14), (taken["a"], taken["b"], taken["m"], taken["z"]));
    }

    [Fact]
    public void A_full_band_is_a_CT3120_error_and_no_rules()
    {
        var bag = new DiagnosticBag();
        var rules = Enumerable
            .Range(0, 6)
            .Select(i => (Rule(string.Create(CultureInfo.InvariantCulture, $"r{i}")), Tiny, 12L));

        var placed = RulePriorities.Assign(rules, bag, SourceSpan.FileOnly("Pulumi.dev.yaml"));

        Assert.Null(placed);
        var error = Assert.Single(bag.Items);
        Assert.Equal("CT3120", error.Code);
        Assert.Contains("10 to 14", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bands_are_ordered_disjoint_and_inside_a_32_bit_priority()
    {
        PriorityBand[] bands =
        [
            RulePriorities.Isolation,
            RulePriorities.CoreEgress,
            RulePriorities.McpEgress,
            RulePriorities.FinalDeny,
        ];

        Assert.All(
            bands,
            b =>
                Assert.True(
                    b.First >= 0
                        && b.First <= b.HashedFirst
                        && (long)b.HashedFirst + b.HashedCount - 1 <= b.Last,
                    b.Kind
                )
        );
        Assert.All(
            bands.Zip(bands.Skip(1)),
            p => Assert.True(p.First.Last < p.Second.First, p.Second.Kind)
        );
        Assert.Equal(int.MaxValue, RulePriorities.FinalDeny.Last);
    }

    [Fact]
    public void Port_splits_of_a_fixed_rule_sit_right_after_it_and_web_port_sets_never_collide()
    {
        var band = RulePriorities.CoreEgress;
        var llm = RulePriorities.HomeOf(band, "permit-llm-providers");
        int[][] sets =
        [
            [80],
            [8080],
            [8443],
            [80, 443],
            [80, 8080],
            [443, 8443],
            [80, 443, 8080, 8443],
        ];

        var homes = sets.Select(s =>
                RulePriorities.HomeOf(
                    band,
                    "permit-llm-providers--" + string.Join('-', s),
                    "permit-llm-providers",
                    s
                )
            )
            .ToList();

        Assert.Equal(10_000, llm);
        Assert.Equal(homes.Count, homes.Distinct().Count());
        Assert.All(homes, h => Assert.InRange(h, llm + 1, llm + 16));
        var odd = RulePriorities.HomeOf(
            band,
            "permit-llm-providers--5000",
            "permit-llm-providers",
            [5000]
        );
        Assert.InRange(odd, llm + 17, llm + 9_999);
        Assert.True(odd < RulePriorities.HomeOf(band, "permit-app-services"));
    }

    /// <summary>10,000 MCP servers: unique priorities inside the MCP band, default-deny last, one more server moves no rule.</summary>
    [Fact]
    public void Ten_thousand_servers_stay_in_their_band_and_one_more_moves_no_other_rule()
    {
        var servers = Enumerable
            .Range(0, 10_000)
            .Select(i =>
                RemoteMcp(
                    string.Create(CultureInfo.InvariantCulture, $"srv{i}"),
                    string.Create(CultureInfo.InvariantCulture, $"https://mcp{i}.example.com/mcp"),
                    line: 10 + i
                )
            )
            .ToList();
        var watch = Stopwatch.StartNew();
        var (model, _, bag) = EgressTestHelpers.Run(Quiet() with { McpServers = servers });
        watch.Stop();
        var (more, _, _) = EgressTestHelpers.Run(
            Quiet() with
            {
                McpServers =
                [
                    .. servers,
                    RemoteMcp("one-more", "https://one-more.example.com/mcp", line: 20_000),
                ],
            }
        );

        Assert.False(bag.HasErrors);
        var mcp = model!
            .Rules.Where(r =>
                r.WebGroups.Any(w => w.StartsWith(McpGroupNames.Prefix, StringComparison.Ordinal))
            )
            .ToList();
        Assert.Equal(10_000, mcp.Count);
        Assert.All(
            mcp,
            r =>
                Assert.InRange(
                    r.Priority,
                    RulePriorities.McpEgress.First,
                    RulePriorities.McpEgress.Last
                )
        );
        Assert.Equal(model.Rules.Count, model.Rules.Select(r => r.Priority).Distinct().Count());
        Assert.Equal(PolicyNames.DenyPodsDefault, model.Rules[^1].Name);
        var now = more!.Rules.ToDictionary(r => r.Name, r => r.Priority, StringComparer.Ordinal);
        Assert.All(model.Rules, r => Assert.Equal(r.Priority, now[r.Name]));
        Assert.True(
            watch.Elapsed < TimeSpan.FromSeconds(30),
            $"10,000 servers took {watch.Elapsed}"
        );
    }

    private static PolicyRule Rule(string name) =>
        new()
        {
            Name = name,
            Priority = 0,
            Action = RuleAction.Permit,
            Sources = [PolicyNames.PodsGroup],
            Destinations = [PredefinedGroups.PublicInternet],
            Protocol = RuleProtocol.Tcp,
            Watch = true,
            Logging = true,
            Decrypt = DecryptPolicy.Unspecified,
            Description = "test",
        };
}
