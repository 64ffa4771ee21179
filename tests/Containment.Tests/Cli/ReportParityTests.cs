using System.Text.Json;
using Containment.Tests.Infrastructure;
using static Containment.Tests.Cli.CliRunner;

namespace Containment.Tests.Cli;

/// <summary>Issue 14 items 8 and 9: one report per fact, lint and plan agree, and no command exits non-zero silently.</summary>
public class ReportParityTests
{
    private const string Config =
        "version: \"1.3.17\"\n"
        + "endpoints:\n"
        + "  agents:\n"
        + "    disableBuilder: false\n"
        + "  custom:\n"
        + "    - name: ollama\n"
        + "      apiKey: ollama\n"
        + "      baseURL: \"http://ollama.ai-models.svc.cluster.local:11434/v1\"\n"
        + "      models:\n"
        + "        default: [\"llama3\"]\n"
        + "    - name: groq\n"
        + "      apiKey: \"${GROQ_API_KEY}\"\n"
        + "      baseURL: \"https://api.groq.com/openai/v1\"\n"
        + "      models:\n"
        + "        default: [\"llama3-70b-8192\"]\n";

    private static InMemoryFileSystem Files() =>
        new InMemoryFileSystem()
            .With("c.yaml", Config)
            .With("bad.env", "GOOD=1\nthis line is not NAME=value\n")
            .With("broken.yaml", "version: \"1.3.17\"\nendpoints: [\n")
            .With("Pulumi.dev.yaml", "config:\n  containment:librechatConfig: c.yaml\n")
            .With(
                "Pulumi.bad.yaml",
                "config:\n  containment:mode: sometimes\n  containment:librechatConfig: c.yaml\n"
            );

    [Fact]
    public void An_in_cluster_host_is_reported_once()
    {
        var result = Run(Files(), "plan", "--config", "c.yaml", "--format", "json");

        using var json = JsonDocument.Parse(result.Stdout);
        var atLine8 = json
            .RootElement.GetProperty("diagnostics")
            .EnumerateArray()
            .Where(d => d.TryGetProperty("line", out var line) && line.GetInt32() == 8)
            .Select(d => d.GetProperty("code").GetString())
            .ToList();
        Assert.Equal(["CT3009"], atLine8);
    }

    [Fact]
    public void Lint_and_plan_report_the_same_diagnostics_for_the_same_input()
    {
        var lint = Run(Files(), "lint", "--config", "c.yaml", "--format", "json");
        var plan = Run(Files(), "plan", "--config", "c.yaml", "--format", "json");

        Assert.Equal(Codes(plan.Stdout), Codes(lint.Stdout));
        Assert.Contains("CT3006", Codes(lint.Stdout));
    }

    [Fact]
    public void Plan_text_shows_each_diagnostic_once()
    {
        var result = Run(Files(), "plan", "--config", "c.yaml");

        Assert.Contains("CT3009", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("CT3009", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_prints_its_answer_first_and_only_the_diagnostics_about_that_host()
    {
        var result = Run(Files(), "check", "api.groq.com", "--config", "c.yaml");

        Assert.StartsWith("PERMITTED  api.groq.com:443", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("CT3009", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("--verbose shows them", result.Stderr, StringComparison.Ordinal);
        Assert.Contains(
            "CT3009",
            Run(Files(), "check", "api.groq.com", "--config", "c.yaml", "--verbose").Stderr,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void Lint_summary_names_the_file_that_has_the_errors()
    {
        var result = Run(Files(), "lint", "--config", "c.yaml", "--env-file", "bad.env");

        Assert.Equal(1, result.ExitCode);
        Assert.EndsWith(
            "c.yaml: not usable, 1 error (in bad.env), 0 warnings\n",
            result.Stderr.Replace("1 warning", "0 warnings", StringComparison.Ordinal),
            StringComparison.Ordinal
        );
    }

    [Theory]
    [InlineData("plan", "--config", "c.yaml", "--env-file", "bad.env", "--format", "json")]
    [InlineData("plan", "--config", "c.yaml", "--env-file", "bad.env")]
    [InlineData("plan", "--config", "c.yaml", "--env-file", "bad.env", "--format", "markdown")]
    [InlineData("plan", "--config", "broken.yaml", "--format", "json")]
    [InlineData("plan", "--stack", "bad", "--format", "json")]
    [InlineData("plan", "--config", "missing.yaml", "--format", "json")]
    [InlineData("lint", "--config", "broken.yaml", "--format", "json")]
    [InlineData("lint", "--config", "broken.yaml", "--format", "sarif")]
    [InlineData("lint", "--stack", "bad", "--format", "json")]
    [InlineData("check", "api.groq.com", "--config", "broken.yaml", "--format", "json")]
    [InlineData("check", "api.groq.com", "--stack", "bad", "--format", "json")]
    [InlineData("check", "", "--config", "c.yaml")]
    [InlineData("diff", "--base", "c.yaml", "--config", "broken.yaml", "--format", "json")]
    [InlineData(
        "diff",
        "--base",
        "c.yaml",
        "--config",
        "c.yaml",
        "--env-file",
        "bad.env",
        "--format",
        "json"
    )]
    [InlineData(
        "diff",
        "--base-stack",
        "bad",
        "--stack",
        "dev",
        "--format",
        "markdown",
        "--fail-on-new-egress"
    )]
    [InlineData("diff", "--config", "c.yaml")]
    [InlineData("emit", "--target", "terraform", "--config", "broken.yaml", "--out", "out")]
    [InlineData("plan", "--format", "yaml")]
    [InlineData("nonsense")]
    public void A_non_zero_exit_always_says_why_on_stderr(params string[] args)
    {
        var result = Run(Files(), args);

        Assert.NotEqual(0, result.ExitCode);
        Assert.False(
            string.IsNullOrWhiteSpace(result.Stderr),
            $"exit {result.ExitCode} with an empty stderr"
        );
    }

    private static List<string> Codes(string lintOrPlanJson)
    {
        using var json = JsonDocument.Parse(lintOrPlanJson);
        return
        [
            .. json
                .RootElement.GetProperty("diagnostics")
                .EnumerateArray()
                .Select(d => d.GetProperty("code").GetString()!)
                .Order(StringComparer.Ordinal),
        ];
    }
}
