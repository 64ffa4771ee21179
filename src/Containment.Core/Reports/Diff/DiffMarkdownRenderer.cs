using System.Text;
using Containment.Core.Diagnostics;
using Containment.Core.Model;
using Containment.Core.Policy;

namespace Containment.Core.Reports;

/// <summary>
/// Renders an <see cref="EgressDiff"/> as a pull-request comment: a hidden marker (so CI can update one sticky
/// comment), the gate verdict first, then one section per WebGroup with <c>+</c>/<c>-</c> rows and the config
/// line that caused each added host, then rules, SmartGroups and new diagnostics.
/// </summary>
public static class DiffMarkdownRenderer
{
    /// <summary>The hidden comment sticky-comment actions search for.</summary>
    public const string Marker = "<!-- containment-diff -->";

    public static string Render(EgressDiff diff)
    {
        ArgumentNullException.ThrowIfNull(diff);
        if (diff.IsEmpty)
        {
            return $"No egress changes for stack {Markdown.Code(diff.StackTitle)}. {Marker}\n";
        }
        var md = new StringBuilder();
        md.Append(Marker).Append('\n');
        md.Append("### Containment egress diff for stack ")
            .Append(Markdown.Code(diff.StackTitle))
            .Append(": ")
            .Append(Markdown.Code(diff.BaseLabel))
            .Append(" → ")
            .Append(Markdown.Code(diff.HeadLabel))
            .Append("\n\n");
        Invalid(md, diff);
        Verdict(md, diff);
        Settings(md, diff);
        foreach (var group in diff.WebGroups)
        {
            WebGroup(md, group);
        }
        Rules(md, diff.Rules);
        SmartGroups(md, diff.SmartGroups);
        Diagnostics(md, diff.NewDiagnostics);
        // One trailing newline, however the last section ended.
        return md.ToString().TrimEnd('\n') + "\n";
    }

    private static void Invalid(StringBuilder md, EgressDiff diff)
    {
        if (diff.BaseInvalid)
        {
            md.Append("> [!CAUTION]\n> **The base is invalid** (")
                .Append(PolicyText.Count(diff.BaseErrorCount, "error"))
                .Append(
                    "): it produced no policy, so everything the head permits is listed as added.\n\n"
                );
        }
        if (diff.HeadInvalid)
        {
            md.Append("> [!CAUTION]\n> **The head is invalid** (")
                .Append(PolicyText.Count(diff.HeadErrorCount, "error"))
                .Append(
                    "): it produces no policy and cannot be deployed; see the diagnostics below.\n\n"
                );
        }
    }

    private static void Verdict(StringBuilder md, EgressDiff diff)
    {
        if (diff.HeadInvalid)
        {
            return;
        }
        if (!diff.HasNewEgress)
        {
            md.Append("No new egress: nothing is permitted that the base did not permit.\n\n");
            return;
        }
        md.Append(
            "> [!WARNING]\n> **New egress.** This change permits traffic the base did not:\n"
        );
        foreach (var item in diff.NewEgress)
        {
            md.Append("> - ").Append(Markdown.Text(item.Sentence));
            if (item.Sources.Count > 0)
            {
                md.Append(" (")
                    .Append(string.Join("; ", PolicyText.Sorted(item.Sources).Select(Source)))
                    .Append(')');
            }
            md.Append('\n');
        }
        md.Append('\n');
    }

    private static void Settings(StringBuilder md, EgressDiff diff)
    {
        var changes = diff.SettingChanges;
        if (changes.Count == 0)
        {
            return;
        }
        md.Append("#### Settings\n\n| Setting | Base | Head |\n|---|---|---|\n");
        foreach (var change in changes)
        {
            md.Append("| ")
                .Append(change.Name)
                .Append(" | ")
                .Append(Markdown.Code(change.From))
                .Append(" | **")
                .Append(Markdown.Code(change.To))
                .Append("** |\n");
        }
        md.Append('\n');
    }

