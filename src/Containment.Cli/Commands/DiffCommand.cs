using System.CommandLine;
using Containment.Cli.Output;
using Containment.Cli.Rendering;
using Containment.Core.Diagnostics;
using Containment.Core.Reports;

namespace Containment.Cli.Commands;

/// <summary><c>containment diff</c>: the egress delta between a base (a file or a stack) and the head, for PR comments and gates.</summary>
internal static class DiffCommand
{
    private const string Description =
        "Show what a change does to egress: hosts added and removed per WebGroup (with the config line behind each),\n"
        + "rule changes and new warnings. Compare a base librechat.yaml (e.g. from the PR's base commit) or a base stack.\n"
        + "Exit codes: 0 success, 1 head errors or --fail-on-new-egress fired, 2 usage errors.\n\n"
        + "Examples:\n"
        + "  git show origin/main:infra/librechat.yaml > /tmp/base.yaml\n"
        + "  containment diff --base /tmp/base.yaml --stack dev --format markdown --fail-on-new-egress\n"
        + "  containment diff --base-stack dev --stack prod";

    public static Command Create(CliContext context, CommonOptions common)
    {
        var baseFile = new Option<string?>("--base") { Description = "The base librechat.yaml (built with the head's stack settings).", HelpName = "FILE" };
        var baseStack = new Option<string?>("--base-stack") { Description = "The base stack (its Pulumi.NAME.yaml and the config it names).", HelpName = "NAME" };
        var format = new Option<string>("--format")
        {
            Description = "text (tables on a terminal), markdown (PR comment) or json.",
            DefaultValueFactory = _ => "text",
            HelpName = "text|markdown|json",
        };
        format.AcceptOnlyFromAmong("text", "markdown", "json");
        var failOnNewEgress = new Option<bool>("--fail-on-new-egress") { Description = "Exit 1 when the head permits anything the base did not." };
        var command = new Command("diff", Description);
        common.AddTo(command, withStack: true);
        command.Options.Add(baseFile);
        command.Options.Add(baseStack);
        command.Options.Add(format);
        command.Options.Add(failOnNewEgress);
        command.SetAction(parse => Run(
            context,
            new DiffArguments(
                parse.GetValue(baseFile),
                parse.GetValue(baseStack),
                parse.GetValue(common.Stack),
                parse.GetValue(common.Settings),
                parse.GetValue(common.Config),
                parse.GetValue(common.EnvFile) ?? [],
                ReportFormats.Parse(parse.GetValue(format)) ?? ReportFormat.Text,
                parse.GetValue(failOnNewEgress))));
        return command;
    }

    private sealed record DiffArguments(string? BaseFile, string? BaseStack, string? Stack, string? Settings, string? Config, IReadOnlyList<string> EnvFiles, ReportFormat Format, bool FailOnNewEgress);

    private static int Run(CliContext context, DiffArguments args)
    {
        if ((args.BaseFile is null) == (args.BaseStack is null))
        {
            context.Stderr.Write("containment: diff needs exactly one of --base FILE or --base-stack NAME.\nTry 'containment diff --help' for usage.\n");
            return ExitCodes.Usage;
        }
        var settingsDiagnostics = new DiagnosticBag();
        var headSettings = PolicyInputs.LoadSettings(context, args.Stack, args.Settings, settingsDiagnostics);
        var baseSettings = args.BaseStack is { } baseStack
            ? PolicyInputs.LoadSettings(context, baseStack, null, settingsDiagnostics)
            : headSettings;
        if (headSettings is null || baseSettings is null)
        {
            DiagnosticReport.WriteText(context.Stderr, settingsDiagnostics.Sorted());
            return ExitCodes.ConfigErrors;
        }
        var headConfig = args.Config ?? headSettings.LibreChatConfig;
        var head = PolicyInputs.Build(context, args.BaseStack is null ? headConfig : $"stack {headSettings.Stack}", headConfig, headSettings, args.EnvFiles);
        var baseConfig = args.BaseFile ?? args.Config ?? baseSettings.LibreChatConfig;
        var @base = PolicyInputs.Build(context, args.BaseFile ?? $"stack {baseSettings.Stack}", baseConfig, baseSettings, args.EnvFiles);
        head = head with { Diagnostics = [.. settingsDiagnostics.Items, .. head.Diagnostics] };
        var diff = PolicyDiff.Compare(@base, head);
        DiagnosticReport.WriteText(context.Stderr, head.Diagnostics);
        if (@base.IsInvalid)
        {
            context.Stderr.Write($"containment: warning: the base {@base.Label} is invalid ({@base.ErrorCount} errors); everything the head permits is reported as added.\n");
        }
        HumanOutput.WriteDiff(context.Stdout, OutputStyle.Decide(context.Environment, Terminal.IsTerminal(context.Stdout)), diff, args.Format);
        return DiffGate.ExitCode(diff, args.FailOnNewEgress);
    }
}
