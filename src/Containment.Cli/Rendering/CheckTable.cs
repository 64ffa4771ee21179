using Containment.Core.Reports;
using Spectre.Console;

namespace Containment.Cli.Rendering;

/// <summary><c>check</c> on a terminal: a coloured verdict and a two-column table of why.</summary>
public static class CheckTable
{
    public static void Render(IAnsiConsole console, CheckResult result)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(result);
        var colour = result.Permitted ? "green" : "red";
        console.MarkupLine(
            $"[{colour} bold]{DiffTable.Safe(CheckReport.Verdict(result))}[/] {DiffTable.Safe(result.Host)}:{result.Port} from {Core.Reports.PolicyText.Word(result.From)}"
        );
        var table = DiffTable.NewTable("", "");
        table.ShowHeaders = false;
        table.AddRow(DiffTable.Cell("rule"), DiffTable.Cell(CheckReport.RuleText(result)));
        if (result.MatchedHost is { } matched)
        {
            table.AddRow(
                DiffTable.Cell("matched"),
                DiffTable.Cell($"{matched} in WebGroup {result.WebGroup}")
            );
        }
        if (result.Sources.Count > 0)
        {
            table.AddRow(DiffTable.Cell("source"), DiffTable.Sources(result.Sources));
        }
        foreach (var suggestion in result.Suggestions)
        {
            table.AddRow(
                new Markup("[yellow]did you mean[/]"),
                DiffTable.Cell(CheckReport.SuggestionText(suggestion))
            );
        }
        foreach (var note in result.Notes)
        {
            table.AddRow(DiffTable.Cell("note"), DiffTable.Cell(note));
        }
        console.Write(table);
    }
}
