using System.Globalization;
using System.Text;
using Containment.Core.Diagnostics;
using Containment.Core.Model;
using Containment.Core.Policy;

namespace Containment.Core.Reports;

/// <summary><c>plan --format text</c>: the rule table first (what will be enforced), then WebGroups with provenance, then diagnostics.</summary>
internal static class PlanReportText
{
    public static string Render(PolicyModel? model, IReadOnlyList<Diagnostic> diagnostics)
    {
        var sb = new StringBuilder();
        if (model is null)
        {
            sb.Append("No policy: fix the errors below.\n");
        }
        else
        {
            WriteModel(sb, model);
        }
        if (diagnostics.Count > 0)
        {
            sb.Append('\n').Append("Diagnostics\n");
            foreach (var d in diagnostics)
            {
                sb.Append("  ").Append(TextEscape.Line(d.Render())).Append('\n');
            }
        }
        return TextEscape.Document(sb.ToString());
    }

    private static void WriteModel(StringBuilder sb, PolicyModel m)
    {
        sb.Append(
            CultureInfo.InvariantCulture,
            $"Stack {TextEscape.Line(m.Stack)}: {PolicyText.Word(m.Mode)} mode, cloud {PolicyText.Word(m.CloudProvider)}, controller {PlanReport.Version(m.ControllerVersion)}, decryption {PolicyText.Word(m.Decryption)}, agentGuard {(m.AgentGuard ? "on" : "off")}\n"
        );
        sb.Append(
            CultureInfo.InvariantCulture,
            $"Ruleset {TextEscape.Line(m.RulesetName)} attached to {TextEscape.Line(m.AttachmentPoint)}\n\n"
        );

        sb.Append("Rules\n");
        var rules = new TextTable(
            "PRIORITY",
            "NAME",
            "ACTION",
            "FROM",
            "TO",
            "WEBGROUPS",
            "PROTOCOL",
            "PORTS",
            "WATCH",
            "LOGGING",
            "DECRYPT"
        );
        foreach (var r in m.Rules.OrderBy(r => r.Priority))
        {
            rules.Add(
                r.Priority.ToString(CultureInfo.InvariantCulture),
                r.Name,
                PolicyText.Word(r.Action),
                string.Join(",", r.Sources),
                string.Join(",", r.Destinations),
                r.WebGroups.Count == 0 ? "-" : string.Join(",", r.WebGroups),
                PolicyText.Word(r.Protocol),
                PlanReport.Ports(r.Ports),
                r.Watch ? "yes" : "no",
                r.Logging ? "yes" : "no",
                PolicyText.Word(r.Decrypt)
            );
        }
        rules.WriteTo(sb, "  ");

        sb.Append("\nSmartGroups\n");
        var groups = new TextTable("NAME", "TYPE", "CLUSTER", "NAMESPACE", "LABELS");
        foreach (var g in m.SmartGroups.OrderBy(g => g.Name, StringComparer.Ordinal))
        {
            foreach (var s in g.Selectors)
            {
                groups.Add(
                    g.Name,
                    s.Type,
                    s.ClusterId ?? "(any)",
                    s.Namespace ?? "-",
                    s.Labels.Count == 0
                        ? "-"
                        : string.Join(
                            ",",
                            s.Labels.OrderBy(p => p.Key, StringComparer.Ordinal)
                                .Select(p => $"{p.Key}={p.Value}")
                        )
                );
            }
        }
        groups.WriteTo(sb, "  ");

        foreach (var g in m.WebGroups.OrderBy(g => g.Name, StringComparer.Ordinal))
        {
            sb.Append(
                CultureInfo.InvariantCulture,
                $"\nWebGroup {TextEscape.Line(g.Name)} ({g.Purpose})\n"
            );
            var hosts = new TextTable("HOST", "PORTS", "SOURCE");
            foreach (var h in g.Hosts.OrderBy(h => h.Host, StringComparer.Ordinal))
            {
                var ports = string.Join(
                    ",",
                    h.Ports.Select(p => p.ToString(CultureInfo.InvariantCulture))
                );
                var first = true;
                foreach (var s in h.Sources.OrderBy(s => s.SortKey, StringComparer.Ordinal))
                {
                    hosts.Add(first ? h.Host : "", first ? ports : "", PlanReport.Describe(s));
                    first = false;
                }
            }
            hosts.WriteTo(sb, "  ");
        }

        if (m.Lookups.Count > 0)
        {
            sb.Append("\nResolved at deploy time\n");
            foreach (var l in m.Lookups.OrderBy(l => l.Token, StringComparer.Ordinal))
            {
                sb.Append(
                    CultureInfo.InvariantCulture,
                    $"  {TextEscape.Line(l.Token)}: {TextEscape.Line(l.Description)}\n"
                );
            }
        }
    }
}
