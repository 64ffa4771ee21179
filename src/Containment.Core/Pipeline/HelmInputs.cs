using Containment.Core.Diagnostics;
using Containment.Core.IO;
using Containment.Core.Settings;

namespace Containment.Core.Pipeline;

/// <summary>
/// The LibreChat chart's values files a run reads, in <c>helm -f</c> order: the stack's <c>containment:helmValues</c>
/// (relative to the project folder, confined to it as <c>librechatConfig</c> is), then <c>--helm-values</c>. Every
/// front end (plan, lint, diff, check, emit, compile) goes through here, so all of them read the same values.
/// </summary>
public static class HelmInputs
{
    /// <summary>
    /// The merged values, an empty environment when there are no files, or null when a file could not be read or a stack
    /// path leaves the project folder (reported).
    /// </summary>
    /// <param name="projectRoot">The folder holding Pulumi.yaml ("" for the current directory).</param>
    /// <param name="commandLineFiles">--helm-values files, read as given; they win over the stack's files.</param>
    public static HelmEnvironment? Load(
        StackSettings settings,
        string projectRoot,
        IReadOnlyList<string> commandLineFiles,
        IFileSystem fs,
        DiagnosticBag diagnostics
    )
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(projectRoot);
        ArgumentNullException.ThrowIfNull(commandLineFiles);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var files = new List<(string Path, string Display)>();
        foreach (var path in settings.HelmValues)
        {
            // Checked lexically, as CompileCommand checks librechatConfig; read at the root-relative path so a git
            // revision's file system (diff --base-ref) finds it too.
            if (ProjectPath.Resolve(projectRoot.Length == 0 ? "." : projectRoot, path) is null)
            {
                diagnostics.Add(
                    DiagnosticCatalog.HelmValuesPathEscapesProject,
                    SourceSpan.FileOnly(settings.Source),
                    $"containment:helmValues entry '{path}' points outside the project folder; give a path inside the folder that holds Pulumi.yaml."
                );
                return null;
            }
            files.Add((Path.Combine(projectRoot, path), path));
        }
        files.AddRange(commandLineFiles.Select(f => (f, f)));
        return files.Count == 0 ? HelmEnvironment.None : HelmValues.LoadAll(files, fs, diagnostics);
    }

    /// <summary>
    /// The settings with the chart's environment applied: Helm values sit between the stack's <c>env</c> and
    /// <c>--env-file</c> (they are what the chart deploys; a local .env is the more specific override).
    /// </summary>
    public static StackSettings Apply(StackSettings settings, HelmEnvironment helm)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(helm);
        return settings with
        {
            Env = PolicyPipeline.EffectiveEnv(settings.Env, helm.Env.Values),
            EnvOrigins = PolicyPipeline.EffectiveEnv(settings.EnvOrigins, helm.Env.Origins),
            SecretEnv = [.. settings.SecretEnv.Union(helm.SecretNames, StringComparer.Ordinal)],
        };
    }
}
