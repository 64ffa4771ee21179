using System.Globalization;
using System.Text;
using Containment.Core.Diagnostics;
using Containment.Core.Policy;

namespace Containment.Core.Reports;

/// <summary><c>plan --format markdown</c>: the same content as text, as GitHub tables (for PR comments and docs).</summary>
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
            sb.Append("\n## Diagnostics\n\n| severity | code | where | message |\n|---|---|---|---|\n");
            foreach (var d in diagnostics)
            {
                sb.Append(CultureInfo.InvariantCulture, $"| {Diagnostic.SeverityWord(d.Severity)} | {d.Code} | {Cell(d.Span.ToString())} | {Cell(d.Message)} |\n");
            }
        }
        return sb.ToString();
    }

    private static void WriteModel(StringBuilder sb, PolicyModel m)
    {
        sb.Append(CultureInfo.InvariantCulture, $"# Containment plan: {m.Stack}\n\n");
        sb.Append(CultureInfo.InvariantCulture, $"Mode **{PolicyText.Word(m.Mode)}**, cloud {PolicyText.Word(m.CloudProvider)}, controller {PlanReport.Version(m.ControllerVersion)}, decryption {PolicyText.Word(m.Decryption)}, agentGuard {(m.AgentGuard ? "on" : "off")}. ");
        sb.Append(CultureInfo.InvariantCulture, $"Ruleset `{m.RulesetName}` attached to `{m.AttachmentPoint}`.\n\n");

        sb.Append("## Rules\n\n| priority | name | action | from | to | WebGroups | protocol | ports | watch | logging | decrypt |\n|---:|---|---|---|---|---|---|---|---|---|---|\n");
        foreach (var r in m.Rules.OrderBy(r => r.Priority))
        {
            sb.Append(CultureInfo.InvariantCulture, $"| {r.Priority} | `{r.Name}` | {PolicyText.Word(r.Action)} | {Cell(string.Join(", ", r.Sources))} | {Cell(string.Join(", ", r.Destinations))} | {Cell(r.WebGroups.Count == 0 ? "-" : string.Join(", ", r.WebGroups))} | {PolicyText.Word(r.Protocol)} | {PlanReport.Ports(r.Ports)} | {(r.Watch ? "yes" : "no")} | {(r.Logging ? "yes" : "no")} | {PolicyText.Word(r.Decrypt)} |\n");
        }

        sb.Append("\n## SmartGroups\n\n| name | type | cluster | namespace | labels |\n|---|---|---|---|---|\n");
        foreach (var g in m.SmartGroups.OrderBy(g => g.Name, StringComparer.Ordinal))
        {
            foreach (var s in g.Selectors)
            {
                var labels = s.Labels.Count == 0 ? "-" : string.Join(", ", s.Labels.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"`{p.Key}={p.Value}`"));
                sb.Append(CultureInfo.InvariantCulture, $"| `{g.Name}` | {s.Type} | {Cell(s.ClusterId ?? "(any)")} | {Cell(s.Namespace ?? "-")} | {Cell(labels)} |\n");
            }
        }

        sb.Append("\n## WebGroups\n");
        foreach (var g in m.WebGroups.OrderBy(g => g.Name, StringComparer.Ordinal))
        {
            sb.Append(CultureInfo.InvariantCulture, $"\n### `{g.Name}` ({g.Purpose})\n\n| host | ports | sources |\n|---|---|---|\n");
            foreach (var h in g.Hosts.OrderBy(h => h.Host, StringComparer.Ordinal))
            {
                var sources = string.Join("<br>", h.Sources.OrderBy(s => s.SortKey, StringComparer.Ordinal).Select(s => Cell(PlanReport.Describe(s))));
                sb.Append(CultureInfo.InvariantCulture, $"| `{h.Host}` | {string.Join(", ", h.Ports.Select(p => p.ToString(CultureInfo.InvariantCulture)))} | {sources} |\n");
            }
        }

        if (m.Lookups.Count > 0)
        {
            sb.Append("\n## Resolved at deploy time\n\n");
            foreach (var l in m.Lookups.OrderBy(l => l.Token, StringComparer.Ordinal))
            {
                sb.Append(CultureInfo.InvariantCulture, $"- `{l.Token}`: {Cell(l.Description)}\n");
            }
        }
    }

    private static string Cell(string s) => s.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
