using Containment.Cli.Input;
using Containment.Core.Diagnostics;
using Containment.Core.Pipeline;
using Containment.Core.Reports;
using Containment.Core.Settings;

namespace Containment.Cli.Commands;

/// <summary>
/// The review commands (diff, check) compare policies built by the same pipeline every command runs
/// (<see cref="StackSelection"/>, <see cref="PolicyPipeline"/>); this only packages the result as a snapshot.
/// </summary>
internal static class PolicyInputs
{
    /// <summary>Settings for a stack or a settings file; defaults (and a warning on stderr) when neither is given. Null after an error.</summary>
    public static StackSettings? LoadSettings(CliContext context, string? stack, string? settingsFile, DiagnosticBag diagnostics) =>
        StackSelection.LoadSettings(context, stack, settingsFile, diagnostics, out _);

    /// <summary>Reads the config and builds the policy; the snapshot keeps every diagnostic, even when no policy came out.</summary>
    public static PolicySnapshot Build(CliContext context, string label, string configPath, StackSettings settings, IReadOnlyList<string> envFiles)
    {
        var diagnostics = new DiagnosticBag();
        IReadOnlyDictionary<string, string>? fromFile = null;
        if (envFiles.Count > 0)
        {
            fromFile = DotEnvFile.LoadAll(envFiles, context.FileSystem, diagnostics)?.Values;
            if (fromFile is null)
            {
                return new PolicySnapshot(label, null, diagnostics.Sorted());
            }
        }
        var result = PolicyPipeline.Run(settings, configPath, configPath, context.FileSystem, fromFile, diagnostics);
        return new PolicySnapshot(label, result.Model, diagnostics.Sorted());
    }
}
