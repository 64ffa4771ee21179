using Containment.Cli.Input;
using Containment.Core.Diagnostics;
using Containment.Core.Pipeline;
using Containment.Core.Reports;

namespace Containment.Cli.Commands;

/// <summary>
/// The review commands (diff, check) compare policies built by the same pipeline every command runs
/// (<see cref="StackSelection"/>, <see cref="PolicyPipeline"/>); this only packages the result as a snapshot.
/// </summary>
internal static class PolicyInputs
{
    /// <summary>Reads the settings, env file and config through <paramref name="context"/>'s file system (the work tree,
    /// or a git revision for a diff's base) and builds the policy; the snapshot keeps every diagnostic, even when no
    /// policy came out. A null <paramref name="label"/> names the side by its librechat.yaml.</summary>
    public static PolicySnapshot Build(
        CliContext context,
        string? label,
        CommonOptionValues options
    )
    {
        var diagnostics = new DiagnosticBag();
        var result = StackSelection.Run(context, options, diagnostics);
        var config = ConfigName(options, result);
        return new PolicySnapshot(label ?? config, result?.Model, diagnostics.Sorted())
        {
            Stack = result?.Settings.Stack ?? options.Stack,
        };
    }

    /// <summary>
    /// The name lint's verdict and the review labels give librechat.yaml: the file the pipeline read it from (the Helm
    /// values file for <c>configYamlContent</c>), else the path the options or stack name.
    /// </summary>
    public static string ConfigName(CommonOptionValues options, PipelineResult? result) =>
        result?.ConfigFile
        ?? options.Config
        ?? result?.Settings.LibreChatConfig
        ?? CommonOptions.DefaultConfigPath;
}
