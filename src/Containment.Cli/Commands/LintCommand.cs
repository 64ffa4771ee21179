using System.CommandLine;
using Containment.Cli.Input;
using Containment.Cli.Output;
using Containment.Core.Diagnostics;
using Containment.Core.LibreChat;
using Containment.Core.Reports;

namespace Containment.Cli.Commands;

/// <summary><c>containment lint</c>: reads librechat.yaml as LibreChat would and reports diagnostics only.</summary>
internal static class LintCommand
{
    private const string Description =
        "Check a librechat.yaml the way LibreChat reads it and report diagnostics.\n"
        + "Exit codes: 0 usable (warnings allowed), 1 errors, 2 usage errors.\n\n"
        + "Example:\n"
        + "  containment lint --config infra/librechat.yaml --env-file .env --format json\n"
        + "  containment lint --config infra/librechat.yaml --format sarif > containment.sarif";

    private static string ToolVersion =>
        typeof(LintCommand).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    public static Command Create(CliContext context, CommonOptions common)
    {
        var format = new Option<string>("--format")
        {
            Description =
                "Output format: text (diagnostics on stderr), json or sarif (SARIF 2.1.0 for code scanning; both on stdout).",
            DefaultValueFactory = _ => "text",
            HelpName = "text|json|sarif",
        };
        format.AcceptOnlyFromAmong("text", "json", "sarif");
        var command = new Command("lint", Description);
        common.AddTo(command, withStack: true);
        command.Options.Add(format);
        command.SetAction(parse =>
            Run(context, common.ValuesFrom(parse), parse.GetValue(format) ?? "text")
        );
        return command;
    }

    /// <summary>Features the environment alone switches on (EnvFeatureTable): lint says so, since the file cannot show them.</summary>
    private static void ReportEnvOnlyFeatures(
        IReadOnlyDictionary<string, string> env,
        IReadOnlyList<string> secretEnv,
        string configPath,
        DiagnosticBag diagnostics
    )
    {
        bool IsPresent(string name) =>
            secretEnv.Contains(name, StringComparer.Ordinal)
            || env.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v);
        foreach (
            var (feature, trigger, hidden) in EnvFeatureTable.Enabled(
                IsPresent,
                env.GetValueOrDefault("ENDPOINTS"),
                env.GetValueOrDefault
            )
        )
        {
            var target =
                feature.ProxyVariable is { } proxy && IsPresent(proxy)
                    ? $"the host of {proxy}"
                    : feature.HostsText;
            // A hidden endpoint is CT2302's finding (the key enables nothing), not CT2303's (the feature is on).
            var at = DiagnosticBuilder.AtFile(configPath);
            diagnostics.Add(
                hidden
                    ? at.EnvFeatureHidden(trigger, feature.EndpointKey ?? feature.Id)
                    : at.EnvOnlyFeature(trigger, feature.Id, target)
            );
        }
    }

    private static int Run(CliContext context, CommonOptionValues options, string format)
    {
        var diagnostics = new DiagnosticBag();
        // The same pipeline as plan (settings, env file, reader, policy), so lint and plan report the same
        // diagnostics for the same input; lint prints them instead of the policy.
        // Without a stack, lint reads with the documented defaults and says only which config it read (as it always has).
        var withoutStack = options.Stack is null && options.Settings is null;
        var result = StackSelection.Run(
            withoutStack ? context with { Stderr = TextWriter.Null } : context,
            options,
            diagnostics
        );
        if (withoutStack && options.Config is null)
        {
            context.Stderr.Write(
                $"containment: warning: no --config given; using {CommonOptions.DefaultConfigPath}\n"
            );
        }
        var configPath = PolicyInputs.ConfigName(options, result);
        if (result is not null)
        {
            // result.Settings.Env is the stack's env with every --env-file applied (PolicyPipeline.EffectiveEnv).
            ReportEnvOnlyFeatures(
                result.Settings.Env,
                result.Settings.SecretEnv,
                configPath,
                diagnostics
            );
        }
        var sorted = diagnostics.Sorted();
        if (format == "json")
        {
            context.Stdout.Write(DiagnosticReport.Json(configPath, sorted));
        }
        else if (format == "sarif")
        {
            // Paths relative to the working directory: CI runs lint at the repository root, which is %SRCROOT%.
            context.Stdout.Write(
                SarifWriter.Write(sorted, ToolVersion, Environment.CurrentDirectory)
            );
        }
        else
        {
            DiagnosticReport.WriteText(context.Stderr, sorted);
        }
        // Every format ends with the verdict on stderr: a non-zero exit always says why, and names the files at fault.
        context.Stderr.Write(DiagnosticReport.Summary(configPath, sorted) + "\n");
        return diagnostics.HasErrors ? ExitCodes.ConfigErrors : ExitCodes.Success;
    }
}
