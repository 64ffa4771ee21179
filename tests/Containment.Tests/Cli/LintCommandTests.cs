using System.Text.Json;
using Containment.Core.IO;
using Containment.Tests.Infrastructure;
using Moq;
using static Containment.Tests.Cli.CliRunner;
using static Containment.Tests.Infrastructure.ReaderTestKit;

namespace Containment.Tests.Cli;

public class LintCommandTests
{
    [Fact]
    public void A_usable_file_exits_0_with_a_summary_on_stderr()
    {
        var result = Run(
            new InMemoryFileSystem().With("c.yaml", "version: \"1.3.1\"\n"),
            "lint",
            "--config",
            "c.yaml"
        );
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stdout);
        // Lint runs the policy stage as plan does, so the policy's own warnings (CT3005) are reported too.
        Assert.Contains("c.yaml: usable, 0 errors", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("CT3005", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("monitor", 0, "warning CT2008")]
    [InlineData("enforce", 1, "error CT2008")]
    public void With_a_stack_an_unresolved_url_variable_follows_the_stack_mode(
        string mode,
        int exitCode,
        string expected
    )
    {
        var yaml = "version: \"1\"\nmcpServers:\n  m:\n    url: \"https://${NOPE}.example/sse\"\n";
        var fs = new InMemoryFileSystem()
            .With("c.yaml", yaml)
            .With(
                "Pulumi.s.yaml",
                $"config:\n  containment:mode: {mode}\n  containment:librechatConfig: c.yaml\n"
            );
        var result = Run(fs, "lint", "--settings", "Pulumi.s.yaml");
        Assert.Equal(exitCode, result.ExitCode);
        Assert.Contains($"c.yaml(4,10): {expected}:", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stack_file_elsewhere_reads_librechat_yaml_relative_to_its_own_folder()
    {
        var fs = new InMemoryFileSystem()
            .With(Path.Combine("project", "infra", "c.yaml"), "version: 1.0\n")
            .With(
                Path.Combine("project", "Pulumi.s.yaml"),
                "config:\n  containment:librechatConfig: infra/c.yaml\n"
            );
        var result = Run(fs, "lint", "--settings", Path.Combine("project", "Pulumi.s.yaml"));
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith(
            "infra/c.yaml(1,10): error CT2005:",
            result.Stderr,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void With_a_stack_its_env_resolves_url_variables()
    {
        var yaml = "version: \"1\"\nmcpServers:\n  m:\n    url: \"https://${NOPE}.example/sse\"\n";
        var fs = new InMemoryFileSystem()
            .With("c.yaml", yaml)
            .With(
                "Pulumi.s.yaml",
                "config:\n  containment:mode: enforce\n  containment:cluster:\n    id: c1\n  containment:env:\n    NOPE: mcp\n"
            );
        var result = Run(fs, "lint", "--settings", "Pulumi.s.yaml", "--config", "c.yaml");
        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("CT2008", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_exit_1_and_render_msbuild_style()
    {
        var result = Run(
            new InMemoryFileSystem().With("c.yaml", "version: 1.0\n"),
            "lint",
            "--config",
            "c.yaml"
        );
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith(
            "c.yaml(1,10): error CT2005: version must be a string",
            result.Stderr,
            StringComparison.Ordinal
        );
        Assert.EndsWith(
            "c.yaml: not usable, 1 error (in c.yaml), 0 warnings\n",
            result.Stderr,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void Warnings_alone_exit_0()
    {
        var yaml = "version: \"1\"\nmcpServers:\n  m:\n    url: \"https://${NOPE}.example/sse\"\n";
        var result = Run(
            new InMemoryFileSystem().With("c.yaml", yaml),
            "lint",
            "--config",
            "c.yaml"
        );
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("c.yaml(4,10): warning CT2008:", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_format_prints_the_stable_document_on_stdout()
    {
        var yaml =
            "version: \"1\"\nbogus: 1\nmcpServers:\n  m:\n    url: \"https://${NOPE}.example/sse\"\n";
        var result = Run(
            new InMemoryFileSystem().With("c.yaml", yaml),
            "lint",
            "--config",
            "c.yaml",
            "--format",
            "json"
        );
        Assert.Equal(1, result.ExitCode);
        // The verdict goes to stderr in every format: an exit 1 always says why.
        Assert.Contains("not usable", result.Stderr, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(result.Stdout);
        var root = doc.RootElement;
        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal("c.yaml", root.GetProperty("file").GetString());
        Assert.Equal(1, root.GetProperty("errors").GetInt32());
        Assert.Equal(1, root.GetProperty("warnings").GetInt32());
        var first = root.GetProperty("diagnostics")[0];
        Assert.Equal(
            ("error", "CT2001", "c.yaml", 2, 1),
            (
                first.GetProperty("severity").GetString(),
                first.GetProperty("code").GetString(),
                first.GetProperty("file").GetString(),
                first.GetProperty("line").GetInt32(),
                first.GetProperty("column").GetInt32()
            )
        );
        Assert.DoesNotContain("\r", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_output_is_byte_identical_across_runs()
    {
        var a = Run("lint", "--config", Fixture("full.yaml"), "--format", "json");
        var b = Run("lint", "--config", Fixture("full.yaml"), "--format", "json");
        Assert.Equal(a.Stdout, b.Stdout);
    }

    [Fact]
    public void A_missing_file_has_null_position_in_json()
    {
        var result = Run(
            new InMemoryFileSystem(),
            "lint",
            "--config",
            "missing.yaml",
            "--format",
            "json"
        );
        Assert.Equal(1, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Stdout);
        var d = doc.RootElement.GetProperty("diagnostics")[0];
        Assert.Equal(JsonValueKind.Null, d.GetProperty("line").ValueKind);
        Assert.Equal("CT1001", d.GetProperty("code").GetString());
    }

    public static TheoryData<string, string> BadInputs() =>
        new()
        {
            { "syntax-error.yaml", "CT1007" },
            { "second-document.yaml", "CT1008" },
            { "duplicate-key.yaml", "CT1009" },
            { "tab-indent.yaml", "CT1010" },
            { "alias-bomb.yaml", "CT1011" },
            { "url-wrong-type.yaml", "CT2007" },
            { "version-float.yaml", "CT2005" },
            { "anthropic-models-mapping.yaml", "CT2006" },
        };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Each_bad_input_gives_one_clear_diagnostic_and_exit_1(string fixture, string code)
    {
        var result = Run("lint", "--config", Fixture(fixture));
        Assert.Equal(1, result.ExitCode);
        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Matches(@"\(\d+,\d+\): error " + code + ": ", lines[0]);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_files_without_content_name_only_the_file()
    {
        var fs = new InMemoryFileSystem()
            .With("empty.yaml", "")
            .With("bin.yaml", new byte[] { 0x7F, 0x45, 0x4C, 0x46, 0, 0, 1 })
            .WithDirectory("dir");
        Assert.Equal(
            "empty.yaml: error CT1003: the file holds no YAML content (it is empty, or only comments and blank lines)",
            Run(fs, "lint", "--config", "empty.yaml").Stderr.Split('\n')[0]
        );
        Assert.Equal(
            "missing.yaml: error CT1001: the file was not found",
            Run(fs, "lint", "--config", "missing.yaml").Stderr.Split('\n')[0]
        );
        Assert.StartsWith(
            "dir: error CT1002:",
            Run(fs, "lint", "--config", "dir").Stderr,
            StringComparison.Ordinal
        );
        var binary = Run(fs, "lint", "--config", "bin.yaml");
        Assert.Equal(1, binary.ExitCode);
        Assert.Contains("error CT1005:", binary.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Deep_nesting_and_oversize_files_exit_1()
    {
        var deep = "a: " + new string('[', 50_000) + new string(']', 50_000) + "\n";
        Assert.Equal(
            1,
            Run(
                new InMemoryFileSystem().With("deep.yaml", deep),
                "lint",
                "--config",
                "deep.yaml"
            ).ExitCode
        );
        var fs = new Mock<IFileSystem>();
        fs.Setup(f => f.FileExists("big.yaml")).Returns(true);
        fs.Setup(f => f.GetFileLength("big.yaml")).Returns(1L << 40);
        var big = Run(fs.Object, "lint", "--config", "big.yaml");
        Assert.Equal(1, big.ExitCode);
        Assert.Contains("error CT1004:", big.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Env_file_values_resolve_url_variables()
    {
        var yaml = "version: \"1\"\nmcpServers:\n  m:\n    url: \"${HOST}/sse\"\n";
        var fs = new InMemoryFileSystem()
            .With("c.yaml", yaml)
            .With(".env", "HOST=https://mcp.example.com\n");
        var result = Run(fs, "lint", "--config", "c.yaml", "--env-file", ".env");
        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("CT2008", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("c.yaml: usable, 0 errors", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_env_file_is_an_error()
    {
        var fs = new InMemoryFileSystem().With("c.yaml", "version: \"1\"\n");
        var result = Run(fs, "lint", "--config", "c.yaml", "--env-file", "nope.env");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(
            "nope.env: error CT1001: the env file was not found",
            result.Stderr,
            StringComparison.Ordinal
        );
    }

    [Theory]
    [InlineData("lint", "--format", "xml", "--config", "c.yaml")]
    [InlineData("lint", "--bogus")]
    [InlineData("frobnicate")]
    [InlineData("lint", "--config")]
    public void Usage_errors_exit_2_with_one_line_and_a_help_hint(params string[] args)
    {
        var result = Run(new InMemoryFileSystem().With("c.yaml", "version: \"1\"\n"), args);
        Assert.Equal(2, result.ExitCode);
        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("containment: ", lines[0], StringComparison.Ordinal);
        Assert.Contains("--help", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void No_command_is_a_usage_error()
    {
        Assert.Equal(2, Run().ExitCode);
    }

    [Fact]
    public void Lint_help_shows_an_example()
    {
        var result = Run("lint", "--help");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains(
            "containment lint --config infra/librechat.yaml",
            result.Stdout,
            StringComparison.Ordinal
        );
        Assert.Contains("--env-file", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bug_is_one_line_and_exit_3_never_a_stack_trace()
    {
        var fs = new Mock<IFileSystem>();
        fs.Setup(f => f.DirectoryExists(It.IsAny<string>()))
            .Throws(new InvalidOperationException("boom"));
        var result = Run(fs.Object, "lint", "--config", "c.yaml");
        Assert.Equal((3, "containment: internal error: boom\n"), (result.ExitCode, result.Stderr));
    }

    [Fact]
    public void Without_config_the_default_path_is_used_with_a_warning()
    {
        var fs = new InMemoryFileSystem().With("infra/librechat.yaml", "version: \"1\"\n");
        var result = Run(fs, "lint");
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith(
            "containment: warning: no --config given; using infra/librechat.yaml",
            result.Stderr,
            StringComparison.Ordinal
        );
    }
}
