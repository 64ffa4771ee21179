using Containment.Core.Diagnostics;

namespace Containment.Core.Policy;

/// <summary>
/// Stable rule priorities (issue 14 item 4): adding or removing a provider or an MCP server changes the priorities of
/// the rules that concern it and of no other rule. Each rule kind owns a sparse band; inside it a rule's home slot
/// is fixed (the rules every policy has) or derived from the rule's stable name, never from its position in a list.
/// <para>
/// Limits (docs/targets.md "Rule priorities"): the Aviatrix provider at the pinned v9.0.10 declares <c>priority</c>
/// as a plain <c>schema.TypeInt</c>, Required, with no range check, sends it as a Go <c>int</c> and sorts rules by
/// it ascending (AviatrixSystems/terraform-provider-aviatrix v9.0.10 aviatrix/resource_aviatrix_dcf_ruleset.go,
/// <c>"priority"</c> and <c>sortRules</c>; goaviatrix/dcf_policy_list.go <c>DCFPolicy.Priority int</c>); the
/// controller refuses duplicate priorities in a ruleset (release notes 8.2.20/9.0.10, AVX-76494). Nothing documents
/// an upper bound, so every priority stays in [0, <see cref="int.MaxValue"/>], which any 32-bit store keeps.
/// </para>
/// </summary>
public static class RulePriorities
{
    /// <summary>Pods to their data stores, data stores denied the internet: before any egress permit.</summary>
    public static readonly PriorityBand Isolation = new(
        "in-cluster and data-store isolation",
        100,
        999,
        300,
        600
    );

    /// <summary>LLM providers, app services, registries and their port splits (a handful of rules).</summary>
    public static readonly PriorityBand CoreEgress = new(
        "provider, app-service and registry permits",
        1_000,
        999_999,
        100_000,
        800_000
    );

    /// <summary>One permit per MCP WebGroup: 2e9 home slots, so at 10,000 servers a new server lands on a taken slot with odds 1 in 200,000.</summary>
    public static readonly PriorityBand McpEgress = new(
        "MCP server permits",
        1_000_000,
        2_099_999_999,
        1_000_000,
        2_000_000_000
    );

    /// <summary>The scoped denies; the pods' default-deny has the highest priority number of the ruleset, so it is last.</summary>
    public static readonly PriorityBand FinalDeny = new(
        "final denies",
        2_100_000_000,
        int.MaxValue,
        2_110_000_000,
        30_000_000
    );

    /// <summary>The pods' default-deny base: the last rule of every ruleset.</summary>
    public const int DefaultDeny = 2_147_000_000;

    /// <summary>Port splits of a fixed rule sit right after it: home + 1 .. home + <see cref="SplitSpan"/>.</summary>
    private const int SplitSpan = 9_999;

    private static readonly Dictionary<string, int> FixedHomes = new(StringComparer.Ordinal)
    {
        [PolicyNames.PermitDataStores] = 100,
        [PolicyNames.DenyDataStoresInternet] = 200,
        [PolicyNames.PermitRagApiToDataStores] = 110,
        [PolicyNames.PermitFor(PolicyNames.LlmProvidersWebGroup)] = 10_000,
        [PolicyNames.PermitAppServices] = 20_000,
        [PolicyNames.PermitRegistries] = 30_000,
        [PolicyNames.PermitFor(PolicyNames.RagEmbeddingsWebGroup)] = 40_000,
        [PolicyNames.DenyNodesInternet] = 2_100_000_000,
        [PolicyNames.DenyRagApiDefault] = 2_100_001_000,
        [PolicyNames.DenyPodsDefault] = DefaultDeny,
    };

    /// <summary>
    /// The home slot of a rule: its fixed home; for a port split of a fixed rule (<paramref name="splitOf"/>), a slot
    /// after that rule's home given by the port set (a bit mask when every port is one WebGroups inspect, so those
    /// never collide, else a hash); otherwise the hash of its name in the band.
    /// </summary>
    public static long HomeOf(
        PriorityBand band,
        string ruleName,
        string? splitOf = null,
        IReadOnlyList<int>? ports = null
    )
    {
        ArgumentNullException.ThrowIfNull(band);
        ArgumentNullException.ThrowIfNull(ruleName);
        if (FixedHomes.TryGetValue(ruleName, out var home))
        {
            return home;
        }
        if (splitOf is not null && FixedHomes.TryGetValue(splitOf, out var baseHome))
        {
            return baseHome + 1 + SplitOffset(ruleName, ports ?? []);
        }
        return band.HomeOf(ruleName);
    }

    /// <summary>
    /// Gives every rule the first free priority at or after its home, taking rules in (home, name) order, band by band,
    /// so the result depends only on the set of rules. A rule moves only when a rule of the same band takes its home
    /// or a slot in the run of taken slots before it. Returns null after reporting CT3120 when a band is full.
    /// </summary>
    public static IReadOnlyList<PolicyRule>? Assign(
        IEnumerable<(PolicyRule Rule, PriorityBand Band, long Home)> rules,
        DiagnosticBag diagnostics,
        SourceSpan span
    )
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var placed = new List<PolicyRule>();
        foreach (var band in rules.GroupBy(r => r.Band))
        {
            var slots = Sweep(band.Key, [.. band.Select(r => (r.Rule.Name, r.Home))]);
            if (slots is null)
            {
                var (kind, first, last) = (band.Key.Kind, band.Key.First, band.Key.Last);
                diagnostics.Add(
                    DiagnosticBuilder.At(span).PriorityBandFull(kind, first, last, band.Count())
                );
                return null;
            }
            placed.AddRange(band.Select(r => r.Rule with { Priority = slots[r.Rule.Name] }));
        }
        placed.Sort((a, b) => a.Priority.CompareTo(b.Priority));
        return placed;
    }

    /// <summary>The sweep of <see cref="Assign"/> for one band: O(n log n), whatever the names hash to. Null when the band overflows.</summary>
    internal static Dictionary<string, int>? Sweep(
        PriorityBand band,
        IReadOnlyList<(string Name, long Home)> homes
    )
    {
        var slots = new Dictionary<string, int>(homes.Count, StringComparer.Ordinal);
        var next = long.MinValue;
        foreach (
            var (name, home) in homes
                .OrderBy(h => h.Home)
                .ThenBy(h => h.Name, StringComparer.Ordinal)
        )
        {
            var slot = Math.Max(Math.Max(home, band.First), next);
            if (slot > band.Last)
            {
                return null;
            }
            slots[name] = (int)slot;
            next = slot + 1;
        }
        return slots;
    }

    private static int SplitOffset(string ruleName, IReadOnlyList<int> ports)
    {
        var mask = 0;
        foreach (var port in ports)
        {
            var bit = IndexOfWebPort(port);
            if (bit < 0)
            {
                // 16.. : any port set with a port WebGroups do not inspect.
                return 16 + (int)(StableHash.Fnv1a64(ruleName) % (SplitSpan - 16));
            }
            mask |= 1 << bit;
        }
        return mask;
    }

    private static int IndexOfWebPort(int port)
    {
        for (var i = 0; i < WebGroupAssembler.WebPorts.Count; i++)
        {
            if (WebGroupAssembler.WebPorts[i] == port)
            {
                return i;
            }
        }
        return -1;
    }
}
