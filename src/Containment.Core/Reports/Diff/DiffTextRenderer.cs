using System.Text;
using Containment.Core.Model;

namespace Containment.Core.Reports;

/// <summary>
/// <c>diff --format text</c>: the same content as the Markdown comment as plain, ASCII-structured lines for logs
/// and redirected output (the CLI uses Spectre tables on a terminal instead). Every line goes through
/// <see cref="TextEscape"/>: names and values from the config cannot start a line or move the cursor.
/// </summary>
public static class DiffTextRenderer
{
    public const string EmptyLine = "No egress changes.";

    /// <summary>The one-line answer for an empty diff, naming the stack so several stacks in one log stay apart.</summary>
    public static string Empty(EgressDiff diff)
    {
        ArgumentNullException.ThrowIfNull(diff);
        return $"{EmptyLine[..^1]} (stack {diff.StackTitle}).";
    }

    public static string Render(EgressDiff diff)
    {
        ArgumentNullException.ThrowIfNull(diff);
        var lines = new List<string>();
        if (diff.IsEmpty)
        {
            lines.Add(Empty(diff));
            return Finish(lines);
        }
        lines.Add($"Egress diff for stack {diff.StackTitle}: {diff.BaseLabel} -> {diff.HeadLabel}");
        if (diff.BaseInvalid)
        {
            lines.Add(
                $"The base is invalid ({PolicyText.Count(diff.BaseErrorCount, "error")}): it produced no policy, so everything the head permits is listed as added."
            );
        }
        if (diff.HeadInvalid)
        {
            lines.Add(
                $"The head is invalid ({PolicyText.Count(diff.HeadErrorCount, "error")}): it produces no policy and cannot be deployed."
            );
        }
        else if (diff.HasNewEgress)
        {
            lines.Add("NEW EGRESS:");
            lines.AddRange(diff.NewEgress.Select(item => "  ! " + NewEgressText(item)));
        }
        else
        {
            lines.Add("No new egress.");
        }
        lines.AddRange(
            diff.SettingChanges.Select(change => $"{change.Name}: {change.From} -> {change.To}")
        );
        foreach (var group in diff.WebGroups)
        {
            var kind = group.Kind switch
            {
                ChangeKind.Added => ", new",
                ChangeKind.Removed => ", removed",
                _ => "",
            };
            var users =
                group.PermittedBy.Count == 0
                    ? ""
                    : (group.Kind == ChangeKind.Removed ? "; was permitted by " : "; permitted by ")
                        + string.Join(
                            ", ",
                            group.PermittedBy.Select(r =>
                                $"{r.Name} ({PolicyText.Number(r.Priority)}) for {PolicyText.List(r.Sources)}"
                            )
                        );
            lines.Add("");
            lines.Add($"WebGroup {group.Name} ({group.Purpose}){kind}{users}");
            lines.AddRange(
                group.AddedHosts.Select(h =>
                    HostLine('+', h.Host, group.PortsOf(h.Ports), h.Sources)
                )
            );
            lines.AddRange(
                group.RemovedHosts.Select(h =>
                    HostLine('-', h.Host, group.PortsOf(h.Ports), h.Sources)
                )
            );
            lines.AddRange(
                group.ChangedHosts.Select(h =>
                    HostLine(
                        '~',
                        h.Host,
                        $"{group.PortsOf(h.FromPorts)} -> {group.PortsOf(h.ToPorts)}",
                        h.Sources
                    )
                )
            );
        }
        if (diff.Rules.Count > 0)
        {
            lines.Add("");
            lines.Add("Rules");
            foreach (var rule in diff.Rules)
            {
                var what =
                    rule.Kind == ChangeKind.Changed
                        ? string.Join("; ", rule.Fields.Select(f => $"{f.Name} {f.From} -> {f.To}"))
                        : PolicyText.RuleSummary(rule.Rule);
                lines.Add(
                    $"  {PolicyText.Sign(rule.Kind)} {rule.Name} ({PolicyText.Number(rule.Rule.Priority)}): {what}"
                );
            }
        }
        if (diff.SmartGroups.Count > 0)
        {
            lines.Add("");
            lines.Add("SmartGroups");
            foreach (var group in diff.SmartGroups)
            {
                var parts = group
                    .AddedSelectors.Select(s => "+ " + s)
                    .Concat(group.RemovedSelectors.Select(s => "- " + s))
                    .Concat(group.Role is { } role ? [$"role {role.From} -> {role.To}"] : []);
                lines.Add(
                    $"  {PolicyText.Sign(group.Kind)} {group.Name}: {string.Join("; ", parts)}"
                );
            }
        }
        if (diff.NewDiagnostics.Count > 0)
        {
            lines.Add("");
            lines.Add("New diagnostics");
            lines.AddRange(diff.NewDiagnostics.Select(d => "  " + d.Render()));
        }
        return Finish(lines);
    }

    /// <summary>A new-egress entry with the file and line (or catalogue, or setting) that caused it.</summary>
    public static string NewEgressText(NewEgressItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.Sources.Count == 0
            ? item.Sentence
            : $"{item.Sentence}  [{string.Join("; ", item.Sources.Select(PolicyText.Source))}]";
    }

    private static string HostLine(
        char sign,
        string host,
        string ports,
        IReadOnlyList<Provenance> sources
    ) =>
        $"  {sign} {host}  ports {ports}"
        + string.Concat(PolicyText.Sorted(sources).Select(s => "  " + PolicyText.Source(s)));

    private static string Finish(List<string> lines)
    {
        var writer = new LineWriter();
        lines.ForEach(writer.Line);
        return writer.ToString();
    }
}
