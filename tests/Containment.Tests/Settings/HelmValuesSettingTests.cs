using Containment.Core.Diagnostics;
using Containment.Core.Settings;
using Containment.Tests.Infrastructure;
using static Containment.Tests.Cli.CliRunner;

namespace Containment.Tests.Settings;

/// <summary>
/// Issue 12 item 2: <c>containment:helmValues</c> lists the chart's values files (relative to the project folder, confined
/// to it like librechatConfig); later files win and <c>--helm-values</c> comes after them, as <c>helm -f</c> does.
/// </summary>
public class HelmValuesSettingTests
{
    private const string Config = "version: \"1.3.17\"\n";

    private static string Values(string proxy) =>
        "global:\n  librechat:\n    existingSecretApiKey: OPENAI_API_KEY\nlibrechat:\n  configEnv:\n"
        + $"    OPENAI_REVERSE_PROXY: https://{proxy}/v1\n";

    private static InMemoryFileSystem Project(string helmValues) =>
        new InMemoryFileSystem()
            .With("librechat.yaml", Config)
            .With("infra/values.yaml", Values("gateway-one.example.com"))
            .With("infra/values-prod.yaml", Values("gateway-two.example.com"))
            .With(
                "Pulumi.dev.yaml",
                "config:\n  containment:librechatConfig: librechat.yaml\n" + helmValues
            );

    [Fact]
    public void The_setting_is_a_list_of_paths_from_the_stack_file_and_from_pulumi_config()
    {
        var d = new DiagnosticBag();
        var fromFile = StackSettingsLoader.ParseStackFile(
            "config:\n  containment:helmValues:\n    - infra/values.yaml\n    - infra/values-prod.yaml\n",
            "Pulumi.dev.yaml",
            "dev",
            d
        );
        var fromPulumi = StackSettingsLoader.ParsePulumiConfig(
            "{\"containment:helmValues\":\"[\\\"infra/values.yaml\\\"]\"}",
            "dev",
            d
        );

        Assert.Empty(d.Items);
        Assert.Equal(["infra/values.yaml", "infra/values-prod.yaml"], fromFile!.HelmValues);
        Assert.Equal(["infra/values.yaml"], fromPulumi!.HelmValues);
    }

    [Fact]
    public void A_stack_values_file_feeds_the_plan_with_provenance_naming_the_file_as_written()
    {
        var result = Run(
            Project("  containment:helmValues:\n    - infra/values.yaml\n"),
            "plan",
            "--stack",
            "dev",
            "--format",
            "json"
        );

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("gateway-one.example.com", result.Stdout, StringComparison.Ordinal);
        Assert.Contains(
            "infra/values.yaml librechat.configEnv.OPENAI_REVERSE_PROXY",
            result.Stdout,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void Later_stack_files_win_and_the_command_line_wins_over_them()
    {
        var fs = Project(
            "  containment:helmValues:\n    - infra/values-prod.yaml\n    - infra/values.yaml\n"
        );

        var stackOnly = Run(fs, "plan", "--stack", "dev", "--format", "json");
        var withCommandLine = Run(
            fs,
            "plan",
            "--stack",
            "dev",
            "--format",
            "json",
            "--helm-values",
            "infra/values-prod.yaml"
        );

        Assert.Contains("gateway-one.example.com", stackOnly.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(
            "gateway-two.example.com",
            stackOnly.Stdout,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "gateway-two.example.com",
            withCommandLine.Stdout,
            StringComparison.Ordinal
        );
        Assert.DoesNotContain(
            "gateway-one.example.com",
            withCommandLine.Stdout,
            StringComparison.Ordinal
        );
    }

    [Theory]
    [InlineData("../outside/values.yaml")]
    [InlineData("infra/../../values.yaml")]
    [InlineData("/etc/containment/values.yaml")]
    public void A_path_outside_the_project_folder_is_refused_before_anything_is_read(string path)
    {
        var fs = Project($"  containment:helmValues:\n    - {path}\n")
            .With(path, Values("escaped.example.com"));

        var result = Run(fs, "plan", "--stack", "dev");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("CT2340", result.Stdout + result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("escaped.example.com", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_reads_the_setting_from_the_project_folder_pulumi_runs_it_in()
    {
        var fs = new InMemoryFileSystem()
            .With("/project/librechat.yaml", Config)
            .With("/project/infra/values.yaml", Values("gateway-one.example.com"));
        var config =
            "{\"containment:librechatConfig\":\"librechat.yaml\",\"containment:helmValues\":\"[\\\"infra/values.yaml\\\"]\"}";

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
        Assert.Contains("gateway-one.example.com", result.Stdout, StringComparison.Ordinal);
    }
}
