using System.CommandLine;
using Containment.Cli.Input;
using Containment.Cli.Output;
using Containment.Core.Diagnostics;
using Containment.Core.LibreChat;
using Containment.Core.Settings;

namespace Containment.Cli.Commands;

/// <summary><c>containment lint</c>: reads librechat.yaml as LibreChat would and reports diagnostics only.</summary>
internal static class LintCommand
{
    private const string Description =
        "Check a librechat.yaml the way LibreChat reads it and report diagnostics.\n"
        + "Exit codes: 0 usable (warnings allowed), 1 errors, 2 usage errors.\n\n"
        + "Example:\n"
        + "  containment lint --config infra/librechat.yaml --env-file .env --format json";

    public static Command Create(CliContext context, CommonOptions common)
    {
        var format = new Option<string>("--format")
        {
            Description =
                "Output format: text (diagnostics on stderr) or json (a document on stdout).",
            DefaultValueFactory = _ => "text",
            HelpName = "text|json",
        };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command("lint", Description);
        common.AddTo(command, withStack: false);
        command.Options.Add(format);
        command.SetAction(parse =>
            Run(
                context,
                parse.GetValue(common.Config),
                parse.GetValue(common.EnvFile),
                parse.GetValue(format) ?? "text"
            )
        );
        return command;
    }

    private static int Run(CliContext context, string? configPath, string? envFile, string format)
    {
        var diagnostics = new DiagnosticBag();
        if (configPath is null)
        {
            configPath = CommonOptions.DefaultConfigPath;
            context.Stderr.Write($"containment: warning: no --config given; using {configPath}\n");
        }
        IReadOnlyDictionary<string, string> env = new Dictionary<string, string>(
            StringComparer.Ordinal
        );
        if (envFile is not null)
        {
            env = DotEnvFile.Load(envFile, context.FileSystem, diagnostics) ?? env;
        }
        // Lint has no stack settings yet, so it reports unresolved URL variables as monitor mode does (warnings).
        _ = LibreChatLoader.Load(
            configPath,
            context.FileSystem,
            env,
            EnforcementMode.Monitor,
            diagnostics
        );
        var sorted = diagnostics.Sorted();
        if (format == "json")
        {
            context.Stdout.Write(DiagnosticReport.Json(configPath, sorted));
        }
        else
        {
            DiagnosticReport.WriteText(context.Stderr, sorted);
            context.Stderr.Write(DiagnosticReport.Summary(configPath, sorted) + "\n");
        }
        return diagnostics.HasErrors ? ExitCodes.ConfigErrors : ExitCodes.Success;
    }
}
