using Containment.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace Containment.Tests.Cli;

/// <summary>
/// Issue 13 items 6-10: the example workflow (infra/github-actions/containment.yml) parsed and checked mechanically.
/// Nothing here runs the workflow or the CLI flags it uses.
/// </summary>
public class WorkflowTests
{
    private static readonly YamlMappingNode Workflow = Load();
    private static readonly YamlMappingNode Jobs = Map(Workflow, "jobs");

    [Fact]
    public void The_binary_travels_as_a_tarball_so_it_keeps_its_run_bit()
    {
        var build = Steps("build");
        Assert.Contains(
            build,
            s =>
                Run(s)
                    .Contains(
                        "tar -czf containment.tar.gz -C out containment",
                        StringComparison.Ordinal
                    )
        );
        var upload = build.Single(s =>
            Uses(s).StartsWith("actions/upload-artifact@", StringComparison.Ordinal)
        );
        Assert.Equal("containment.tar.gz", Scalar(Map(upload, "with"), "path"));
    }

    [Fact]
    public void Every_job_that_runs_the_binary_downloads_and_unpacks_it_first()
    {
        var runners = JobNames().Where(RunsTheBinary).ToList();

        Assert.Superset(
            new HashSet<string>(
                ["lint", "egress-diff", "promotion-diff", "preview", "up-dev", "up-prod"],
                StringComparer.Ordinal
            ),
            runners.ToHashSet(StringComparer.Ordinal)
        );
        foreach (var job in runners)
        {
            var steps = Steps(job);
            var download = steps.FindIndex(s =>
                Uses(s).StartsWith("actions/download-artifact@", StringComparison.Ordinal)
            );
            var unpack = steps.FindIndex(s =>
                Run(s).Contains("tar -xzf containment.tar.gz -C out", StringComparison.Ordinal)
            );
            var firstUse = steps.FindIndex(UsesTheBinary);
            Assert.True(
                download >= 0 && download < unpack && unpack < firstUse,
                $"{job}: download ({download}) < unpack ({unpack}) < first use ({firstUse})"
            );
            Assert.Contains("build", Needs(job));
        }
    }

    [Fact]
    public void Each_stack_uploads_its_own_sarif_file_under_its_own_category()
    {
        var lint = Map(Jobs, "lint");
        Assert.Equal(["dev", "prod"], Sequence(Map(Map(lint, "strategy"), "matrix"), "stack"));
        var uploads = JobNames()
            .SelectMany(j => Steps(j))
            .Where(s =>
                Uses(s).StartsWith("github/codeql-action/upload-sarif@", StringComparison.Ordinal)
            )
            .ToList();
        var upload = Assert.Single(uploads);
        Assert.Equal(
            "containment-${{ matrix.stack }}.sarif",
            Scalar(Map(upload, "with"), "sarif_file")
        );
        Assert.Equal("containment-${{ matrix.stack }}", Scalar(Map(upload, "with"), "category"));
    }

    [Fact]
    public void Labelling_the_pull_request_reruns_the_gate()
    {
        var types = Sequence(Map(Map(Workflow, "on"), "pull_request"), "types");
        Assert.Subset(
            types.ToHashSet(StringComparer.Ordinal),
            new HashSet<string>(
                ["opened", "synchronize", "reopened", "labeled", "unlabeled"],
                StringComparer.Ordinal
            )
        );
        Assert.Contains(
            Steps("egress-diff"),
            s =>
                Run(s).Contains("--fail-on-new-egress", StringComparison.Ordinal)
                && Scalar(s, "if").Contains("egress-reviewed", StringComparison.Ordinal)
        );
    }

    [Fact]
    public void The_egress_diff_reads_the_base_from_the_base_ref()
    {
        Assert.All(
            Steps("egress-diff")
                .Where(s => Run(s).Contains("containment diff", StringComparison.Ordinal)),
            s =>
                Assert.Contains(
                    "diff --base-ref \"origin/${{ github.base_ref }}\"",
                    Run(s),
                    StringComparison.Ordinal
                )
        );
    }

    [Fact]
    public void A_promotion_pr_is_commented_with_the_dev_to_prod_diff()
    {
        var steps = Steps("promotion-diff");
        Assert.Contains(steps, s => Run(s).Contains("Pulumi.prod.yaml", StringComparison.Ordinal));
        Assert.Contains(
            steps,
            s =>
                Run(s)
                    .Contains(
                        "containment diff --base-stack dev --stack prod --format markdown",
                        StringComparison.Ordinal
                    )
        );
        Assert.Contains(steps, s => Run(s).Contains("gh pr comment", StringComparison.Ordinal));
    }

