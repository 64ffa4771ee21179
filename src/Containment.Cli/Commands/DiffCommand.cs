using System.CommandLine;
using Containment.Cli.Input;
using Containment.Cli.Output;
using Containment.Cli.Rendering;
using Containment.Core.Pipeline;
using Containment.Core.Reports;

namespace Containment.Cli.Commands;

/// <summary>
/// <c>containment diff</c>: the egress delta between a base and the head, for PR comments and gates. Every base
/// (a git revision, a file, a stack) is built by the same engine as the head: <see cref="PolicyInputs.Build"/>
/// over the same options, only the file system (a git tree) or one option (the config file, the stack) differs.
/// </summary>
internal static class DiffCommand
{
    private const string Description =
        "Show what a change does to egress: hosts added and removed per WebGroup (with the file and line behind each),\n"
        + "rule changes and new warnings. The base is every input as it was at a git revision (--base-ref), one base\n"
        + "librechat.yaml (--base) or another stack (--base-stack, for promotion).\n"
        + "Exit codes: 0 success, 1 head errors or --fail-on-new-egress fired, 2 usage errors.\n\n"
        + "Examples:\n"
        + "  containment diff --base-ref origin/main --stack dev --format markdown --fail-on-new-egress\n"
        + "  containment diff --base-stack dev --stack prod";

    /// <summary>How the head is labelled when the base is a git revision.</summary>
    public const string WorkTreeLabel = "work tree";

    public static Command Create(CliContext context, CommonOptions common)
    {
        var baseRef = new Option<string?>("--base-ref")
        {
            Description =
                "A git revision (origin/main): librechat.yaml, Pulumi.yaml, the stack files and env files as they were there.",
            HelpName = "REF",
        };
        var baseFile = new Option<string?>("--base")
        {
            Description = "The base librechat.yaml (built with the head's stack settings).",
            HelpName = "FILE",
        };
        var baseStack = new Option<string?>("--base-stack")
        {
            Description = "The base stack (its Pulumi.NAME.yaml and the config it names).",
            HelpName = "NAME",
        };
        var format = new Option<string>("--format")
        {
            Description = "text (tables on a terminal), markdown (PR comment) or json.",
            DefaultValueFactory = _ => "text",
            HelpName = "text|markdown|json",
        };
        format.AcceptOnlyFromAmong("text", "markdown", "json");
        var failOnNewEgress = new Option<bool>("--fail-on-new-egress")
        {
            Description = "Exit 1 when the head permits anything the base did not.",
        };
        var command = new Command("diff", Description);
        common.AddTo(command, withStack: true);
        command.Options.Add(baseRef);
        command.Options.Add(baseFile);
        command.Options.Add(baseStack);
        command.Options.Add(format);
        command.Options.Add(failOnNewEgress);
        command.SetAction(parse =>
            Run(
                context,
                new DiffArguments(
                    parse.GetValue(baseRef),
                    parse.GetValue(baseFile),
                    parse.GetValue(baseStack),
                    common.ValuesFrom(parse),
                    ReportFormats.Parse(parse.GetValue(format)) ?? ReportFormat.Text,
                    parse.GetValue(failOnNewEgress)
                )
            )
        );
        return command;
    }

    private sealed record DiffArguments(
        string? BaseRef,
        string? BaseFile,
        string? BaseStack,
        CommonOptionValues Head,
        ReportFormat Format,
        bool FailOnNewEgress
    );

    private static int Run(CliContext context, DiffArguments args)
    {
        if (new[] { args.BaseRef, args.BaseFile, args.BaseStack }.Count(b => b is not null) != 1)
        {
            context.Stderr.Write(
                "containment: diff needs exactly one of --base-ref REF, --base FILE or --base-stack NAME.\nTry 'containment diff --help' for usage.\n"
            );
            return ExitCodes.Usage;
        }
        PolicySnapshot @base;
        string? headLabel = null;
        // The base side reads the same options as the head; its warnings about them (no --stack given) would only repeat the head's.
        var quiet = context with
        {
            Stderr = TextWriter.Null,
        };
        if (args.BaseRef is { } revision)
        {
            var project = args.Head.Settings is { } settingsFile
                ? Path.GetDirectoryName(Path.GetFullPath(settingsFile)) ?? "."
                : ".";
            if (GitRevisionFileSystem.Open(project, revision, out var error) is not { } tree)
            {
                context.Stderr.Write(
                    $"containment: {error}.\nTry 'containment diff --help' for usage.\n"
                );
                return ExitCodes.Usage;
            }
            @base = PolicyInputs.Build(quiet with { FileSystem = tree }, revision, args.Head);
            headLabel = WorkTreeLabel;
        }
        else if (args.BaseStack is { } baseStack)
        {
            // With --settings FILE the base stack's file is the sibling Pulumi.NAME.yaml, as --stack would find it beside Pulumi.yaml.
            var sibling = args.Head.Settings is { } headFile
                ? Path.Combine(Path.GetDirectoryName(headFile) ?? "", $"Pulumi.{baseStack}.yaml")
                : null;
            @base = PolicyInputs.Build(
                quiet,
                $"stack {baseStack}",
                args.Head with
                {
                    Stack = baseStack,
                    Settings = sibling,
                }
            );
        }
        else
        {
            @base = PolicyInputs.Build(
                quiet,
                args.BaseFile!,
                args.Head with
                {
                    Config = args.BaseFile,
                }
            );
        }
        var head = PolicyInputs.Build(context, headLabel, args.Head);
        if (args.BaseStack is not null)
        {
            head = head with { Label = $"stack {head.Stack}" };
        }
        var diff = PolicyDiff.Compare(@base, head);
        DiffStderr.Write(context.Stderr, diff, @base, head);
        HumanOutput.WriteDiff(
            context.Stdout,
            OutputStyle.Decide(context.Environment, Terminal.IsTerminal(context.Stdout)),
            diff,
            args.Format
        );
        return DiffGate.ExitCode(diff, args.FailOnNewEgress);
    }
}
