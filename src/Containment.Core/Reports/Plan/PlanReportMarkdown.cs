using System.Globalization;
using System.Text;
using Containment.Core.Diagnostics;
using Containment.Core.Model;
using Containment.Core.Policy;

namespace Containment.Core.Reports;

/// <summary><c>plan --format markdown</c>: the same content as text, as GitHub tables (for PR comments and docs). Every value
/// from the config goes through <see cref="Markdown"/> (code spans and escaped text), the one Markdown escaping helper.</summary>
internal static class PlanReportMarkdown
{
    public static string Render(PolicyModel? model, IReadOnlyList<Diagnostic> diagnostics)
    {
        var sb = new StringBuilder();
        if (model is null)
        {
            sb.Append("# Containment plan\n\nNo policy: fix the errors below.\n");
        }
        else
        {
            WriteModel(sb, model);
        }
        if (diagnostics.Count > 0)
        {
            sb.Append("\n## Diagnostics\n\n")
                .Append(Markdown.Header("severity", "code", "where", "message"));
            foreach (var d in diagnostics)
            {
                sb.Append(
                    Markdown.Row(
                        Diagnostic.SeverityWord(d.Severity),
                        d.Code,
                        Markdown.Code(d.Span.ToString()),
                        Markdown.Text(d.Message)
                    )
                );
            }
        }
        return sb.ToString();
    }

    private static void WriteModel(StringBuilder sb, PolicyModel m)
    {
        sb.Append(
            CultureInfo.InvariantCulture,
            $"# Containment plan: {Markdown.Text(m.Stack)}\n\n"
        );
        sb.Append(
            CultureInfo.InvariantCulture,
            $"Mode **{PolicyText.Word(m.Mode)}**, cloud {PolicyText.Word(m.CloudProvider)}, controller {PlanReport.Version(m.ControllerVersion)}, decryption {PolicyText.Word(m.Decryption)}, agentGuard {(m.AgentGuard ? "on" : "off")}. "
        );
        sb.Append(
            CultureInfo.InvariantCulture,
            $"Ruleset {Markdown.Code(m.RulesetName)} attached to {Markdown.Code(m.AttachmentPoint)}.\n\n"
        );

        sb.Append(
            "## Rules\n\n| priority | name | action | from | to | WebGroups | protocol | ports | watch | logging | decrypt |\n|---:|---|---|---|---|---|---|---|---|---|---|\n"
        );
        foreach (var r in m.Rules.OrderBy(r => r.Priority))
        {
            sb.Append(
                CultureInfo.InvariantCulture,
                $"| {r.Priority} | {Markdown.Code(r.Name)} | {PolicyText.Word(r.Action)} | {Markdown.Text(string.Join(", ", r.Sources))} | {Markdown.Text(string.Join(", ", r.Destinations))} | {Markdown.Text(r.WebGroups.Count == 0 ? "-" : string.Join(", ", r.WebGroups))} | {PolicyText.Word(r.Protocol)} | {PlanReport.Ports(r.Ports)} | {(r.Watch ? "yes" : "no")} | {(r.Logging ? "yes" : "no")} | {PolicyText.Word(r.Decrypt)} |\n"
            );
        }

        sb.Append(
            "\n## SmartGroups\n\n| name | type | cluster | namespace | labels |\n|---|---|---|---|---|\n"
        );
        foreach (var g in m.SmartGroups.OrderBy(g => g.Name, StringComparer.Ordinal))
        {
            foreach (var s in g.Selectors)
            {
                var labels =
                    s.Labels.Count == 0
                        ? "-"
                        : string.Join(
                            ", ",
                            s.Labels.OrderBy(p => p.Key, StringComparer.Ordinal)
                                .Select(p => Markdown.Code($"{p.Key}={p.Value}"))
                        );
                sb.Append(
                    Markdown.Row(
                        Markdown.Code(g.Name),
                        Markdown.Text(s.Type),
                        Markdown.Text(s.ClusterId ?? "(any)"),
                        Markdown.Text(s.Namespace ?? "-"),
                        labels
                    )
                );
            }
        }

        sb.Append("\n## WebGroups\n");
        foreach (var g in m.WebGroups.OrderBy(g => g.Name, StringComparer.Ordinal))
        {
            sb.Append(
                    CultureInfo.InvariantCulture,
                    $"\n### {Markdown.Code(g.Name)} ({Markdown.Text(g.Purpose)})\n\n"
                )
                .Append(Markdown.Header("host", "ports", "sources"));
            foreach (var h in g.Hosts.OrderBy(h => h.Host, StringComparer.Ordinal))
            {
                var sources = string.Join(
                    "<br>",
                    h.Sources.OrderBy(s => s.SortKey, StringComparer.Ordinal)
                        .Select(s => Markdown.Text(PlanReport.Describe(s)))
                );
                sb.Append(
                    Markdown.Row(
                        Markdown.Code(h.Host),
                        string.Join(
                            ", ",
                            h.Ports.Select(p => p.ToString(CultureInfo.InvariantCulture))
                        ),
                        sources
                    )
                );
            }
        }

        if (m.Lookups.Count > 0)
        {
            sb.Append("\n## Resolved at deploy time\n\n");
            foreach (var l in m.Lookups.OrderBy(l => l.Token, StringComparer.Ordinal))
            {
                sb.Append(
                    CultureInfo.InvariantCulture,
                    $"- {Markdown.Code(l.Token)}: {Markdown.Text(l.Description)}\n"
                );
            }
        }
    }
}
