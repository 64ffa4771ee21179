namespace Containment.Core.Baseline;

/// <summary>One destination of an aggregated flow: the SNI host when an L7 line gave one, else the IP.</summary>
internal readonly record struct FlowKey(string Workload, string? Host, string? Ip, int Port);

/// <summary>Running totals of one flow key.</summary>
internal sealed class FlowStats
{
    public long Count { get; set; }
    public long? First { get; set; }
    public long? Last { get; set; }

    /// <summary>For a host key, the ordinally smallest server IP seen, so the result does not depend on line order.</summary>
    public string Ip { get; set; } = "";
    public SortedSet<string> Rules { get; } = new(StringComparer.Ordinal);
}

/// <summary>
/// Folds flow records into counts keyed by flow, so memory grows with the number of distinct flows, never
/// with the number of lines. Past <see cref="MaxFlows"/> distinct keys per table, new keys are not added;
/// their lines are counted in <see cref="Unaggregated"/> (and a would-be deny among them makes the verdict
/// not ready). Every total is order-independent: the same lines in any order give the same result.
/// </summary>
internal sealed class FlowAggregator(
    WorkloadMap workloads,
    int maxFlows = FlowAggregator.DefaultMaxFlows
)
{
    public const int DefaultMaxFlows = 100_000;
    private const int MaxRulesPerFlow = 16;

    public int MaxFlows { get; } = maxFlows;
    public Dictionary<FlowKey, FlowStats> WouldDeny { get; } = [];
    public Dictionary<FlowKey, FlowStats> EnforcedDenies { get; } = [];

    /// <summary>Permit lines per rule UUID (empty string: a permit line without a rule).</summary>
    public Dictionary<string, long> Permits { get; } = new(StringComparer.Ordinal);
    public long FlowLines { get; private set; }
    public long NoDecisionLines { get; private set; }
    public long Unaggregated { get; private set; }
    public bool UnaggregatedWouldDenyFromOurs { get; private set; }
    public long? From { get; private set; }
    public long? To { get; private set; }

    public void Add(in FlowRecord flow)
    {
        FlowLines++;
        if (flow.UnixSeconds is { } t)
        {
            From = From is { } f && f <= t ? f : t;
            To = To is { } l && l >= t ? l : t;
        }
        switch (flow.Verdict)
        {
            case FlowVerdict.Permit:
                var rule = flow.RuleUuid ?? "";
                if (Permits.Count < MaxFlows || Permits.ContainsKey(rule))
                {
                    Permits[rule] = Permits.GetValueOrDefault(rule) + 1;
                }
                else
                {
                    Unaggregated++;
                }
                break;
            case FlowVerdict.WouldDeny:
                AddTo(WouldDeny, flow, wouldDeny: true);
                break;
            case FlowVerdict.EnforcedDeny:
                AddTo(EnforcedDenies, flow, wouldDeny: false);
                break;
            default:
                NoDecisionLines++;
                break;
        }
    }

    private void AddTo(Dictionary<FlowKey, FlowStats> table, in FlowRecord flow, bool wouldDeny)
    {
        var workload = workloads.Resolve(flow.ClientIp);
        var key = new FlowKey(
            workload,
            flow.SniHost,
            flow.SniHost is null ? flow.ServerIp : null,
            flow.ServerPort
        );
        if (!table.TryGetValue(key, out var stats))
        {
            if (table.Count >= MaxFlows)
            {
                Unaggregated++;
                UnaggregatedWouldDenyFromOurs |= wouldDeny && workloads.IsOurs(workload);
                return;
            }
            stats = new FlowStats { Ip = flow.ServerIp };
            table[key] = stats;
        }
        stats.Count++;
        if (flow.UnixSeconds is { } t)
        {
            stats.First = stats.First is { } f && f <= t ? f : t;
            stats.Last = stats.Last is { } l && l >= t ? l : t;
        }
        if (string.CompareOrdinal(flow.ServerIp, stats.Ip) < 0)
        {
            stats.Ip = flow.ServerIp;
        }
        if (
            flow.RuleUuid is { } uuid
            && (stats.Rules.Count < MaxRulesPerFlow || stats.Rules.Contains(uuid))
        )
        {
            stats.Rules.Add(uuid);
        }
    }
}
