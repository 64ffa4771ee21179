using System.CommandLine;
using Containment.Core.Diagnostics;
using Containment.Core.IO;
using Containment.Core.Pipeline;
using Containment.Core.Settings;
using Containment.Core.Targets.Pulumi;
using Containment.Core.Targets.Pulumi.Checks;
using Containment.Core.Yaml;

namespace Containment.Cli.Commands;

/// <summary>
/// <c>containment compile</c>: the compiler Pulumi's YAML runtime runs (<c>runtime.options.compiler</c>).
/// Contract (shared/reference/pulumi-yaml-compiler.md): exactly one document on stdout and exit 0; on error
/// nothing on stdout, a concise message on stderr, exit 1. Without PULUMI_* variables (plugin discovery,
/// <c>pulumi about/install</c>) it prints the discovery program naming every package the real runs use.
/// </summary>
internal static class CompileCommand
{
    private const string Description =
        "Print the Pulumi program for the current stack (what `pulumi preview`/`up` run via Pulumi.yaml).\n"
        + "Reads PULUMI_STACK, PULUMI_CONFIG and PULUMI_ROOT_DIRECTORY; with none set it prints the\n"
        + "plugin-discovery program. Never prompts, never touches the network.\n\n"
        + "Example (what Pulumi does):\n"
        + "  PULUMI_STACK=dev PULUMI_CONFIG='{\"containment:cloudProvider\":\"aws\"}' containment compile";

    public static Command Create(CliContext context)
    {
        var command = new Command("compile", Description);
        command.SetAction(_ => Run(context));
        return command;
    }

    private static int Run(CliContext context)
    {
        var run = PulumiRunEnvironment.Read(context.Environment);
        if (run is null)
        {
            context.Stdout.Write(PulumiProgramWriter.Write(PulumiProgramBuilder.Discovery()));
            return ExitCodes.Success;
        }
        var diagnostics = new DiagnosticBag();
        var program = Compile(context, run, diagnostics);
        if (program is null || diagnostics.HasErrors)
        {
            // stderr is all the user sees of a failed compiler run, inside Pulumi's own error: errors only, one line each.
            foreach (var error in diagnostics.Sorted().Where(d => d.Severity == Severity.Error))
            {
                context.Stderr.Write(error.Render() + "\n");
            }
            return ExitCodes.ConfigErrors;
        }
        context.Stdout.Write(program);
        return ExitCodes.Success;
    }

    private static string? Compile(
        CliContext context,
        PulumiRunEnvironment run,
        DiagnosticBag diagnostics
    )
    {
        var stack = run.Stack.Length > 0 ? run.Stack : "default";
        var settings = StackSettingsLoader.ParsePulumiConfig(run.ConfigJson, stack, diagnostics);
        if (settings is null)
        {
            return null;
        }
        var root = run.RootDirectory ?? Directory.GetCurrentDirectory();
        // Pulumi runs the compiler in the project folder; containment:helmValues is read from there.
        var helm = HelmInputs.Load(settings, root, [], context.FileSystem, diagnostics);
        if (helm is null)
        {
            return null;
        }
        settings = HelmInputs.Apply(settings, helm, diagnostics);
        var configPath = ProjectPath.Resolve(root, settings.LibreChatConfig);
        if (configPath is null)
        {
            diagnostics.Add(
                DiagnosticBuilder
                    .AtFile(StackSettingsLoader.PulumiConfigSource)
                    .ConfigPathEscapesProject(settings.LibreChatConfig)
            );
            return null;
        }
        var result = PolicyPipeline.Run(
            settings,
            configPath,
            settings.LibreChatConfig,
            context.FileSystem,
            null,
            diagnostics,
            embeddedConfig: HelmInputs.ConfigFromValues(
                settings,
                helm,
                null,
                configPath,
                context.FileSystem,
                diagnostics
            )
        );
        if (result.Model is null)
        {
            return null;
        }
        var program = PulumiProgramBuilder.TryBuild(result.Model, diagnostics);
        if (program is null)
        {
            return null;
        }

        // Checked once more against the names this run really has: every PULUMI_CONFIG key and every key Pulumi.yaml declares.
        var text = PulumiProgramWriter.Write(program);
        var stackConfig = PulumiConfigKeys
            .FromPulumiConfigJson(run.ConfigJson, PulumiProgramBuilder.ProjectName)
            .Union(ProjectFileKeys(context, root));
        return PulumiProgramGate.Accept(
            text,
            stackConfig,
            diagnostics,
            SourceSpan.FileOnly(StackSettingsLoader.PulumiConfigSource)
        )
            ? text
            : null;
    }

    private static PulumiConfigKeys ProjectFileKeys(CliContext context, string root)
    {
        var path = Path.Combine(root, "Pulumi.yaml");
        var bytes = context.FileSystem.FileExists(path)
            ? BoundedFile.TryRead(
                context.FileSystem,
                path,
                "Pulumi.yaml",
                YamlLimits.Default.MaxFileBytes,
                what: null,
                new DiagnosticBag()
            )
            : null;
        return bytes is null
            ? PulumiConfigKeys.None
            : PulumiConfigKeys.FromProjectFile(
                System.Text.Encoding.UTF8.GetString(bytes),
                "Pulumi.yaml",
                PulumiProgramBuilder.ProjectName
            );
    }
}
