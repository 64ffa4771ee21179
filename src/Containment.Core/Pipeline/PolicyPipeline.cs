using Containment.Core.Diagnostics;
using Containment.Core.Egress;
using Containment.Core.IO;
using Containment.Core.LibreChat;
using Containment.Core.Policy;
using Containment.Core.Settings;

namespace Containment.Core.Pipeline;

/// <summary>What one pass through the pipeline produced; <see cref="Model"/> is null when there were errors.</summary>
public sealed record PipelineResult(
    StackSettings Settings,
    LibreChatConfig? Config,
    PolicyModel? Model
)
{
    /// <summary>
    /// How librechat.yaml is named to the user: its path, or the Helm values file when it came from
    /// <c>librechat.configYamlContent</c>. Known even when the file could not be read.
    /// </summary>
    public string? ConfigFile { get; init; }
}

/// <summary>
/// The one pipeline every front end runs (plan, diff, check, emit, compile): librechat.yaml and the stack
/// settings in, the target-neutral policy out. Reading, validation and derivation report into one bag.
/// </summary>
public static class PolicyPipeline
{
    /// <param name="settings">The stack's settings (its <c>env</c> gives values for <c>${VAR}</c>).</param>
    /// <param name="configPath">Where librechat.yaml is on disk.</param>
    /// <param name="displayPath">How diagnostics and provenance name the file (relative to the project root).</param>
    /// <param name="envOverrides">Values from <c>--env-file</c>; they win over the stack's <c>env</c>.</param>
    /// <param name="envOrigins">Where each <c>--env-file</c> value was set (<c>.env:12</c>), for provenance.</param>
    /// <param name="embeddedConfig">librechat.yaml from the Helm values (<see cref="HelmInputs.ConfigFromValues"/>), read
    /// instead of <paramref name="configPath"/>.</param>
    public static PipelineResult Run(
        StackSettings settings,
        string configPath,
        string displayPath,
        IFileSystem fileSystem,
        IReadOnlyDictionary<string, string>? envOverrides,
        DiagnosticBag diagnostics,
        IReadOnlyDictionary<string, string>? envOrigins = null,
        EmbeddedConfigYaml? embeddedConfig = null
    )
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var effective = envOverrides is { Count: > 0 }
            ? settings with
            {
                Env = EffectiveEnv(settings.Env, envOverrides),
            }
            : settings;
        if (envOrigins is { Count: > 0 })
        {
            effective = effective with
            {
                EnvOrigins = EffectiveEnv(effective.EnvOrigins, envOrigins),
            };
        }
        var read = new DiagnosticBag();
        var config = embeddedConfig is null
            ? LibreChatLoader.Load(
                configPath,
                fileSystem,
                effective.Env,
                read,
                displayPath,
                effective.SecretEnv
            )
            : LoadEmbedded(embeddedConfig, effective, read);
        var policy = new DiagnosticBag();
        var stoppedBeforePolicy = diagnostics.HasErrors || read.HasErrors;
        var model =
            config is null || stoppedBeforePolicy
                ? null
                : PolicyBuilder.Build(config, effective, policy);
        if (config is not null && stoppedBeforePolicy)
        {
            // The egress builder reports unresolved hosts first; when reading errors stop the pipeline before it,
            // they are still reported, so lint and plan say the same thing about the same file.
            UnknownHosts.Report(config, effective.Mode, policy);
        }
        diagnostics.AddRange(OneReportPerHost(read.Items, policy.Items));
        diagnostics.AddRange(policy.Items);
        return new PipelineResult(effective, config, model)
        {
            ConfigFile = embeddedConfig?.File ?? displayPath,
        };
    }

    private static LibreChatConfig? LoadEmbedded(
        EmbeddedConfigYaml embedded,
        StackSettings settings,
        DiagnosticBag read
    )
    {
        var root = Yaml.YamlLoader.LoadText(embedded.PositionedText(), embedded.File, read);
        return root is null
            ? null
            : LibreChatLoader.ValidateAndRead(
                root,
                embedded.File,
                settings.Env,
                read,
                settings.SecretEnv
            );
    }

    /// <summary>
    /// The reader flags a URL whose host is local, private or in-cluster (CT2009) and the egress builder classifies the
    /// same host where it keeps it out of every WebGroup (CT3009, or CT3010 for a public IP). One fact, one report: when
    /// the policy stage spoke about the same place, the reader's restatement is dropped (lint and plan then agree too).
    /// </summary>
    private static IEnumerable<Diagnostic> OneReportPerHost(
        IReadOnlyList<Diagnostic> read,
        IReadOnlyList<Diagnostic> policy
    )
    {
        var classified = policy
            .Where(d =>
                d.Descriptor == DiagnosticCatalog.InClusterDestination
                || d.Descriptor == DiagnosticCatalog.PublicIpDestination
            )
            .Select(d => d.Span.Start)
            .ToHashSet();
        // Compared by start only: the reader's span also knows the value's end, the policy stage's does not.
        return read.Where(d =>
            d.Descriptor != DiagnosticCatalog.NonInternetUrl || !classified.Contains(d.Span.Start)
        );
    }

    /// <summary>The values <c>${VAR}</c> resolves from: the stack's <c>env</c>, overridden by <c>--env-file</c>.</summary>
    public static IReadOnlyDictionary<string, string> EffectiveEnv(
        IReadOnlyDictionary<string, string> stackEnv,
        IReadOnlyDictionary<string, string>? overrides
    )
    {
        ArgumentNullException.ThrowIfNull(stackEnv);
        if (overrides is not { Count: > 0 })
        {
            return stackEnv;
        }
        var merged = new Dictionary<string, string>(stackEnv, StringComparer.Ordinal);
        foreach (var (name, value) in overrides)
        {
            merged[name] = value;
        }
        return merged;
    }
}
