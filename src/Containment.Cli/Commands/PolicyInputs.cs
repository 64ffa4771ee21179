using Containment.Cli.Input;
using Containment.Core.Diagnostics;
using Containment.Core.LibreChat;
using Containment.Core.Policy;
using Containment.Core.Reports;
using Containment.Core.Settings;

namespace Containment.Cli.Commands;

/// <summary>
/// The read-build pipeline the review commands share: stack settings (<c>--stack</c> or <c>--settings</c>, else
/// documented defaults with a warning), the librechat.yaml they name, <c>--env-file</c> values, then the policy.
/// </summary>
internal static class PolicyInputs
{
    /// <summary>Pulumi's stack file for <paramref name="stack"/>, beside Pulumi.yaml in the working directory.</summary>
    public static string StackFile(string stack) => $"Pulumi.{stack}.yaml";

    /// <summary>Settings for a stack or a settings file; defaults (and a warning on stderr) when neither is given. Null after an error.</summary>
    public static StackSettings? LoadSettings(CliContext context, string? stack, string? settingsFile, DiagnosticBag diagnostics)
    {
        if (settingsFile is not null)
        {
            return StackSettingsLoader.LoadStackFile(context.FileSystem, settingsFile, stack ?? StackName(settingsFile), diagnostics);
        }
        if (stack is not null)
        {
            return StackSettingsLoader.LoadStackFile(context.FileSystem, StackFile(stack), stack, diagnostics);
        }
        context.Stderr.Write("containment: warning: no --stack or --settings given; documented defaults apply (stack dev, monitor mode).\n");
        return new StackSettings();
    }

    /// <summary>Reads the config and builds the policy; the snapshot keeps every diagnostic, even when no policy came out.</summary>
    public static PolicySnapshot Build(CliContext context, string label, string configPath, StackSettings settings, string? envFile)
    {
        var diagnostics = new DiagnosticBag();
        var env = new Dictionary<string, string>(settings.Env, StringComparer.Ordinal);
        if (envFile is not null && DotEnvFile.Load(envFile, context.FileSystem, diagnostics) is { } fromFile)
        {
            foreach (var (name, value) in fromFile)
            {
                env[name] = value;
            }
        }
        var config = LibreChatLoader.Load(configPath, context.FileSystem, env, settings.Mode, diagnostics);
        var model = config is null || diagnostics.HasErrors ? null : PolicyBuilder.Build(config, settings, diagnostics);
        return new PolicySnapshot(label, model, diagnostics.Sorted());
    }

    /// <summary><c>Pulumi.prod.yaml</c> names the stack <c>prod</c>; any other file name is used as it is.</summary>
    private static string StackName(string settingsFile)
    {
        var name = Path.GetFileName(settingsFile);
        return name.StartsWith("Pulumi.", StringComparison.Ordinal) && name.EndsWith(".yaml", StringComparison.Ordinal) && name.Length > 12
            ? name[7..^5]
            : Path.GetFileNameWithoutExtension(name);
    }
}
