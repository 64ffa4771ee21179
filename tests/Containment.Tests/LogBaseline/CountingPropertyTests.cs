using System.Text;
using Containment.Core.Baseline;
using FsCheck;
using FsCheck.Fluent;

namespace Containment.Tests.LogBaseline;

/// <summary>Aggregation does not depend on line order and counts every duplicate: shuffle and repeat lines, the totals follow.</summary>
public class CountingPropertyTests
{
    private static readonly string[] Lines =
    [
        .. DcfLogGenerator.Busy(60, seed: 3),
        .. File.ReadAllLines(
            Path.Combine(
                AppContext.BaseDirectory,
                "LogBaseline",
                "Fixtures",
                "reference-samples.log"
            )
        ),
    ];
    private static readonly Lazy<Containment.Core.Policy.PolicyModel> Model = new(
        UpstreamModel.Build
    );

    private static BaselineReport Analyse(IEnumerable<string> lines)
    {
        var analyzer = new BaselineAnalyzer(
            Model.Value,
            WorkloadMap.Empty(Model.Value),
            RuleNames.None
        );
        analyzer.Read(new MemoryStream(Encoding.UTF8.GetBytes(string.Join("\n", lines))), "log");
        return analyzer.Report();
    }

    private static string Totals(BaselineReport r) =>
        string.Join(
            ";",
            r.WouldDeny.Select(f =>
                    $"{f.Workload}|{f.Destination}|{f.Count}|{f.FirstSeen}|{f.LastSeen}|{string.Join(",", f.Rules)}"
                )
                .Concat(r.EnforcedDenies.Select(f => $"E{f.Destination}|{f.Count}"))
                .Concat(r.Permits.Select(p => $"P{p.Rule}|{p.Count}"))
                .Append(
                    $"S{r.SkippedLines}|W{r.Window.From}-{r.Window.To}|{r.Window.FlowLines}|{r.Window.OtherLines}|{r.Window.NoDecisionLines}"
                )
        );

    [Fact]
    public void Shuffled_and_duplicated_lines_give_the_same_flows_with_multiplied_counts()
    {
        var once = Analyse(Lines);
        var gen =
            from times in Gen.Choose(1, 4)
            from seed in Gen.Choose(0, int.MaxValue)
            select (times, seed);

        Prop.ForAll(
                gen.ToArbitrary(),
                input =>
                {
                    var (times, seed) = input;
                    var shuffled = Enumerable.Repeat(Lines, times).SelectMany(l => l).ToArray();
                    new Random(seed).Shuffle(shuffled);
                    var many = Analyse(shuffled);
                    var expected = Totals(Scale(once, times));
                    return Totals(many) == expected
                        && many.Ready == once.Ready
                        && many.Window.Lines == once.Window.Lines * times;
                }
            )
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Distinct_flows_past_the_cap_are_counted_not_kept_and_make_the_verdict_not_ready()
    {
        var lines = Enumerable
            .Range(1, 50)
            .Select(i =>
                DcfLogGenerator.L4(
                    "100.64.0.1",
                    40000,
                    $"198.51.100.{i}",
                    443,
                    "DENY",
                    false,
                    DcfLogGenerator.PodsRuleUuid
                )
            );
        var analyzer = new BaselineAnalyzer(
            Model.Value,
            WorkloadMap.Empty(Model.Value),
            RuleNames.None,
            maxFlows: 10
        );
        analyzer.Read(new MemoryStream(Encoding.UTF8.GetBytes(string.Join("\n", lines))), "log");

        var report = analyzer.Report();

        Assert.Equal(10, report.WouldDeny.Count);
        Assert.Equal(40, report.Window.UnaggregatedLines);
        Assert.False(report.Ready);
    }

    /// <summary>What reading every line <paramref name="times"/> times must give: the same flows, counts multiplied.</summary>
    private static BaselineReport Scale(BaselineReport r, int times) =>
        r with
        {
            WouldDeny = [.. r.WouldDeny.Select(f => f with { Count = f.Count * times })],
            EnforcedDenies = [.. r.EnforcedDenies.Select(f => f with { Count = f.Count * times })],
            Permits = [.. r.Permits.Select(p => p with { Count = p.Count * times })],
            SkippedLines = r.SkippedLines * times,
            Window = r.Window with
            {
                FlowLines = r.Window.FlowLines * times,
                OtherLines = r.Window.OtherLines * times,
                NoDecisionLines = r.Window.NoDecisionLines * times,
            },
        };
}
