using System.Globalization;
using System.Text;
using Containment.Core.Reports;

namespace Containment.Core.Baseline;

/// <summary><c>baseline --format markdown</c>: the comment on a promotion pull request (monitor to enforce), beside the egress diff.</summary>
public static class BaselineMarkdown
{
    public static string Write(BaselineReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sb = new StringBuilder();
        sb.Append(
            CultureInfo.InvariantCulture,
            $"## Containment baseline: {Markdown.Text(report.Stack)}\n\n"
        );
        sb.Append(
            CultureInfo.InvariantCulture,
            $"**{(report.Ready ? "Ready to enforce" : "Not ready to enforce")}**: {Markdown.Text(report.Verdict)}.\n\n"
        );
        sb.Append(
            CultureInfo.InvariantCulture,
            $"Window: {Markdown.Text(BaselineText.Window(report.Window))}.\n"
        );
        sb.Append("\n### Would be denied once enforced\n\n");
        if (report.WouldDeny.Count == 0)
        {
            sb.Append("None.\n");
        }
        else
        {
            sb.Append(
                "| Workload | Destination | Port | Lines | First seen | Last seen | Rules | What would allow it |\n"
            );
            sb.Append("|---|---|---:|---:|---|---|---|---|\n");
            foreach (var f in report.WouldDeny)
            {
                sb.Append(
                    CultureInfo.InvariantCulture,
                    $"| {Markdown.Code(f.Workload)} | {Markdown.Code(BaselineText.Destination(f.Destination))} | {f.Destination.Port} | {f.Count} | {BaselineTime.Format(f.FirstSeen) ?? "-"} | {BaselineTime.Format(f.LastSeen) ?? "-"} | {Rules(f.Rules)} | {Markdown.Text(f.Suggestion ?? "")} |\n"
                );
            }
        }
        sb.Append("\n### Denied already (enforced rules)\n\n");
        if (report.EnforcedDenies.Count == 0)
        {
            sb.Append("None.\n");
        }
        else
        {
            sb.Append(
                "| Workload | Destination | Port | Lines | Rules |\n|---|---|---:|---:|---|\n"
            );
            foreach (var f in report.EnforcedDenies)
            {
                sb.Append(
                    CultureInfo.InvariantCulture,
                    $"| {Markdown.Code(f.Workload)} | {Markdown.Code(BaselineText.Destination(f.Destination))} | {f.Destination.Port} | {f.Count} | {Rules(f.Rules)} |\n"
                );
            }
        }
        sb.Append("\n<details><summary>Permits per rule, skipped lines, notes</summary>\n\n");
        foreach (var p in report.Permits)
        {
            sb.Append(
                CultureInfo.InvariantCulture,
                $"- {Markdown.Code(p.Rule)}: {p.Count} lines\n"
            );
        }
        sb.Append(CultureInfo.InvariantCulture, $"- Skipped lines: {report.SkippedLines}");
        sb.Append(
            report.FirstSkipped.Count == 0
                ? "\n"
                : " (first: "
                    + string.Join(
                        ", ",
                        report.FirstSkipped.Select(s =>
                            Markdown.Code(
                                string.Create(CultureInfo.InvariantCulture, $"{s.File}:{s.Line}")
                            )
                            + " "
                            + Markdown.Text(s.Reason)
                        )
                    )
                    + ")\n"
        );
        foreach (var note in report.Notes)
        {
            sb.Append("- ").Append(Markdown.Text(note)).Append('\n');
        }
        sb.Append("\n</details>\n");
        return sb.ToString();
    }

    private static string Rules(IReadOnlyList<string> rules) =>
        string.Join(", ", rules.Select(Markdown.Code));
}