    private static void WebGroup(StringBuilder md, WebGroupChange group)
    {
        md.Append("#### WebGroup ")
            .Append(Markdown.Code(group.Name))
            .Append(" (")
            .Append(Markdown.Text(group.Purpose))
            .Append(')');
        md.Append(
                group.Kind switch
                {
                    ChangeKind.Added => ": new",
                    ChangeKind.Removed => ": removed",
                    _ => "",
                }
            )
            .Append("\n\n");
        if (group.PermittedBy.Count == 0)
        {
            md.Append("No permit rule uses this group.\n\n");
        }
        else
        {
            var users = group.PermittedBy.Select(r =>
                $"{Markdown.Code(r.Name)} (priority {PolicyText.Number(r.Priority)}) for {string.Join(", ", r.Sources.Select(Markdown.Code))}"
            );
            md.Append(group.Kind == ChangeKind.Removed ? "Was permitted by " : "Permitted by ")
                .Append(string.Join("; ", users))
                .Append(".\n\n");
        }
        md.Append("| | Host | Ports | Source |\n|:-:|---|---|---|\n");
        foreach (var host in group.AddedHosts)
        {
            HostRow(md, '+', host.Host, group.PortsOf(host.Ports), host.Sources);
        }
        foreach (var host in group.RemovedHosts)
        {
            HostRow(md, '-', host.Host, group.PortsOf(host.Ports), host.Sources);
        }
        foreach (var host in group.ChangedHosts)
        {
            HostRow(
                md,
                '~',
                host.Host,
                $"{group.PortsOf(host.FromPorts)} → {group.PortsOf(host.ToPorts)}",
                host.Sources
            );
        }
        md.Append('\n');
    }

    private static void HostRow(
        StringBuilder md,
        char sign,
        string host,
        string ports,
        IReadOnlyList<Provenance> sources
    )
    {
        md.Append("| `")
            .Append(sign)
            .Append("` | ")
            .Append(Markdown.Code(host))
            .Append(" | ")
            .Append(ports)
            .Append(" | ")
            .Append(
                sources.Count == 0
                    ? ""
                    : string.Join("<br>", PolicyText.Sorted(sources).Select(Source))
            )
            .Append(" |\n");
    }

    private static string Source(Provenance provenance) =>
        provenance switch
        {
            ConfigProvenance c =>
                $"{Markdown.Code($"{c.File}:{PolicyText.Number(c.Line)}")} {Markdown.Code(c.Path)}",
            SettingProvenance { At.HasPosition: true } s =>
                $"{Markdown.Code($"{s.At.Value.File}:{PolicyText.Number(s.At.Value.Line)}")} setting {Markdown.Code(s.Setting)}{(s.Detail is { } d ? ": " + Markdown.Text(d) : "")}",
            _ => Markdown.Text(PolicyText.Source(provenance)),
        };

    private static void Rules(StringBuilder md, IReadOnlyList<RuleChange> rules)
    {
        if (rules.Count == 0)
        {
            return;
        }
        md.Append("#### Rules\n\n| | Rule | Priority | Change |\n|:-:|---|--:|---|\n");
        foreach (var rule in rules)
        {
            var sign = PolicyText.Sign(rule.Kind);
            var what =
                rule.Kind == ChangeKind.Changed
                    ? string.Join(
                        "<br>",
                        rule.Fields.Select(f =>
                            $"{f.Name}: {Markdown.Code(f.From)} → {Markdown.Code(f.To)}"
                        )
                    )
                    : Markdown.Text(PolicyText.RuleSummary(rule.Rule));
            md.Append("| `")
                .Append(sign)
                .Append("` | ")
                .Append(Markdown.Code(rule.Name))
                .Append(" | ")
                .Append(PolicyText.Number(rule.Rule.Priority))
                .Append(" | ")
                .Append(what)
                .Append(" |\n");
        }
        md.Append('\n');
    }

    private static void SmartGroups(StringBuilder md, IReadOnlyList<SmartGroupChange> groups)
    {
        if (groups.Count == 0)
        {
            return;
        }
        md.Append("#### SmartGroups\n\n| | SmartGroup | Selectors |\n|:-:|---|---|\n");
        foreach (var group in groups)
        {
            var sign = PolicyText.Sign(group.Kind);
            var lines = group
                .AddedSelectors.Select(s => $"+ {Markdown.Code(s)}")
                .Concat(group.RemovedSelectors.Select(s => $"- {Markdown.Code(s)}"))
                .Concat(
                    group.Role is { } role
                        ? [$"role: {Markdown.Code(role.From)} → {Markdown.Code(role.To)}"]
                        : []
                );
            md.Append("| `")
                .Append(sign)
                .Append("` | ")
                .Append(Markdown.Code(group.Name))
                .Append(" | ")
                .Append(string.Join("<br>", lines))
                .Append(" |\n");
        }
        md.Append('\n');
    }

    private static void Diagnostics(StringBuilder md, IReadOnlyList<Diagnostic> diagnostics)
    {
        if (diagnostics.Count == 0)
        {
            return;
        }
        md.Append("#### New diagnostics\n\n");
        foreach (var d in diagnostics)
        {
            md.Append("- **")
                .Append(Diagnostic.SeverityWord(d.Severity))
                .Append("** ")
                .Append(Markdown.Code(d.Code))
                .Append(" at ")
                .Append(Markdown.Code(d.Span.ToString()))
                .Append(": ")
                .Append(Markdown.Text(d.Message))
                .Append('\n');
        }
        md.Append('\n');
    }
}
