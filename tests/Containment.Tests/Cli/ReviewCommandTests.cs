using System.Text.Json;
using Containment.Tests.Infrastructure;
using Containment.Tests.Reports.Sarif;
using static Containment.Tests.Cli.CliRunner;

namespace Containment.Tests.Cli;

/// <summary>diff, check and lint --format sarif run in-process over an in-memory file system.</summary>
public class ReviewCommandTests
{
    private const string BaseYaml =
        "version: \"1.3.17\"\n"
        + "interface:\n"
        + "  mcpServers:\n"
        + "    create: false\n"
        + "endpoints:\n"
        + "  custom:\n"
        + "    - name: groq\n"
        + "      apiKey: \"${GROQ_API_KEY}\"\n"
        + "      baseURL: \"https://api.groq.com/openai/v1\"\n"
        + "      models:\n"
        + "        default: [\"llama3-70b-8192\"]\n";

    private const string HeadYaml =
        BaseYaml
        + "    - name: Mistral\n"
        + "      apiKey: \"${MISTRAL_API_KEY}\"\n"
        + "      baseURL: \"https://api.mistral.ai/v1\"\n"
        + "      models:\n"
        + "        default: [\"mistral-large-latest\"]\n";

    private static InMemoryFileSystem Files() =>
        new InMemoryFileSystem()
            .With("base.yaml", BaseYaml)
            .With("head.yaml", HeadYaml)
            .With("broken.yaml", "version: \"1.3.17\"\nendpoints: [\n")
            .With(
                "Pulumi.dev.yaml",
                "config:\n  containment:librechatConfig: head.yaml\n  containment:mode: monitor\n"
            )
            // Enforce mode needs a cluster id (an unscoped enforcing policy is an error).
            .With(
                "Pulumi.prod.yaml",
                "config:\n  containment:librechatConfig: head.yaml\n  containment:mode: enforce\n  containment:cluster:\n    id: chat-prod\n"
            );

    [Fact]
    public void Diff_markdown_shows_the_added_provider_with_its_config_line()
    {
        var result = Run(
            Files(),
            "diff",
            "--base",
            "base.yaml",
            "--config",
            "head.yaml",
            "--format",
            "markdown"
        );

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("<!-- containment-diff -->\n", result.Stdout, StringComparison.Ordinal);
        Assert.Contains(
            "| `+` | `api.mistral.ai` | 443 | `head.yaml:14` `endpoints.custom[1].baseURL` |",
            result.Stdout,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void Diff_gate_exits_1_on_new_egress_and_0_when_a_host_is_only_removed()
    {
        Assert.Equal(
            1,
            Run(
                Files(),
                "diff",
                "--base",
                "base.yaml",
                "--config",
                "head.yaml",
                "--fail-on-new-egress"
            ).ExitCode
        );
        Assert.Equal(
            0,
            Run(
                Files(),
                "diff",
                "--base",
                "head.yaml",
                "--config",
                "base.yaml",
                "--fail-on-new-egress"
            ).ExitCode
        );
    }

    [Fact]
    public void Diff_of_identical_configs_is_one_line()
    {
        var result = Run(Files(), "diff", "--base", "base.yaml", "--config", "base.yaml");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("No egress changes (stack default).\n", result.Stdout);
    }

    [Fact]
    public void Diff_against_an_unparsable_base_says_so_and_fails_the_gate()
    {
        var result = Run(
            Files(),
            "diff",
            "--base",
            "broken.yaml",
            "--config",
            "head.yaml",
            "--format",
            "markdown",
            "--fail-on-new-egress"
        );

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("**The base is invalid**", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("base broken.yaml is invalid", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_json_is_parseable_and_flags_new_egress()
    {
        var result = Run(
            Files(),
            "diff",
            "--base",
            "base.yaml",
            "--config",
            "head.yaml",
            "--format",
            "json"
        );

        using var json = JsonDocument.Parse(result.Stdout);
        Assert.True(json.RootElement.GetProperty("hasNewEgress").GetBoolean());
    }

    [Fact]
    public void Promotion_diff_between_stacks_shows_the_mode_flip()
    {
        var result = Run(
            Files(),
            "diff",
            "--base-stack",
            "dev",
            "--stack",
            "prod",
            "--format",
            "markdown"
        );

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("`stack dev` → `stack prod`", result.Stdout, StringComparison.Ordinal);
        Assert.Contains(
            "| mode | `monitor` | **`enforce`** |",
            result.Stdout,
            StringComparison.Ordinal
        );
    }

    [Theory]
    [InlineData("diff", "--config", "head.yaml")]
    [InlineData("diff", "--base", "base.yaml", "--base-stack", "dev")]
    [InlineData("diff", "--base", "base.yaml", "--format", "html")]
    public void Diff_usage_errors_exit_2(params string[] args)
    {
        Assert.Equal(2, Run(Files(), args).ExitCode);
    }

    [Fact]
    public void Check_permit_names_the_rule_and_the_config_line()
    {
        var result = Run(Files(), "check", "api.groq.com", "--config", "base.yaml");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith(
            "PERMITTED  api.groq.com:443 from pods\n",
            result.Stdout,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "source: base.yaml:9 (endpoints.custom[0].baseURL)",
            result.Stdout,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void Check_deny_suggests_the_likely_typo()
    {
        var result = Run(Files(), "check", "api.gorq.com", "--config", "base.yaml");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("DENIED", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("did you mean: api.groq.com?", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_takes_a_url_with_a_note_and_never_prints_its_query()
    {
        var result = Run(
            Files(),
            "check",
            "https://api.groq.com/openai/v1?key=sk-secret",
            "--config",
            "base.yaml",
            "--format",
            "json"
        );

        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal("api.groq.com", json.RootElement.GetProperty("host").GetString());
        Assert.True(json.RootElement.GetProperty("permitted").GetBoolean());
        Assert.DoesNotContain("sk-secret", result.Stdout + result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("check", "", "--config", "base.yaml")]
    [InlineData("check", "api.groq.com", "--from", "db", "--config", "base.yaml")]
    [InlineData("check", "api.groq.com", "--port", "0", "--config", "base.yaml")]
    [InlineData("check", "*.groq.com", "--config", "base.yaml")]
    public void Check_usage_errors_exit_2_with_a_message(params string[] args)
    {
        var result = Run(Files(), args);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("containment: ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_sarif_validates_against_the_schema_and_keeps_the_exit_code()
    {
        var ok = Run(Files(), "lint", "--config", "base.yaml", "--format", "sarif");
        var broken = Run(Files(), "lint", "--config", "broken.yaml", "--format", "sarif");

        Assert.Equal(0, ok.ExitCode);
        Assert.True(SarifSchemaTests.Validate(ok.Stdout).IsValid);
        Assert.Equal(1, broken.ExitCode);
        Assert.True(SarifSchemaTests.Validate(broken.Stdout).IsValid);
        Assert.Contains("\"uri\": \"broken.yaml\"", broken.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("diff")]
    [InlineData("check")]
    public void Help_shows_an_example(string command)
    {
        var result = Run(Files(), command, "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"containment {command} ", result.Stdout, StringComparison.Ordinal);
    }
}
