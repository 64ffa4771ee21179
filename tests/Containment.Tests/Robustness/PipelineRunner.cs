using Containment.Core.Diagnostics;
using Containment.Core.LibreChat;
using Containment.Core.Model;
using Containment.Core.Pipeline;
using Containment.Core.Policy;
using Containment.Core.Reports;
using Containment.Core.Settings;
using Containment.Core.Targets;
using Containment.Core.Targets.Pulumi;
using Containment.Core.Yaml;
using Containment.Tests.Infrastructure.Models;

namespace Containment.Tests.Robustness;

/// <summary>
/// Runs every stage of the pipeline on raw librechat.yaml bytes and collects everything the tool could print:
/// diagnostics, every target's files, the Pulumi program, plan and diff reports in every format, SARIF and
/// policy checks (the evaluator behind <c>check</c>).
/// Used by the fuzz, hostile-input, secrets and determinism tests.
/// </summary>
/// <remarks>
/// The CLI stops at the first stage with errors. Here each stage gets a fresh diagnostic bag, so the policy
/// builder and the writers also run on whatever model a damaged file still yields: a crash there would
/// otherwise hide behind an earlier error.
/// </remarks>
public static class PipelineRunner
{
    public const string FileName = "librechat.yaml";

    public sealed record Outputs(
        IReadOnlyList<Diagnostic> Diagnostics,
        IReadOnlyList<string> Texts,
        LibreChatConfig? Config,
        PolicyModel? Model
    )
    {
        /// <summary>Every text the run produced, diagnostics rendered the way the CLI prints them.</summary>
        public IEnumerable<string> AllText => Texts.Concat(Diagnostics.Select(d => d.Render()));
    }

    /// <summary>Values for the <c>${VAR}</c> names the grammar uses in URL fields (others stay unresolved on purpose).</summary>
    private static readonly Dictionary<string, string> Env = new(StringComparer.Ordinal)
    {
        ["BASE_URL"] = "https://gateway.example.com/v1",
        ["HOST"] = "api.example.com",
        ["SEARXNG_URL"] = "https://searx.example.org",
        ["FIRECRAWL_URL"] = "https://firecrawl.example.org",
    };

    /// <summary>Stack settings that pass validation, so the policy and the targets are reached; three clouds and both modes.</summary>
    public static IReadOnlyList<StackSettings> SettingsVariants { get; } =
    [
        new StackSettings
        {
            Stack = "dev",
            Source = "Pulumi.dev.yaml",
            CloudProvider = CloudProvider.Aws,
            Cluster = new ClusterSettings
            {
                Id = "arn:aws:eks:eu-west-1:111122223333:cluster/librechat-dev",
            },
            Registry = new RegistrySettings { AwsRegion = "eu-west-1" },
            Env = Env,
        },
        new StackSettings
        {
            Stack = "prod",
            Source = "Pulumi.prod.yaml",
            CloudProvider = CloudProvider.Azure,
            Mode = EnforcementMode.Enforce,
            ControllerVersion = new Version(9, 0),
            Decryption = DecryptionMode.Permits,
            Cluster = new ClusterSettings
            {
                Id =
                    "/subscriptions/00000000-0000-0000-0000-000000000000/resourcegroups/rg/providers/microsoft.containerservice/managedclusters/aks",
            },
            Registry = new RegistrySettings { AzureRegistryName = "containmentacr" },
            Env = Env,
        },
        new StackSettings
        {
            Stack = "gcp",
            Source = "Pulumi.gcp.yaml",
            CloudProvider = CloudProvider.Gcp,
            Cluster = new ClusterSettings { Id = "gke-cluster-1" },
            Registry = new RegistrySettings { GcpLocation = "europe-west1" },
            Env = Env,
        },
    ];

    /// <summary>The policy evaluator (behind <c>check</c>) gets a few hosts of the model plus ones it cannot know.</summary>
    private static IEnumerable<string> ProbeHosts(PolicyModel model) =>
        model
            .WebGroups.SelectMany(g => g.Hosts)
            .Select(h => h.Host)
            .Take(5)
            .Concat([
                "api.openai.com",
                "evil.example",
                "",
                "*",
                "xn--",
                "https://u:p@api.openai.com:8443/x",
            ]);

    private static readonly PolicyModel EmptyBase = SampleParts.EmptyPolicy(
        "base",
        EnforcementMode.Monitor,
        CloudProvider.Aws,
        new Version(8, 2)
    );

    public static Outputs Run(
        byte[] bytes,
        StackSettings? settings = null,
        YamlLimits? limits = null
    )
    {
        settings ??= SettingsVariants[0];
        var all = new List<Diagnostic>();
        var texts = new List<string>();

        var loadBag = new DiagnosticBag();
        var root = YamlLoader.Load(bytes, FileName, loadBag, limits);
        all.AddRange(loadBag.Items);
        if (root is null)
        {
            Assert.True(loadBag.HasErrors, "the loader returned no tree without saying why");
        }

        LibreChatConfig? config = null;
        if (root is not null)
        {
            var readBag = new DiagnosticBag();
            config = LibreChatLoader.ValidateAndRead(root, FileName, settings.Env, readBag);
            all.AddRange(readBag.Items);
            Assert.True(
                config is not null || readBag.HasErrors,
                "the reader returned no config without saying why"
            );
        }

        PolicyModel? model = null;
        if (config is not null)
        {
            var policyBag = new DiagnosticBag();
            model = PolicyBuilder.Build(config, settings, policyBag);
            all.AddRange(policyBag.Items);
            Assert.True(
                model is not null || policyBag.HasErrors,
                "the policy builder returned no model without saying why"
            );
        }

        if (model is not null)
        {
            foreach (var writer in TargetWriters.All)
            {
                var targetBag = new DiagnosticBag();
                texts.AddRange(
                    writer
                        .Write(model, targetBag)
                        .Files.Select(f => f.RelativePath + "\n" + f.Content)
                );
                all.AddRange(targetBag.Items);
            }
            var pulumiBag = new DiagnosticBag();
            if (PulumiProgramBuilder.TryBuild(model, pulumiBag) is { } program)
            {
                texts.Add(PulumiProgramWriter.Write(program));
            }
            all.AddRange(pulumiBag.Items);
            var diff = PolicyDiff.Compare(
                new PolicySnapshot("base", EmptyBase, []),
                new PolicySnapshot("head", model, all)
            );
            texts.AddRange(Enum.GetValues<ReportFormat>().Select(f => DiffReport.Render(diff, f)));
            texts.Add(DiffJsonWriter.Write(diff));
            foreach (var host in ProbeHosts(model))
            {
                foreach (var role in Enum.GetValues<SmartGroupRole>())
                {
                    var check = PolicyEvaluator.Evaluate(model, role, host, 443);
                    texts.Add($"{check.Host} {check.Kind} {check.Rule?.Name} {check.Explanation}");
                }
            }
        }

        var sorted = Sort(all);
        foreach (var format in Enum.GetValues<ReportFormat>())
        {
            texts.Add(PlanReport.Render(model, sorted, format));
        }
        texts.Add(SarifWriter.Write(sorted, "0.0.0-test", "/work"));
        return new Outputs(sorted, texts, config, model);
    }

    private static List<Diagnostic> Sort(List<Diagnostic> diagnostics)
    {
        var bag = new DiagnosticBag();
        bag.AddRange(diagnostics);
        return [.. bag.Sorted()];
    }
}
