using System.Text.Json;
using Containment.Tests.Infrastructure;
using static Containment.Tests.Cli.CliRunner;

namespace Containment.Tests.EndToEnd;

/// <summary>
/// Issue 12 "Done when": an infra repository that keeps only the chart's values gets a full plan from them, and the
/// bundled example's <c>plan --stack dev</c> shows env-derived hosts with their provenance.
/// </summary>
public class HelmValuesOnlyRepoTests
{
    private const string Values = """
        global:
          librechat:
            existingSecretName: librechat-credentials-env
            existingSecretApiKey: OPENAI_API_KEY
        librechat:
          configEnv:
            ANTHROPIC_REVERSE_PROXY: https://anthropic-gateway.example.com
            ANTHROPIC_API_KEY: user_provided
          configYamlContent: |
            version: "1.3.17"
            endpoints:
              custom:
                - name: groq
                  apiKey: "${GROQ_API_KEY}"
                  baseURL: https://api.groq.com/openai/v1
                  models:
                    default: [llama3-70b-8192]
            mcpServers:
              github:
                type: streamable-http
                url: https://api.githubcopilot.com/mcp/
        librechat-rag-api:
          enabled: true

        """;

    private static Dictionary<string, string[]> WebGroups(string planJson)
    {
        using var doc = JsonDocument.Parse(planJson);
        return doc
            .RootElement.GetProperty("webGroups")
            .EnumerateArray()
            .ToDictionary(
                w => w.GetProperty("name").GetString()!,
                w =>
                    w.GetProperty("hosts")
                        .EnumerateArray()
                        .Select(h => h.GetProperty("host").GetString()!)
                        .ToArray()
            );
    }

    [Fact]
    public void A_values_only_folder_plans_llm_mcp_and_environment_hosts()
    {
        var fs = new InMemoryFileSystem()
            .With("infra/values.yaml", Values.Replace("\r\n", "\n", StringComparison.Ordinal))
            .With(
                "Pulumi.dev.yaml",
                "config:\n  containment:helmValues:\n    - infra/values.yaml\n"
            );

        var result = Run(fs, "plan", "--stack", "dev", "--format", "json");

        Assert.True(result.ExitCode == 0, result.Stderr);
        var groups = WebGroups(result.Stdout);
        // librechat.yaml's custom endpoint, OpenAI from the Secret's key name, Anthropic redirected by configEnv.
        Assert.Equal(
            ["anthropic-gateway.example.com", "api.groq.com", "api.openai.com"],
            groups["llm-providers"].Order(StringComparer.Ordinal)
        );
        Assert.Equal(["api.githubcopilot.com"], groups["mcp-github"]);
        Assert.Equal(["api.openai.com"], groups["rag-embeddings"]);
        Assert.Contains(
            "infra/values.yaml librechat.configEnv.ANTHROPIC_REVERSE_PROXY",
            result.Stdout,
            StringComparison.Ordinal
        );
        Assert.Contains("secret OPENAI_API_KEY, present", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void The_bundled_dev_stack_reads_infra_values_yaml_and_names_where_each_value_came_from()
    {
        var root = Baseline.RepositoryRoot()!;
        var result = Run(
            "plan",
            "--settings",
            Path.Combine(root, "Pulumi.dev.yaml"),
            "--config",
            Path.Combine(root, "infra", "librechat.yaml"),
            "--format",
            "json"
        );

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal(
            ["embeddings-gateway.example.com"],
            WebGroups(result.Stdout)["rag-embeddings"]
        );
        Assert.Contains(
            "infra/values.yaml librechat.configEnv.RAG_OPENAI_BASEURL",
            result.Stdout,
            StringComparison.Ordinal
        );
        Assert.Contains("secret OPENAI_API_KEY, present", result.Stdout, StringComparison.Ordinal);
    }
}