    [Fact]
    public void Prod_deploys_only_behind_the_protected_environment_after_a_change_to_its_stack_file()
    {
        var upProd = Map(Jobs, "up-prod");
        Assert.Equal("prod", Scalar(upProd, "environment"));
        Assert.Contains("prod-changed", Needs("up-prod"));
        Assert.Contains(
            "needs.prod-changed.outputs.prod",
            Scalar(upProd, "if"),
            StringComparison.Ordinal
        );
        Assert.Contains(
            Steps("prod-changed"),
            s => Run(s).Contains("Pulumi.prod.yaml", StringComparison.Ordinal)
        );
        var up = Steps("up-prod")
            .Single(s => Uses(s).StartsWith("pulumi/actions@", StringComparison.Ordinal));
        Assert.Equal(
            ("up", "${{ vars.PULUMI_ORG }}/prod"),
            (Scalar(Map(up, "with"), "command"), Scalar(Map(up, "with"), "stack-name"))
        );
        Assert.Equal("dev", Scalar(Map(Jobs, "up-dev"), "environment"));
    }

    [Fact]
    public void Prod_preview_and_deploy_get_a_kubeconfig_for_the_CA_ConfigMap()
    {
        var preview = Steps("preview");
        var kubeconfig = preview.FindIndex(s =>
            Run(s).Contains("update-kubeconfig", StringComparison.Ordinal)
        );
        var previewStep = preview.FindIndex(s =>
            Uses(s).StartsWith("pulumi/actions@", StringComparison.Ordinal)
            && Map(s, "with").Children.ContainsKey(new YamlScalarNode("command"))
        );
        Assert.True(kubeconfig >= 0 && kubeconfig < previewStep);
        Assert.Contains("prod", Scalar(preview[kubeconfig], "if"), StringComparison.Ordinal);
        Assert.Contains(
            Steps("up-prod"),
            s => Run(s).Contains("update-kubeconfig", StringComparison.Ordinal)
        );
    }

    [Fact]
    public void Paths_filters_cover_the_config_the_stacks_and_the_lock_files()
    {
        foreach (var trigger in new[] { "pull_request", "push" })
        {
            var paths = Sequence(Map(Map(Workflow, "on"), trigger), "paths");
            Assert.Subset(
                paths.ToHashSet(StringComparer.Ordinal),
                new HashSet<string>(
                    ["infra/librechat.yaml", "Pulumi.yaml", "Pulumi.*.yaml", "sdks/**", "src/**"],
                    StringComparer.Ordinal
                )
            );
        }
    }

    [Fact]
    public void Ci_fails_when_the_sdks_lock_file_is_missing_or_untracked()
    {
        var check = Steps("preview")
            .Single(s => Run(s).Contains("pulumi install", StringComparison.Ordinal));
        Assert.Contains(
            "git ls-files 'sdks/aviatrix/*.yaml'",
            Run(check),
            StringComparison.Ordinal
        );
        Assert.Contains(
            "git status --porcelain --untracked-files=all -- sdks/ Pulumi.yaml",
            Run(check),
            StringComparison.Ordinal
        );
    }

    private static bool RunsTheBinary(string job) => Steps(job).Any(UsesTheBinary);

    /// <summary>A step runs the binary itself, or Pulumi runs it as the compiler (preview, up).</summary>
    private static bool UsesTheBinary(YamlMappingNode step) =>
        Run(step).Contains("out/containment/containment", StringComparison.Ordinal)
        || (
            Uses(step).StartsWith("pulumi/actions@", StringComparison.Ordinal)
            && Map(step, "with").Children.ContainsKey(new YamlScalarNode("command"))
        );

    private static IEnumerable<string> JobNames() =>
        Jobs.Children.Keys.Select(k => ((YamlScalarNode)k).Value!);

    private static List<YamlMappingNode> Steps(string job) =>
        [
            .. (
                (YamlSequenceNode)Map(Jobs, job).Children[new YamlScalarNode("steps")]
            ).Children.Cast<YamlMappingNode>(),
        ];

    private static List<string> Needs(string job) =>
        Map(Jobs, job).Children.TryGetValue(new YamlScalarNode("needs"), out var needs)
            ? needs is YamlSequenceNode list
                ? [.. list.Children.Select(n => ((YamlScalarNode)n).Value!)]
                : [((YamlScalarNode)needs).Value!]
            : [];

    private static string Run(YamlMappingNode step) => Scalar(step, "run");

    private static string Uses(YamlMappingNode step) => Scalar(step, "uses");

    private static string Scalar(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value)
        && value is YamlScalarNode scalar
            ? scalar.Value ?? ""
            : "";

    private static YamlMappingNode Map(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value)
        && value is YamlMappingNode child
            ? child
            : new YamlMappingNode();

    private static List<string> Sequence(YamlMappingNode map, string key) =>
        [
            .. ((YamlSequenceNode)map.Children[new YamlScalarNode(key)]).Children.Select(n =>
                ((YamlScalarNode)n).Value!
            ),
        ];

    private static YamlMappingNode Load()
    {
        var stream = new YamlStream();
        stream.Load(
            new StringReader(
                File.ReadAllText(
                    Path.Combine(
                        Baseline.RepositoryRoot()!,
                        "infra",
                        "github-actions",
                        "containment.yml"
                    )
                )
            )
        );
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }
}
