using System.CommandLine;
using Containment.Cli.Input;
using Containment.Cli.Output;
using Containment.Cli.Rendering;
using Containment.Core.Diagnostics;
using Containment.Core.Reports;

namespace Containment.Cli.Commands;

/// <summary><c>containment plan</c>: the policy a stack gets, as a table, Markdown or the stable JSON of CLI.md.</summary>
internal static class PlanCommand
{
    private const string Description =
        "Derive the egress policy for a stack from librechat.yaml and print it.\n"
        + "Exit codes: 0 success (warnings allowed), 1 config, settings or policy errors, 2 usage errors.\n\n"
        + "Examples:\n"
        + "  containment plan --stack dev\n"
        + "  containment plan --stack prod --format json > plan.json\n"
        + "  containment plan --config infra/librechat.yaml --env-file .env --format markdown";

    public static Command Create(CliContext context, CommonOptions common)
    {
        var format = new Option<string>("--format")
        {
            Description =
                "text (a table for people), markdown (for a PR) or json (stable, for machines).",
            DefaultValueFactory = _ => "text",
            HelpName = "text|markdown|json",
        };
        format.AcceptOnlyFromAmong("text", "markdown", "json");
        var command = new Command("plan", Description);
        common.AddTo(command, withStack: true);
        command.Options.Add(format);
        command.SetAction(parse =>
            Run(context, common.ValuesFrom(parse), parse.GetValue(format) ?? "text")
        );
        return command;
    }

    private static int Run(CliContext context, CommonOptionValues options, string format)
    {
        var diagnostics = new DiagnosticBag();
        var result = StackSelection.Run(context, options, diagnostics);
        var sorted = diagnostics.Sorted();
        var planFormat = format switch
        {
            "json" => ReportFormat.Json,
            "markdown" => ReportFormat.Markdown,
            _ => ReportFormat.Text,
        };
        // Diagnostics go to stderr, where CI annotators read them, and are shown once: the text plan leaves its own
        // Diagnostics section out, Markdown (a document for a PR) keeps it. With JSON, stdout carries them for machines
        // and stderr repeats the errors, so an exit 1 always says why.
        DiagnosticReport.WriteText(
            context.Stderr,
            planFormat == ReportFormat.Json
                ? [.. sorted.Where(d => d.Severity == Severity.Error)]
                : sorted
        );
        if (planFormat == ReportFormat.Json)
        {
            context.Stdout.Write(PlanReport.Render(result?.Model, sorted, planFormat));
        }
        else if (result?.Model is { } model)
        {
            var style = OutputStyle.Decide(
                context.Environment,
                Terminal.IsTerminal(context.Stdout)
            );
            if (planFormat == ReportFormat.Text)
            {
                HumanOutput.WritePlan(
                    context.Stdout,
                    style,
                    model,
                    () => PlanReport.Render(model, [], planFormat)
                );
            }
            else
            {
                context.Stdout.Write(PlanReport.Render(model, sorted, planFormat));
            }
        }
        return diagnostics.HasErrors ? ExitCodes.ConfigErrors : ExitCodes.Success;
    }
}
