using System.Globalization;
using System.Text;
using Containment.Core.Reports;

namespace Containment.Core.Baseline;

/// <summary><c>baseline --format text</c>: the verdict, then one table per kind of flow, for a terminal or a CI log.</summary>
public static class BaselineText
{
    public static string Write(BaselineReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sb = new StringBuilder();
        sb.Append(
            CultureInfo.InvariantCulture,
            $"Baseline for stack {report.Stack}: {report.Verdict}\n"
        );
        sb.Append(CultureInfo.InvariantCulture, $"Window: {Window(report.Window)}\n");
        Flows(sb, "Would be denied once enforced", report.WouldDeny, withSuggestion: true);
        Flows(sb, "Denied already (enforced rules)", report.EnforcedDenies, withSuggestion: false);
        sb.Append("\nPermits per rule:\n");
        if (report.Permits.Count == 0)
        {
            sb.Append("  none\n");
        }
        else
        {
            var table = new TextTable("RULE", "LINES");
            foreach (var p in report.Permits)
            {
                table.Add(p.Rule, Number(p.Count));
            }
            table.WriteTo(sb, "  ");
        }
        sb.Append(
            CultureInfo.InvariantCulture,
            $"\nSkipped lines: {Number(report.SkippedLines)}\n"
        );
        foreach (var s in report.FirstSkipped)
        {
            sb.Append(CultureInfo.InvariantCulture, $"  {s.File}:{s.Line}: {s.Reason}\n");
        }
        if (report.Notes.Count > 0)
        {
            sb.Append("\nNotes:\n");
            foreach (var note in report.Notes)
            {
                sb.Append("  - ").Append(note).Append('\n');
            }
        }
        return sb.ToString();
    }

    internal static string Window(BaselineWindow w)
    {
        var span = BaselineTime.Format(w.From) is { } from
            ? $"{from} to {BaselineTime.Format(w.To)}"
            : "no timestamps";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{span}; {w.Lines} lines in {w.Files.Count} input{(w.Files.Count == 1 ? "" : "s")} ({w.FlowLines} DCF flow lines, {w.OtherLines} other, {w.NoDecisionLines} without a deciding rule, {w.UnaggregatedLines} past the flow cap)"
        );
    }

    internal static string Destination(FlowDestination d) =>
        d.Host is { } host ? $"{host} ({d.Ip})" : d.Ip;

    private static void Flows(
        StringBuilder sb,
        string title,
        IReadOnlyList<BaselineFlow> flows,
        bool withSuggestion
    )
    {
        sb.Append('\n').Append(title).Append(":\n");
        if (flows.Count == 0)
        {
            sb.Append("  none\n");
            return;
        }
        var table = new TextTable(
            "WORKLOAD",
            "DESTINATION",
            "PORT",
            "LINES",
            "FIRST SEEN",
            "LAST SEEN",
            "RULES"
        );
        foreach (var f in flows)
        {
            table.Add(
                f.Workload,
                Destination(f.Destination),
                Number(f.Destination.Port),
                Number(f.Count),
                BaselineTime.Format(f.FirstSeen) ?? "-",
                BaselineTime.Format(f.LastSeen) ?? "-",
                string.Join(", ", f.Rules)
            );
        }
        table.WriteTo(sb, "  ");
        if (!withSuggestion)
        {
            return;
        }
        sb.Append("\n  What would allow each, if it is legitimate:\n");
        foreach (var f in flows)
        {
            sb.Append(
                CultureInfo.InvariantCulture,
                $"  - {f.Workload} -> {Destination(f.Destination)}:{f.Destination.Port}: {f.Suggestion}\n"
            );
        }
    }

    private static string Number(long n) => n.ToString(CultureInfo.InvariantCulture);
}
