using Containment.Tests.Infrastructure;
using static Containment.Tests.Cli.CliRunner;

namespace Containment.Tests.Reports.Sarif;

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
    public void A_reader_finding_underlines_the_whole_value()
    {
        // "https://${MCP_HOST}/sse" with its quotes spans columns 10 to 34 of line 4; SARIF's endColumn is exclusive.
        var files = new InMemoryFileSystem().With(
            "mcp.yaml",
            "version: \"1.3.17\"\nmcpServers:\n  m:\n    url: \"https://${MCP_HOST}/sse\"\n"
        );

        var result = Run(files, "lint", "--config", "mcp.yaml", "--format", "sarif");

        Assert.True(SarifSchemaTests.Validate(result.Stdout).IsValid);
        var region = System
            .Text.Json.JsonDocument.Parse(result.Stdout)
            .RootElement.GetProperty("runs")[0]
            .GetProperty("results")
            .EnumerateArray()
            .Single(r => r.GetProperty("ruleId").GetString() == "CT2008")
            .GetProperty("locations")[0]
            .GetProperty("physicalLocation")
            .GetProperty("region");
        Assert.Equal(
            (4, 10, 4, 35),
            (
                region.GetProperty("startLine").GetInt32(),
                region.GetProperty("startColumn").GetInt32(),
                region.GetProperty("endLine").GetInt32(),
                region.GetProperty("endColumn").GetInt32()
            )
        );
    }

    [Fact]
    public void Help_shows_the_sarif_example()
    {
        Assert.Contains(
            "--format sarif",
            Run(Files(), "lint", "--help").Stdout,
            StringComparison.Ordinal
        );
    }
}
