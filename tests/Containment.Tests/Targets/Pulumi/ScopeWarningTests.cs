using System.Text.Json.Nodes;
using Containment.Core.Diagnostics;
using Containment.Core.Model;
using Containment.Core.Settings;
using Containment.Core.Targets.Pulumi;
using Containment.Tests.Egress;
using Containment.Tests.EndToEnd;
using Containment.Tests.Infrastructure.Models;
using static Containment.Tests.Cli.CliRunner;
using static Containment.Tests.Infrastructure.Models.SampleConfigs;

namespace Containment.Tests.Targets.Pulumi;

/// <summary>
/// Issue 13 item 3. What widens the policy's scope is an error once a stack enforces, in every command; in monitor
/// mode the warnings travel in the program as the <c>containmentWarnings</c> stack output, because pulumi-yaml drops
/// a successful compiler's stderr (pulumi-yaml v1.38.1 pkg/pulumiyaml/run.go LoadFromCompiler).
/// </summary>
public class ScopeWarningTests
{
    private static readonly E2eCase Upstream = E2eCase.ByName("upstream");

    [Theory]
    [InlineData(EnforcementMode.Monitor, Severity.Warning)]
    [InlineData(EnforcementMode.Enforce, Severity.Error)]
    public void No_cluster_id_is_an_error_only_when_the_stack_enforces(
        EnforcementMode mode,
        Severity expected
    )
    {
        var (model, _, bag) = EgressTestHelpers.Run(
            Quiet(),
            Stack(mode) with
            {
                Cluster = new ClusterSettings(),
            }
        );

        Assert.Equal(
            expected,
            bag.Items.Single(d => d.Descriptor == DiagnosticCatalog.NoClusterId).Severity
        );
        Assert.Equal(mode == EnforcementMode.Monitor, model is not null);
    }

    [Theory]
    [InlineData(EnforcementMode.Monitor, Severity.Info)]
    [InlineData(EnforcementMode.Enforce, Severity.Error)]
    public void An_unpinned_registry_lookup_is_an_error_only_when_the_stack_enforces(
        EnforcementMode mode,
        Severity expected
    )
    {
        var (_, _, bag) = EgressTestHelpers.Run(
            Quiet(),
            Stack(mode) with
            {
                Registry = new RegistrySettings { AwsRegion = "eu-central-1" },
            }
        );

        Assert.All(
            bag.Items.Where(d => d.Descriptor == DiagnosticCatalog.DeployTimeLookup),
            d => Assert.Equal(expected, d.Severity)
        );
        Assert.Contains(bag.Items, d => d.Descriptor == DiagnosticCatalog.DeployTimeLookup);
    }

    [Theory]
    [InlineData("plan")]
    [InlineData("emit")]
    [InlineData("compile")]
    public void An_enforcing_stack_without_cluster_id_fails_every_command(string command)
    {
        var stack = Upstream
            .Read(Upstream.StackFile)
            .Replace(
                "containment:mode: monitor",
                "containment:mode: enforce",
                StringComparison.Ordinal
            )
            .Replace(
                "    id: arn:aws:eks:us-east-1:111122223333:cluster/chat-dev\n",
                "",
                StringComparison.Ordinal
            )
            .Replace(
                "    awsRegion: us-east-1",
                "    awsAccountId: \"111122223333\"\n    awsRegion: us-east-1",
                StringComparison.Ordinal
            );
        var fs = Upstream
            .FileSystem()
            .With(Upstream.StackFile, stack)
            .With(Path.Combine(E2eCase.ProjectRoot, Upstream.StackFile), stack);
        using var temp = new TempFolder();

        var result = command switch
        {
            "plan" => Run(
                fs,
                "plan",
                "--settings",
                Upstream.StackFile,
                "--config",
                E2eCase.ConfigFile
            ),
            "emit" => Run(
                fs,
                "emit",
                "--settings",
                Upstream.StackFile,
                "--config",
                E2eCase.ConfigFile,
                "--target",
                "terraform",
                "--out",
                temp.Sub("out")
            ),
            _ => Run(
                fs,
                Environment(
                    ("PULUMI_STACK", "dev"),
                    ("PULUMI_CONFIG", PulumiConfigJson.FromStackFile(stack)),
                    ("PULUMI_ROOT_DIRECTORY", E2eCase.ProjectRoot)
                ),
                "compile"
            ),
        };

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(
            "error CT3024: cluster.id is not set",
            result.Stderr + result.Stdout,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void A_monitoring_stack_shows_its_warnings_as_a_stack_output()
    {
        var config = JsonNode.Parse(Upstream.PulumiConfig())!.AsObject();
        config["containment:cluster"] =
            """{"namespace":"librechat","podLabels":{"app.kubernetes.io/name":"librechat"}}""";

        var result = Run(
            Upstream.FileSystem(),
            Environment(
                ("PULUMI_STACK", "dev"),
                ("PULUMI_CONFIG", config.ToJsonString()),
                ("PULUMI_ROOT_DIRECTORY", E2eCase.ProjectRoot)
            ),
            "compile"
        );

        Assert.Equal((0, ""), (result.ExitCode, result.Stderr));
        var warnings = JsonNode.Parse(result.Stdout)!["outputs"]![
            PulumiLogicalNames.WarningsOutput
        ]!
            .AsArray()
            .Select(w => w!.GetValue<string>())
            .ToList();
        Assert.Contains(
            warnings,
            w => w.Contains("warning CT3024: cluster.id is not set", StringComparison.Ordinal)
        );
        Assert.All(warnings, w => Assert.Contains(": warning CT", w, StringComparison.Ordinal));
    }

    [Fact]
    public void A_program_built_without_warnings_has_no_warnings_output() =>
        Assert.DoesNotContain(
            PulumiLogicalNames.WarningsOutput,
            PulumiProgramWriter.Write(PulumiProgramBuilder.Build(SamplePulumiPolicies.Dev())),
            StringComparison.Ordinal
        );
}
