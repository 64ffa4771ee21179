using System.CommandLine;
using Containment.Cli.Input;
using Containment.Cli.Output;
using Containment.Core.Diagnostics;
using Containment.Core.Egress;
using Containment.Core.LibreChat;
using Containment.Core.Pipeline;
using Containment.Core.Reports;
using Containment.Core.Settings;

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

    private static string ToolVersion => typeof(LintCommand).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

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
    private static void ReportEnvOnlyFeatures(IReadOnlyDictionary<string, string> env, IReadOnlyList<string> secretEnv, string configPath, DiagnosticBag diagnostics)
    {
        bool IsPresent(string name) => secretEnv.Contains(name, StringComparer.Ordinal) || env.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v);
        foreach (var (feature, trigger, hidden) in EnvFeatureTable.Enabled(IsPresent, env.GetValueOrDefault("ENDPOINTS")))
        {
            var target = feature.ProxyVariable is { } proxy && IsPresent(proxy) ? $"the host of {proxy}" : string.Join(", ", feature.DefaultHosts);
            diagnostics.Add(
                DiagnosticCatalog.EnvOnlyFeature,
                SourceSpan.FileOnly(configPath),
                hidden ? $"{trigger} is set, but ENDPOINTS hides {feature.EndpointKey}" : $"{trigger} switches on {feature.Id}, which calls {target}"
            );
        }
    }

    private static int Run(CliContext context, CommonOptionValues options, string format)
    {
        var diagnostics = new DiagnosticBag();
        // With a stack, lint reads as that stack does: its env values and its mode (an unresolved URL
        // variable is a warning in monitor mode and an error in enforce mode). Without one, monitor mode.
        var projectRoot = "";
        var settings = options.Stack is null && options.Settings is null
            ? new StackSettings()
            : StackSelection.LoadSettings(context, options.Stack, options.Settings, diagnostics, out projectRoot);
        // A stack's librechatConfig is relative to its project root; diagnostics name it as written.
        var configPath = options.Config ?? settings?.LibreChatConfig ?? CommonOptions.DefaultConfigPath;
        var filePath = options.Config ?? Path.Combine(projectRoot, configPath);
        if (options.Config is null && settings?.Source == "defaults")
        {
            context.Stderr.Write($"containment: warning: no --config given; using {configPath}\n");
        }
        var fromFile = options.EnvFiles.Count == 0 ? null : DotEnvFile.LoadAll(options.EnvFiles, context.FileSystem, diagnostics)?.Values;
        if (settings is not null)
        {
            var env = PolicyPipeline.EffectiveEnv(settings.Env, fromFile);
            if (LibreChatLoader.Load(filePath, context.FileSystem, env, diagnostics, configPath, settings.SecretEnv) is { } config)
            {
                UnknownHosts.Report(config, settings.Mode, diagnostics);
            }
            ReportEnvOnlyFeatures(env, settings.SecretEnv, configPath, diagnostics);
        }
        var sorted = diagnostics.Sorted();
        if (format == "json")
        {
            context.Stdout.Write(DiagnosticReport.Json(configPath, sorted));
        }
        else if (format == "sarif")
        {
            // Paths relative to the working directory: CI runs lint at the repository root, which is %SRCROOT%.
            context.Stdout.Write(SarifWriter.Write(sorted, ToolVersion, Environment.CurrentDirectory));
            context.Stderr.Write(DiagnosticReport.Summary(configPath, sorted) + "\n");
        }
        else
        {
            DiagnosticReport.WriteText(context.Stderr, sorted);
            context.Stderr.Write(DiagnosticReport.Summary(configPath, sorted) + "\n");
        }
        return diagnostics.HasErrors ? ExitCodes.ConfigErrors : ExitCodes.Success;
    }
}
