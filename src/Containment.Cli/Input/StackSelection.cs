using Containment.Core.Diagnostics;
using Containment.Core.IO;
using Containment.Core.Pipeline;
using Containment.Core.Settings;

namespace Containment.Cli.Input;

/// <summary>
/// Turns the shared options (<c>--stack</c>, <c>--settings</c>, <c>--config</c>, <c>--env-file</c>) into stack
/// settings and a pipeline run. CLI.md: <c>--stack NAME</c> reads <c>Pulumi.NAME.yaml</c> beside <c>Pulumi.yaml</c>;
/// with neither a stack nor a settings file, documented defaults apply and a warning says so.
/// </summary>
internal static class StackSelection
{
    public static PipelineResult? Run(
        CliContext context,
        CommonOptionValues options,
        DiagnosticBag diagnostics
    )
    {
        var settings = LoadSettings(
            context,
            options.Stack,
            options.Settings,
            diagnostics,
            out var projectRoot
        );
        if (settings is null)
        {
            return null;
        }
        var helm = HelmInputs.Load(
            settings,
            projectRoot,
            options.HelmValuesFiles ?? [],
            context.FileSystem,
            diagnostics
        );
        if (helm is null)
        {
            return null;
        }
        settings = HelmInputs.Apply(settings, helm, diagnostics);
        EnvFileValues? envFile = null;
        if (options.EnvFiles.Count > 0)
        {
            envFile = DotEnvFile.LoadAll(options.EnvFiles, context.FileSystem, diagnostics);
            if (envFile is null)
            {
                return null;
            }
        }
        var (configPath, displayPath) = options.Config is not null
            ? (options.Config, options.Config)
            : (Path.Combine(projectRoot, settings.LibreChatConfig), settings.LibreChatConfig);
        var embedded = HelmInputs.ConfigFromValues(
            settings,
            helm,
            options.Config,
            configPath,
            context.FileSystem,
            diagnostics
        );
        return PolicyPipeline.Run(
            settings,
            configPath,
            displayPath,
            context.FileSystem,
            envFile?.Values,
            diagnostics,
            envFile?.Origins,
            embedded
        );
    }

    /// <summary>Settings from <c>--settings FILE</c>, else <c>--stack NAME</c>, else documented defaults (with a warning).
    /// <paramref name="projectRoot"/> is the folder that stack-relative paths (librechatConfig) start from.</summary>
    public static StackSettings? LoadSettings(
        CliContext context,
        string? stack,
        string? settingsFile,
        DiagnosticBag diagnostics,
        out string projectRoot
    )
    {
        projectRoot = "";
        if (settingsFile is not null)
        {
            projectRoot = Path.GetDirectoryName(settingsFile) ?? "";
            return StackSettingsLoader.LoadStackFile(
                context.FileSystem,
                settingsFile,
                stack ?? StackNameOf(settingsFile),
                diagnostics
            );
        }
        if (stack is not null)
        {
            var file = $"Pulumi.{stack}.yaml";
            projectRoot = FindProjectRoot(context.FileSystem, file);
            return StackSettingsLoader.LoadStackFile(
                context.FileSystem,
                Path.Combine(projectRoot, file),
                stack,
                diagnostics
            );
        }
        context.Stderr.Write(
            "containment: warning: no --stack or --settings given; using the documented defaults "
                + "(mode monitor, controller 8.2, namespace librechat, no cloud registry). Pass --stack dev to use Pulumi.dev.yaml.\n"
        );
        return new StackSettings { Stack = "default", Source = "defaults" };
    }

    /// <summary>The folder holding Pulumi.yaml: the current one, or the nearest parent that has the stack file.</summary>
    private static string FindProjectRoot(IFileSystem fs, string stackFile)
    {
        if (fs.FileExists(stackFile))
        {
            return "";
        }
        for (
            var dir = Directory.GetCurrentDirectory();
            dir is not null;
            dir = Path.GetDirectoryName(dir)
        )
        {
            if (
                fs.FileExists(Path.Combine(dir, "Pulumi.yaml"))
                && fs.FileExists(Path.Combine(dir, stackFile))
            )
            {
                return dir;
            }
        }
        return "";
    }

    /// <summary><c>Pulumi.prod.yaml</c> names the stack <c>prod</c>; any other file name is used as it is.</summary>
    private static string StackNameOf(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        return name.StartsWith("Pulumi.", StringComparison.Ordinal)
            ? name["Pulumi.".Length..]
            : name;
    }
}

/// <summary>The parsed values of <see cref="CommonOptions"/>.</summary>
internal sealed record CommonOptionValues(
    string? Config,
    string? Stack,
    string? Settings,
    IReadOnlyList<string> EnvFiles,
    IReadOnlyList<string>? HelmValuesFiles = null
);
