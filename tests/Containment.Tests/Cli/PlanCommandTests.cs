using System.Text.Json;
using Containment.Core.Policy;
using Containment.Tests.EndToEnd;
using Containment.Tests.Infrastructure;
using static Containment.Tests.Cli.CliRunner;

namespace Containment.Tests.Cli;

/// <summary><c>plan</c> in-process: formats, exit codes, where output goes, and how the stack settings are found.</summary>
public class PlanCommandTests
{
    private static readonly E2eCase Obot = E2eCase.ByName("obot");

    [Fact]
    public void Text_prints_the_table_on_stdout_and_diagnostics_on_stderr()
    {
        var result = Obot.Plan("text");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith(
            "Stack dev: monitor mode, cloud gcp, controller 8.2",
            result.Stdout,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "obot.example.com  443    setting obotEndpoint",
            result.Stdout,
            StringComparison.Ordinal
        );
        Assert.All(
            result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries),
            line => Assert.Matches(@"^[^:]+(\(\d+,\d+\))?: (info|warning) CT\d{4}: ", line)
        );
        Assert.Contains(
            "librechat.yaml(14,3): info CT3028: mcpServers.github is reached through the Obot gateway",
            result.Stderr,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void Every_custom_endpoint_host_is_listed_with_the_line_that_put_it_there()
    {
        var result = E2eCase.ByName("upstream").Plan("json");

        using var doc = JsonDocument.Parse(result.Stdout);
        var llm = doc
            .RootElement.GetProperty("webGroups")
            .EnumerateArray()
            .Single(w => w.GetProperty("name").GetString() == "llm-providers");
        var hosts = llm.GetProperty("hosts")
            .EnumerateArray()
            .Select(h =>
                (
                    h.GetProperty("host").GetString(),
                    h.GetProperty("sources")[0].GetProperty("path").GetString(),
                    h.GetProperty("sources")[0].GetProperty("line").GetInt32()
                )
            );
        Assert.Equal(
            [
                ("api.anthropic.com", "endpoints.custom[1].baseURL", 23), // provider: anthropic (Anthropic-compatible)
                ("api.groq.com", "endpoints.custom[2].baseURL", 29),
                ("api.mistral.ai", "endpoints.custom[3].baseURL", 35),
                ("api.x.ai", "endpoints.custom[0].baseURL", 16),
                ("openrouter.ai", "endpoints.custom[4].baseURL", 42),
            ],
            hosts
        );
    }

    [Fact]
    public void Markdown_is_a_document_for_a_pull_request()
    {
        var result = Obot.Plan("markdown");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("# Containment plan: dev\n", result.Stdout, StringComparison.Ordinal);
        // The Obot gateway's permit sits in the MCP band at the slot its name hashes to (RulePriorities).
        var priority = RulePriorities.McpEgress.HomeOf("permit-mcp-gateway");
        Assert.Contains(
            $"| {priority} | `permit-mcp-gateway` | PERMIT |",
            result.Stdout,
            StringComparison.Ordinal
        );
        Assert.DoesNotContain('\r', result.Stdout);
    }

    [Fact]
    public void Json_is_one_document_with_the_diagnostics_inside_and_nothing_on_stderr()
    {
        var result = Obot.Plan("json");

        Assert.Equal((0, ""), (result.ExitCode, result.Stderr));
        using var doc = JsonDocument.Parse(result.Stdout);
        Assert.Equal(
            ("dev", "monitor", "gcp"),
            (
                doc.RootElement.GetProperty("stack").GetString(),
                doc.RootElement.GetProperty("mode").GetString(),
                doc.RootElement.GetProperty("cloudProvider").GetString()
            )
        );
        Assert.Contains(
            doc.RootElement.GetProperty("diagnostics").EnumerateArray(),
            d => d.GetProperty("code").GetString() == "CT3028"
        );
    }

    [Theory]
    [InlineData("text")]
    [InlineData("markdown")]
    public void Config_errors_exit_1_with_nothing_on_stdout(string format)
    {
        var fs = Obot.FileSystem().With("bad.yaml", "version: 1.0\n");

        var result = Run(
            fs,
            "plan",
            "--settings",
            Obot.StackFile,
            "--config",
            "bad.yaml",
            "--format",
            format
        );

        Assert.Equal((1, ""), (result.ExitCode, result.Stdout));
        Assert.StartsWith(
            "bad.yaml(1,10): error CT2005: version must be a string",
            result.Stderr,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void Json_with_errors_exits_1_and_still_prints_a_document_naming_them()
    {
        var fs = Obot.FileSystem().With("bad.yaml", "version: 1.0\n");

        var result = Run(
            fs,
            "plan",
            "--settings",
            Obot.StackFile,
            "--config",
            "bad.yaml",
            "--format",
            "json"
        );

        // stderr repeats the errors (an exit 1 always says why); the document carries them for machines.
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("bad.yaml(1,10): error CT2005", result.Stderr, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(result.Stdout);
        var diagnostic = Assert.Single(doc.RootElement.GetProperty("diagnostics").EnumerateArray());
        Assert.Equal(
            ("error", "CT2005", 1),
            (
                diagnostic.GetProperty("severity").GetString(),
                diagnostic.GetProperty("code").GetString(),
                diagnostic.GetProperty("line").GetInt32()
            )
        );
    }

    [Fact]
    public void Unknown_format_is_a_usage_error()
    {
        var result = Run(
            Obot.FileSystem(),
            "plan",
            "--settings",
            Obot.StackFile,
            "--format",
            "html"
        );

        Assert.Equal((2, ""), (result.ExitCode, result.Stdout));
        Assert.StartsWith("containment: ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Stack_reads_the_stack_file_and_its_librechat_config_beside_pulumi_yaml()
    {
        // Given a project folder (current folder) with Pulumi.yaml, Pulumi.dev.yaml and the config it names
        var fs = Obot.FileSystem().With("Pulumi.yaml", "name: containment\nruntime: yaml\n");

        // When only --stack is given
        var result = Run(fs, "plan", "--stack", "dev", "--format", "json");

        // Then the stack file's settings (gcp, obot) and its librechatConfig were used
        Assert.Equal(Obot.Plan("json").Stdout, result.Stdout);
        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public void Stack_finds_the_project_above_the_current_folder()
    {
        // The tests run in bin/...; the repository root above holds Pulumi.yaml, Pulumi.dev.yaml and infra/librechat.yaml.
        var result = Run("plan", "--stack", "dev", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Stdout);
        Assert.Equal(
            ("dev", "aws", "TERRAFORM_AFTER_UI_MANAGED"),
            (
                doc.RootElement.GetProperty("stack").GetString(),
                doc.RootElement.GetProperty("cloudProvider").GetString(),
                doc.RootElement.GetProperty("attachmentPoint").GetString()
            )
        );
        Assert.Contains(
            "\"file\": \"infra/librechat.yaml\"",
            result.Stdout,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void Settings_file_name_gives_the_stack_name()
    {
        var fs = new InMemoryFileSystem()
            .With(
                "deploy/Pulumi.prod.yaml",
                "config:\n  containment:mode: enforce\n  containment:librechatConfig: chat.yaml\n  containment:cluster:\n    id: chat-prod\n"
            )
            .With(
                "deploy/chat.yaml",
                "version: \"1.3.17\"\ninterface:\n  mcpServers:\n    create: false\n"
            );

        var result = Run(fs, "plan", "--settings", "deploy/Pulumi.prod.yaml", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Stdout);
        Assert.Equal(
            ("prod", "enforce", "containment-prod"),
            (
                doc.RootElement.GetProperty("stack").GetString(),
                doc.RootElement.GetProperty("mode").GetString(),
                doc.RootElement.GetProperty("ruleset").GetString()
            )
        );
    }

    [Fact]
    public void A_missing_stack_file_exits_1_naming_it()
    {
        var result = Run(Obot.FileSystem(), "plan", "--stack", "nope");

        Assert.Equal((1, ""), (result.ExitCode, result.Stdout));
        Assert.Equal(
            "Pulumi.nope.yaml: error CT4001: stack settings file 'Pulumi.nope.yaml' does not exist.\n",
            result.Stderr
        );
    }

    [Fact]
    public void Without_stack_or_settings_the_defaults_apply_with_a_warning()
    {
        var fs = new InMemoryFileSystem().With(
            "infra/librechat.yaml",
            Obot.Read(E2eCase.ConfigFile)
        );

        var result = Run(fs, "plan");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith(
            "containment: warning: no --stack or --settings given; using the documented defaults",
            result.Stderr,
            StringComparison.Ordinal
        );
        Assert.StartsWith(
            "Stack default: monitor mode, cloud none, controller 8.2",
            result.Stdout,
            StringComparison.Ordinal
        );
        // No environment: the endpoints.openAI block alone enables nothing in LibreChat, and plan says so (CT2310).
        Assert.Contains(
            "infra/librechat.yaml(9,3): warning CT2310",
            result.Stderr,
            StringComparison.Ordinal
        );
        Assert.DoesNotContain("api.openai.com", result.Stdout, StringComparison.Ordinal);
    }
}
