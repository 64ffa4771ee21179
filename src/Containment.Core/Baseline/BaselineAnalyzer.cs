using System.Globalization;
using Containment.Core.Policy;

namespace Containment.Core.Baseline;

/// <summary>
/// Reads DCF monitor-mode logs line by line and holds them against the policy: one pass, one line in memory,
/// totals keyed by flow (<see cref="FlowAggregator"/>). Call <see cref="Read"/> per input, then <see cref="Report"/>.
/// </summary>
public sealed class BaselineAnalyzer
{
    /// <summary>How many skipped lines are listed by number; the rest are only counted.</summary>
    public const int MaxSkippedListed = 10;

    private readonly PolicyModel _model;
    private readonly WorkloadMap _workloads;
    private readonly RuleNames _rules;
    private readonly int _maxLineBytes;
    private readonly FlowAggregator _aggregator;
    private readonly DcfLineParser _parser = new();
    private readonly List<string> _files = [];
    private readonly List<SkippedLine> _firstSkipped = [];
    private long _lines;
    private long _other;
    private long _skipped;

    public BaselineAnalyzer(
        PolicyModel model,
        WorkloadMap workloads,
        RuleNames rules,
        int maxLineBytes = BoundedLineReader.DefaultMaxLineBytes,
        int maxFlows = FlowAggregator.DefaultMaxFlows
    )
    {
        _model = model ?? throw new ArgumentNullException(nameof(model));
        _workloads = workloads ?? throw new ArgumentNullException(nameof(workloads));
        _rules = rules ?? throw new ArgumentNullException(nameof(rules));
        _maxLineBytes = maxLineBytes;
        _aggregator = new FlowAggregator(workloads, maxFlows);
    }

    /// <summary>Reads one input to its end. I/O and gzip errors propagate: the caller reports the input as unreadable.</summary>
    public void Read(Stream stream, string displayName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _files.Add(displayName);
        var reader = new BoundedLineReader(stream, _maxLineBytes);
        while (reader.TryReadLine(out var line, out var oversized))
        {
            _lines++;
            if (oversized)
            {
                Skip(
                    displayName,
                    reader.LineNumber,
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"longer than {_maxLineBytes} bytes"
                    )
                );
                continue;
            }
            var parsed = _parser.Parse(line);
            switch (parsed.Kind)
            {
                case LineKind.Flow:
                    _aggregator.Add(parsed.Flow);
                    break;
                case LineKind.Malformed:
                    Skip(displayName, reader.LineNumber, parsed.Problem ?? "unreadable");
                    break;
                case LineKind.Other:
                    _other++;
                    break;
                default:
                    break;
            }
        }
    }

    public BaselineReport Report()
    {
        var advisor = new DestinationAdvisor(_model);
        var wouldDeny = Flows(_aggregator.WouldDeny, advisor);
        var enforced = Flows(_aggregator.EnforcedDenies, null);
        var permits = _aggregator
            .Permits.Select(p => new RulePermits(
                p.Key.Length == 0 ? "(no rule)" : _rules.Display(p.Key),
                p.Value
            ))
            .GroupBy(p => p.Rule, StringComparer.Ordinal)
            .Select(g => new RulePermits(g.Key, g.Sum(p => p.Count)))
            .OrderBy(p => p.Rule, StringComparer.Ordinal)
            .ToList();
        var fromOurs = wouldDeny.Count(f => _workloads.IsOurs(f.Workload));
        var (ready, verdict) = Decide(fromOurs);
        var window = new BaselineWindow(
            _aggregator.From,
            _aggregator.To,
            [.. _files],
            _lines,
            _aggregator.FlowLines,
            _other,
            _aggregator.NoDecisionLines,
            _aggregator.Unaggregated
        );
        return new BaselineReport(
            _model.Stack,
            wouldDeny,
            enforced,
            permits,
            _skipped,
            [.. _firstSkipped],
            ready,
            verdict,
            window,
            Notes()
        );
    }

    private (bool Ready, string Verdict) Decide(int fromOurs)
    {
        if (_aggregator.FlowLines == 0)
        {
            return (
                false,
                "not ready: the logs hold no DCF flow lines, so there is no evidence either way"
            );
        }
        if (fromOurs > 0)
        {
            return (
                false,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"not ready: {fromOurs} would-be-denied flow{(fromOurs == 1 ? "" : "s")} from our workloads"
                )
            );
        }
        if (_aggregator.UnaggregatedWouldDenyFromOurs)
        {
            return (
                false,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"not ready: more than {_aggregator.MaxFlows} distinct flows; would-be denies past that were counted, not listed"
                )
            );
        }
        return (true, "ready: no would-be-denied flows from our workloads in the window");
    }

    private List<string> Notes()
    {
        var notes = new List<string>();
        if (!_workloads.HasSnapshot)
        {
            notes.Add(
                "no --pods snapshot: every source is 'unknown', and unknown sources count as ours for the verdict."
            );
        }
        if (_rules.Count == 0)
        {
            notes.Add("no --rules export: rules are shown by UUID.");
        }
        notes.Add(
            "counts are log lines, not connections: DCF throttles logging per connection and a log profile may log start, end or both."
        );
        return notes;
    }

    private List<BaselineFlow> Flows(
        Dictionary<FlowKey, FlowStats> table,
        DestinationAdvisor? advisor
    ) =>
        [
            .. table
                .Select(p =>
                {
                    var destination = new FlowDestination(
                        p.Key.Host,
                        p.Key.Ip ?? p.Value.Ip,
                        p.Key.Port
                    );
                    var rules = p
                        .Value.Rules.Select(_rules.Display)
                        .Distinct(StringComparer.Ordinal)
                        .Order(StringComparer.Ordinal)
                        .ToList();
                    return new BaselineFlow(
                        p.Key.Workload,
                        destination,
                        p.Value.Count,
                        p.Value.First,
                        p.Value.Last,
                        rules,
                        advisor?.Suggest(p.Key.Workload, destination)
                    );
                })
                .OrderBy(f => f.Workload, StringComparer.Ordinal)
                .ThenByDescending(f => f.Count)
                .ThenBy(f => f.Destination.Host ?? "", StringComparer.Ordinal)
                .ThenBy(f => f.Destination.Ip, StringComparer.Ordinal)
                .ThenBy(f => f.Destination.Port),
        ];

    private void Skip(string file, long line, string reason)
    {
        _skipped++;
        if (_firstSkipped.Count < MaxSkippedListed)
        {
            _firstSkipped.Add(new SkippedLine(file, line, reason));
        }
    }
}
