using Containment.Core.Model;
using Containment.Core.Policy;
using Containment.Core.Reports;
using Spectre.Console;

namespace Containment.Cli.Rendering;

/// <summary><c>plan</c> on a terminal: the stack's settings, the ordered rules, then each WebGroup's hosts with their sources.</summary>
public static class PlanTable
{
    public static void Render(IAnsiConsole console, PolicyModel model)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(model);
        console.MarkupLine(
            $"[bold]Stack {DiffTable.Safe(model.Stack)}[/]: mode {PolicyText.Word(model.Mode)}, cloud {PolicyText.Word(model.CloudProvider)}, "
                + $"controller {model.ControllerVersion}, decryption {PolicyText.Word(model.Decryption)}, ruleset {DiffTable.Safe(model.RulesetName)}"
        );
        var rules = DiffTable.NewTable(
            "Priority",
            "Rule",
            "Action",
            "From",
            "To",
            "Ports",
            "Watch"
        );
        foreach (var rule in model.Rules.OrderBy(r => r.Priority))
        {
            var action = rule.Action == RuleAction.Permit ? "[green]PERMIT[/]" : "[red]DENY[/]";
            var to =
                rule.WebGroups.Count > 0
                    ? PolicyText.List(rule.WebGroups)
                    : PolicyText.List(rule.Destinations);
            rules.AddRow(
                DiffTable.Cell(PolicyText.Number(rule.Priority)),
                DiffTable.Cell(rule.Name),
                new Markup(action),
                DiffTable.Cell(PolicyText.List(rule.Sources)),
                DiffTable.Cell(to),
                DiffTable.Cell($"{PolicyText.Word(rule.Protocol)} {PolicyText.Ports(rule.Ports)}"),
                DiffTable.Cell(PolicyText.Word(rule.Watch))
            );
        }
        console.Write(rules);
        foreach (var group in model.WebGroups)
        {
            var hosts = DiffTable.NewTable("Host", "Source");
            hosts.Title = new TableTitle(
                DiffTable.Safe($"WebGroup {group.Name} ({group.Purpose})")
            );
            foreach (var host in group.Hosts)
            {
                hosts.AddRow(DiffTable.Cell(host.Host), DiffTable.Sources(host.Sources));
            }
            console.Write(hosts);
        }
    }
}
