using Containment.Tests.Reader;
using static Containment.Tests.Cli.CliRunner;

namespace Containment.Tests.Review;

/// <summary><c>lint --format sarif</c> in-process: schema-valid SARIF on stdout, the usual exit code.</summary>
public class LintSarifCommandTests
{
    private static InMemoryFileSystem Files() =>
        new InMemoryFileSystem()
            .With("ok.yaml", "version: \"1.3.17\"\n")
            .With("bad.yaml", "version: 1.0\n");

    [Fact]
    public void A_usable_file_gives_an_empty_valid_run_and_exit_0()
    {
        var result = Run(Files(), "lint", "--config", "ok.yaml", "--format", "sarif");

        Assert.Equal(0, result.ExitCode);
        Assert.True(SarifSchemaTests.Validate(result.Stdout).IsValid);
        // Lint runs the policy stage too, so a usable file may still carry its warnings; no result is an error.
        Assert.DoesNotContain("\"level\": \"error\"", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_become_results_with_rule_ids_and_regions_and_exit_1()
    {
        var result = Run(Files(), "lint", "--config", "bad.yaml", "--format", "sarif");

        Assert.Equal(1, result.ExitCode);
        Assert.True(SarifSchemaTests.Validate(result.Stdout).IsValid);
        Assert.Contains("\"ruleId\": \"CT2005\"", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"uri\": \"bad.yaml\"", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"startLine\": 1", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("bad.yaml: not usable", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_shows_the_sarif_example()
    {
        Assert.Contains("--format sarif", Run(Files(), "lint", "--help").Stdout, StringComparison.Ordinal);
    }
}
