using Containment.Tests.Infrastructure;
using static Containment.Tests.Cli.CliRunner;

namespace Containment.Tests.Settings;

/// <summary>
/// Issue 12 item 2: <c>librechat.configYamlContent</c> is librechat.yaml when nothing else names it. The chart renders it
/// into a ConfigMap mounted at /app/librechat.yaml unless <c>librechat.existingConfigYaml</c> names another one
/// (danny-avila/LibreChat helm/librechat/templates/configmap.yaml and deployment.yaml, commit f0c0b2eb).
/// </summary>
public class ConfigYamlContentTests
{
    // Line 8 of the values file is "          baseURL: ...": the value starts at column 20 there, where librechat.yaml
    // on its own would put it at (6,16).
    private const string Values = """
        librechat:
          configYamlContent: |
            version: "1.3.17"
            endpoints:
              custom:
                - name: local
                  apiKey: k
                  baseURL: "http://10.0.0.5/v1"
                  models:
                    default: [m]
                - name: gateway
                  apiKey: k
                  baseURL: "https://llm.example.com/v1"
                  models:
                    default: [m]

        """;

    private static InMemoryFileSystem ValuesOnly(string values = Values) =>
        new InMemoryFileSystem()
            .With("infra/values.yaml", values.Replace("\r\n", "\n", StringComparison.Ordinal))
            .With(
                "Pulumi.dev.yaml",
                "config:\n  containment:helmValues:\n    - infra/values.yaml\n"
            );

    [Fact]
    public void Without_a_librechat_yaml_the_values_content_is_read_and_its_positions_are_values_file_positions()
    {
        var plan = Run(ValuesOnly(), "plan", "--stack", "dev", "--format", "json");
        var lint = Run(ValuesOnly(), "lint", "--stack", "dev");

        Assert.True(plan.ExitCode == 0, plan.Stderr);
        Assert.Contains("llm.example.com", plan.Stdout, StringComparison.Ordinal);
        // The private address is reported where it is written in the values file.
        Assert.Contains("infra/values.yaml(8,20)", lint.Stderr, StringComparison.Ordinal);
        Assert.Contains("CT2344", lint.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_explicit_librechat_yaml_wins_and_the_content_is_reported_as_unused()
    {
        var fs = ValuesOnly()
            .With(
                "other.yaml",
                "version: \"1.3.17\"\nendpoints:\n  custom:\n    - name: x\n      apiKey: k\n      baseURL: https://other.example.com/v1\n      models:\n        default: [m]\n"
            );

        var result = Run(fs, "lint", "--stack", "dev", "--config", "other.yaml");
        var plan = Run(fs, "plan", "--stack", "dev", "--config", "other.yaml");

        Assert.Contains("CT2341", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("other.example.com", plan.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("llm.example.com", plan.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_at_the_default_path_also_wins()
    {
        var fs = ValuesOnly().With("infra/librechat.yaml", "version: \"1.3.17\"\n");

        var result = Run(fs, "plan", "--stack", "dev");

        Assert.Contains("CT2341", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("llm.example.com", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void With_existing_config_yaml_the_chart_mounts_that_config_map_and_the_content_is_not_read()
    {
        var fs = ValuesOnly(Values + "  existingConfigYaml: librechat-config\n");

        var result = Run(fs, "lint", "--stack", "dev");

        Assert.Contains("CT2342", result.Stderr, StringComparison.Ordinal);
        // No librechat.yaml is left to read: the default path is missing.
        Assert.Equal(1, result.ExitCode);
    }

    [Fact]
    public void A_quoted_content_is_read_with_positions_near_the_value()
    {
        var fs = ValuesOnly(
            "librechat:\n  configYamlContent: \"version: '1.3.17'\\nendpoints:\\n  custom:\\n    - name: g\\n      apiKey: k\\n      baseURL: https://quoted.example.com/v1\\n      models:\\n        default: [m]\\n\"\n"
        );

        var result = Run(fs, "plan", "--stack", "dev");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("quoted.example.com", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("CT2343", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_explicit_indentation_indicator_counts_from_the_key()
    {
        // "|4" under a key at column 3: content indented 2 + 4 = 6, so its first line keeps two leading spaces.
        var fs = ValuesOnly(
            "librechat:\n  configYamlContent: |4\n        version: \"1.3.17\"\n        endpoints:\n          custom:\n            - name: g\n              apiKey: k\n              baseURL: http://10.0.0.9/v1\n              models:\n                default: [m]\n"
        );

        var lint = Run(fs, "lint", "--stack", "dev");

        Assert.Contains("infra/values.yaml(8,24)", lint.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_reads_the_content_when_pulumi_passes_the_default_librechat_config()
    {
        var fs = new InMemoryFileSystem().With(
            "/project/infra/values.yaml",
            Values.Replace("\r\n", "\n", StringComparison.Ordinal)
        );
        // Pulumi puts Pulumi.yaml's declared default in PULUMI_CONFIG when the stack leaves the key unset.
        var config =
            "{\"containment:librechatConfig\":\"infra/librechat.yaml\",\"containment:helmValues\":\"[\\\"infra/values.yaml\\\"]\"}";

        var result = Run(
            fs,
            Environment(
                ("PULUMI_STACK", "dev"),
                ("PULUMI_CONFIG", config),
                ("PULUMI_ROOT_DIRECTORY", "/project")
            ),
            "compile"
        );

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("llm.example.com", result.Stdout, StringComparison.Ordinal);
    }
}
