using Containment.Tests.Infrastructure;
using static Containment.Tests.Cli.CliRunner;

namespace Containment.Tests.Cli;

/// <summary>
/// When librechat.yaml is the Helm values' <c>librechat.configYamlContent</c>, lint's verdict and the review commands
/// name the values file, not the infra/librechat.yaml nobody wrote.
/// </summary>
public class ConfigFromValuesLabelTests
{
    private static InMemoryFileSystem Project(string content) =>
        new InMemoryFileSystem()
            .With("Pulumi.yaml", "name: chat\nruntime: yaml\n")
            .With("Pulumi.dev.yaml", "config:\n  containment:helmValues: [infra/values.yaml]\n")
            .With(
                "infra/values.yaml",
                "librechat:\n  configYamlContent: |\n"
                    + string.Concat(content.Split('\n').Select(l => "    " + l + "\n"))
            );

    [Fact]
    public void Lint_gives_its_verdict_on_the_values_file()
    {
        var result = Run(Project("version: \"1.3.17\""), "lint", "--stack", "dev");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(
            "infra/values.yaml: usable, 0 errors",
            result.Stderr,
            StringComparison.Ordinal
        );
        Assert.DoesNotContain("infra/librechat.yaml:", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_names_the_values_file_when_no_policy_comes_out()
    {
        var result = Run(
            Project("version: \"1.3.17\"\nendpoints: ["),
            "check",
            "api.openai.com",
            "--stack",
            "dev"
        );

        Assert.Contains(
            "containment: infra/values.yaml produced no policy",
            result.Stderr,
            StringComparison.Ordinal
        );
    }
}
