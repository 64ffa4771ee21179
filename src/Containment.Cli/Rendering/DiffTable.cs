using Containment.Core.Model;
using Containment.Core.Policy;
using Containment.Core.Reports;
using Spectre.Console;

namespace Containment.Cli.Rendering;

/// <summary><c>diff</c> on a terminal: the verdict in colour, then one table per WebGroup and one for rules.</summary>
public static class DiffTable
{
    public static void Render(IAnsiConsole console, EgressDiff diff)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(diff);
        if (diff.IsEmpty)
        {
            console.MarkupLine("[green]" + Safe(DiffTextRenderer.Empty(diff)) + "[/]");
            return;
        }
        console.MarkupLine(
            $"[bold]Egress diff for stack {Safe(diff.StackTitle)}[/] {Safe(diff.BaseLabel)} -> {Safe(diff.HeadLabel)}"
        );
        if (diff.BaseInvalid)
        {
            console.MarkupLine(
                "[red]The base is invalid: it produced no policy, so everything the head permits is listed as added.[/]"
            );
        }
        if (diff.HeadInvalid)
        {
            console.MarkupLine(
                "[red]The head is invalid: it produces no policy and cannot be deployed.[/]"
            );
        }
        else if (diff.HasNewEgress)
        {
            console.MarkupLine("[yellow bold]New egress:[/]");
            foreach (var item in diff.NewEgress)
            {
                console.MarkupLine("  [yellow]![/] " + Safe(DiffTextRenderer.NewEgressText(item)));
            }
        }
        else
        {
            console.MarkupLine("[green]No new egress.[/]");
        }
        var settings = diff.SettingChanges;
        if (settings.Count > 0)
        {
            var table = NewTable("Setting", "Base", "Head");
            foreach (var change in settings)
            {
                table.AddRow(
                    Cell(change.Name),
                    Cell(change.From),
                    new Markup($"[bold]{Safe(change.To)}[/]")
                );
            }
            console.Write(table);
        }
        foreach (var group in diff.WebGroups)
        {
            var title =
                $"WebGroup {group.Name} ({group.Purpose})"
                + (
                    group.PermittedBy.Count > 0
                        ? $", permitted by {string.Join(", ", group.PermittedBy.Select(r => r.Name))}"
                        : ""
                );
            var table = NewTable("", "Host", "Ports", "Source");
            table.Title = new TableTitle(Safe(title));
            foreach (var host in group.AddedHosts)
            {
                table.AddRow(
                    Sign(ChangeKind.Added),
                    Cell(host.Host),
                    Cell(group.PortsOf(host.Ports)),
                    Sources(host.Sources)
                );
            }
            foreach (var host in group.RemovedHosts)
            {
                table.AddRow(
                    Sign(ChangeKind.Removed),
                    Cell(host.Host),
                    Cell(group.PortsOf(host.Ports)),
                    Sources(host.Sources)
                );
            }
            foreach (var host in group.ChangedHosts)
            {
                table.AddRow(
                    Sign(ChangeKind.Changed),
                    Cell(host.Host),
                    Cell($"{group.PortsOf(host.FromPorts)} -> {group.PortsOf(host.ToPorts)}"),
                    Sources(host.Sources)
                );
            }
            console.Write(table);
        }
        if (diff.Rules.Count > 0)
        {
            var table = NewTable("", "Rule", "Priority", "Change");
            foreach (var rule in diff.Rules)
            {
                var what =
                    rule.Kind == ChangeKind.Changed
                        ? string.Join(
                            "\n",
                            rule.Fields.Select(f => $"{f.Name}: {f.From} -> {f.To}")
                        )
                        : PolicyText.RuleSummary(rule.Rule);
                table.AddRow(
                    Sign(rule.Kind),
                    Cell(rule.Name),
                    Cell(PolicyText.Number(rule.Rule.Priority)),
                    Cell(what)
                );
            }
            console.Write(table);
        }
        foreach (var group in diff.SmartGroups)
        {
            var parts = group
                .AddedSelectors.Select(s => "+ " + s)
                .Concat(group.RemovedSelectors.Select(s => "- " + s));
            console.MarkupLine($"SmartGroup {Safe(group.Name)}: {Safe(string.Join("; ", parts))}");
        }
        foreach (var d in diff.NewDiagnostics)
        {
            var colour = d.Severity == Core.Diagnostics.Severity.Error ? "red" : "yellow";
            console.MarkupLine($"[{colour}]{Safe(d.Render())}[/]");
        }
    }

    internal static Table NewTable(params string[] columns)
    {
        var table = new Table { Border = TableBorder.Rounded };
        foreach (var column in columns)
        {
            table.AddColumn(new TableColumn(Safe(column)));
        }
        return table;
    }

    /// <summary>A value from the config, made inert twice: Spectre markup escaped, and control or bidi characters shown as
    /// escapes (a cell keeps only the line breaks the renderer put between values).</summary>
    internal static string Safe(string text) => TextEscape.Line(text).EscapeMarkup();

    internal static Markup Cell(string text) =>
        new(string.Join("\n", text.Split('\n').Select(Safe)));

    internal static Markup Sign(ChangeKind kind) =>
        kind switch
        {
            ChangeKind.Added => new Markup("[green]+[/]"),
            ChangeKind.Removed => new Markup("[red]-[/]"),
            _ => new Markup("[yellow]~[/]"),
        };

    internal static Markup Sources(IEnumerable<Provenance> sources) =>
        Cell(string.Join("\n", PolicyText.Sorted(sources).Select(PolicyText.Source)));
}
