using System.Text;
using Containment.Core.Diagnostics;

namespace Containment.Core.Reports;

/// <summary>
/// <c>diff --format text</c>: the same content as the Markdown comment as plain, ASCII-structured lines for logs
/// and redirected output (the CLI uses Spectre tables on a terminal instead).
/// </summary>
public static class DiffTextRenderer
{
    public const string EmptyLine = "No egress changes.";

    public static string Render(EgressDiff diff)
    {
        ArgumentNullException.ThrowIfNull(diff);
        if (diff.IsEmpty)
        {
            return EmptyLine + "\n";
        }
        var text = new StringBuilder();
        text.Append("Egress diff: ").Append(diff.BaseLabel).Append(" -> ").Append(diff.HeadLabel).Append('\n');
        if (diff.BaseInvalid)
        {
            text.Append("The base is invalid (").Append(PolicyText.Count(diff.BaseErrorCount, "error")).Append("): it produced no policy, so everything the head permits is listed as added.\n");
        }
        if (diff.HeadInvalid)
        {
            text.Append("The head is invalid (").Append(PolicyText.Count(diff.HeadErrorCount, "error")).Append("): it produces no policy and cannot be deployed.\n");
        }
        else if (diff.HasNewEgress)
        {
            text.Append("NEW EGRESS:\n");
            foreach (var reason in diff.NewEgress)
            {
                text.Append("  ! ").Append(reason).Append('\n');
            }
        }
        else
        {
            text.Append("No new egress.\n");
        }
        foreach (var change in diff.SettingChanges)
        {
            text.Append(change.Name).Append(": ").Append(change.From).Append(" -> ").Append(change.To).Append('\n');
        }
        foreach (var group in diff.WebGroups)
        {
            text.Append("\nWebGroup ").Append(group.Name).Append(" (").Append(group.Purpose).Append(')').Append(group.Kind switch
            {
                ChangeKind.Added => ", new",
                ChangeKind.Removed => ", removed",
                _ => "",
            });
            if (group.PermittedBy.Count > 0)
            {
                text.Append(group.Kind == ChangeKind.Removed ? "; was permitted by " : "; permitted by ")
                    .Append(string.Join(", ", group.PermittedBy.Select(r => $"{r.Name} ({PolicyText.Number(r.Priority)}) for {PolicyText.List(r.Sources)}")));
            }
            text.Append('\n');
            foreach (var host in group.AddedHosts)
            {
                HostLine(text, '+', host.Host, group.PortsOf(host.Ports), host.Sources);
            }
            foreach (var host in group.RemovedHosts)
            {
                HostLine(text, '-', host.Host, group.PortsOf(host.Ports), host.Sources);
            }
            foreach (var host in group.ChangedHosts)
            {
                HostLine(text, '~', host.Host, $"{group.PortsOf(host.FromPorts)} -> {group.PortsOf(host.ToPorts)}", host.Sources);
            }
        }
        if (diff.Rules.Count > 0)
        {
            text.Append("\nRules\n");
            foreach (var rule in diff.Rules)
            {
                var what = rule.Kind == ChangeKind.Changed
                    ? string.Join("; ", rule.Fields.Select(f => $"{f.Name} {f.From} -> {f.To}"))
                    : PolicyText.RuleSummary(rule.Rule);
                text.Append("  ").Append(PolicyText.Sign(rule.Kind)).Append(' ').Append(rule.Name).Append(" (").Append(PolicyText.Number(rule.Rule.Priority)).Append("): ").Append(what).Append('\n');
            }
        }
        if (diff.SmartGroups.Count > 0)
        {
            text.Append("\nSmartGroups\n");
            foreach (var group in diff.SmartGroups)
            {
                var parts = group.AddedSelectors.Select(s => "+ " + s).Concat(group.RemovedSelectors.Select(s => "- " + s))
                    .Concat(group.Role is { } role ? [$"role {role.From} -> {role.To}"] : []);
                text.Append("  ").Append(PolicyText.Sign(group.Kind)).Append(' ').Append(group.Name).Append(": ").Append(string.Join("; ", parts)).Append('\n');
            }
        }
        if (diff.NewDiagnostics.Count > 0)
        {
            text.Append("\nNew diagnostics\n");
            foreach (var d in diff.NewDiagnostics)
            {
                text.Append("  ").Append(d.Render()).Append('\n');
            }
        }
        return text.ToString();
    }

    private static void HostLine(StringBuilder text, char sign, string host, string ports, IReadOnlyList<Policy.Provenance> sources)
    {
        text.Append("  ").Append(sign).Append(' ').Append(host).Append("  ports ").Append(ports);
        foreach (var source in PolicyText.Sorted(sources))
        {
            text.Append("  ").Append(PolicyText.Source(source));
        }
        text.Append('\n');
    }
}
