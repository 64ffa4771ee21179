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
                    DiagnosticBuilder.AtFile(settings.Source).HelmValuesPathEscapesProject(path)
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
    /// <c>--env-file</c> (they are what the chart deploys; a local .env is the more specific override). A store the values
    /// switch off leaves the chart-default data stores; a <c>cluster.dataStores</c> the stack wrote is its own word and kept.
    /// </summary>
    public static StackSettings Apply(
        StackSettings settings,
        HelmEnvironment helm,
        DiagnosticBag diagnostics
    )
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(helm);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var cluster = settings.Cluster;
        // Reference equality: the stack left cluster.dataStores unset, so the list is the chart's defaults.
        if (
            helm.DisabledStores.Count > 0
            && ReferenceEquals(cluster.DataStores, DataStoreSettings.HelmChartDefaults)
        )
        {
            foreach (var (store, at) in helm.DisabledStores)
            {
                diagnostics.Add(DiagnosticBuilder.At(at).ChartStoreDisabled(store));
            }
            var off = helm.DisabledStores.Select(d => d.Store).ToHashSet(StringComparer.Ordinal);
            cluster = cluster with
            {
                DataStores = [.. cluster.DataStores.Where(d => !off.Contains(d.Name))],
            };
        }
        return settings with
        {
            Env = PolicyPipeline.EffectiveEnv(settings.Env, helm.Env.Values),
            EnvOrigins = PolicyPipeline.EffectiveEnv(settings.EnvOrigins, helm.Env.Origins),
            SecretEnv = [.. settings.SecretEnv.Union(helm.SecretNames, StringComparer.Ordinal)],
            Cluster = cluster,
            ChartImages = helm.ImageRegistries,
        };
    }

    /// <summary>
    /// librechat.yaml from the values' <c>librechat.configYamlContent</c> when nothing names librechat.yaml: no
    /// <c>--config</c>, no <c>containment:librechatConfig</c> other than the default, and no file at the default path.
    /// The rule looks at the value, not at who set it, because Pulumi hands the compiler Pulumi.yaml's default as if the
    /// stack had set it, and plan and compile must read the same librechat.yaml. Null means: read the file as usual.
    /// </summary>
    /// <param name="commandLineConfig">The <c>--config</c> path, if given.</param>
    /// <param name="configPath">Where the stack's librechat.yaml would be read.</param>
    public static EmbeddedConfigYaml? ConfigFromValues(
        StackSettings settings,
        HelmEnvironment helm,
        string? commandLineConfig,
        string configPath,
        IFileSystem fs,
        DiagnosticBag diagnostics
    )
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(helm);
        ArgumentNullException.ThrowIfNull(fs);
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (helm.ConfigYaml is not { } embedded)
        {
            return null;
        }
        var at = new SourceSpan(embedded.File, Math.Max(1, embedded.FirstLine - 1), 1);
        if (embedded.ExistingConfigYaml is { } configMap)
        {
            diagnostics.Add(DiagnosticBuilder.At(at).ConfigYamlContentNotMounted(configMap));
            return null;
        }
        var explicitPath =
            commandLineConfig
            ?? (
                settings.LibreChatConfig != StackSettings.DefaultLibreChatConfig
                || fs.FileExists(configPath)
                    ? settings.LibreChatConfig
                    : null
            );
        if (explicitPath is not null)
        {
            diagnostics.Add(DiagnosticBuilder.At(at).ConfigYamlContentNotUsed(explicitPath));
            return null;
        }
        diagnostics.Add(DiagnosticBuilder.At(at).ConfigYamlFromValues());
        if (!embedded.Exact)
        {
            diagnostics.Add(DiagnosticBuilder.At(at).ConfigYamlContentPositions());
        }
        return embedded;
    }
}
