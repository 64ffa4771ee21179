using Containment.Cli.Input;
using Containment.Core.Diagnostics;
using Containment.Core.Settings;

namespace Containment.Tests.Cli;

public class DotEnvFileTests
{
    [Fact]
    public void Parses_names_values_quotes_exports_and_comments()
    {
        var text =
            "# comment\n\nA=1\nexport B = two \nC=\"quoted # not a comment\"\nD='single'\nE=value # trailing\r\nF=\n";
        var diagnostics = new DiagnosticBag();
        var env = DotEnvFile.Parse(text, ".env", diagnostics);
        Assert.Empty(diagnostics.Items);
        Assert.Equal("1", env["A"]);
        Assert.Equal("two", env["B"]);
        Assert.Equal("quoted # not a comment", env["C"]);
        Assert.Equal("single", env["D"]);
        Assert.Equal("value", env["E"]);
        Assert.Equal("", env["F"]);
    }

    [Fact]
    public void Bad_lines_are_reported_without_echoing_their_content()
    {
        var diagnostics = new DiagnosticBag();
        var env = DotEnvFile.Parse(
            "GOOD=1\nSECRET_VALUE_WITHOUT_EQUALS\nX=\"unterminated SECRET\nnot valid SECRET=2\nLAST=3\n",
            ".env",
            diagnostics
        );
        // dotenv keeps an unterminated quote as part of the value (its LINE regex falls back to the unquoted form).
        Assert.Equal("\"unterminated SECRET", env["X"]);
        Assert.Equal(("1", "3"), (env["GOOD"], env["LAST"]));
        Assert.Equal(["CT1018", "CT1018"], diagnostics.Items.Select(d => d.Code));
        Assert.Equal([2, 4], diagnostics.Items.Select(d => d.Span.Line));
        Assert.All(
            diagnostics.Items,
            d => Assert.DoesNotContain("SECRET", d.Message, StringComparison.Ordinal)
        );
    }

    [Fact]
    public void Duplicates_warn_and_the_last_value_wins()
    {
        var diagnostics = new DiagnosticBag();
        var env = DotEnvFile.Parse("A=1\nA=2\n", ".env", diagnostics);
        Assert.Equal("2", env["A"]);
        Assert.Equal(
            ("CT1019", Severity.Warning),
            (diagnostics.Items[0].Code, diagnostics.Items[0].Severity)
        );
    }

    /// <summary>
    /// Expected values produced by Node 20 running dotenv's own LINE regex and parse steps (motdotla/dotenv
    /// lib/main.js, v16) on the same text: export, colon form, all three quotes, a JSON blob over three lines,
    /// escapes kept inside the JSON, \n unescaped in double quotes only, comments, duplicates (last wins).
    /// </summary>
    [Fact]
    public void Parses_exactly_as_the_dotenv_package_LibreChat_uses()
    {
        const string text =
            "# comment\nexport OPENAI_REVERSE_PROXY=https://gw.example.com/v1 # trailing\nEMPTY=\nSINGLE='a # not comment'\nDOUBLE=\"line1\\nline2\"\nBACK=`tick`\nJSON=\"{\n  \\\"a\\\": 1\n}\"\nCOLON: value\n  SPACED  =  padded value  \nnot a valid line\nDUP=first\nDUP=second\nHASH=abc#def\nQUOTED_HASH=\"x\" # c\n";
        var expected = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["OPENAI_REVERSE_PROXY"] = "https://gw.example.com/v1",
            ["EMPTY"] = "",
            ["SINGLE"] = "a # not comment",
            ["DOUBLE"] = "line1\nline2",
            ["BACK"] = "tick",
            ["JSON"] = "{\n  \\\"a\\\": 1\n}",
            ["COLON"] = "value",
            ["SPACED"] = "padded value",
            ["DUP"] = "second",
            ["HASH"] = "abc",
            ["QUOTED_HASH"] = "x",
        };
        var diagnostics = new DiagnosticBag();
        var entries = DotEnvParser.Parse(text, ".env", diagnostics);
        var merged = EnvFileValues.Merge(entries);
        Assert.Equal(
            expected.OrderBy(p => p.Key, StringComparer.Ordinal),
            merged.Values.OrderBy(p => p.Key, StringComparer.Ordinal)
        );
        Assert.Equal(".env:2", merged.Origins["OPENAI_REVERSE_PROXY"]);
        Assert.Equal(".env:7", merged.Origins["JSON"]);
        Assert.Equal(".env:14", merged.Origins["DUP"]);
        Assert.Equal(
            [("CT1018", 12), ("CT1019", 14)],
            diagnostics.Sorted().Select(d => (d.Code, d.Span.Line))
        );
    }

    [Fact]
    public void Later_env_files_win_and_origins_name_the_file_and_line()
    {
        var dir = Directory.CreateTempSubdirectory("containment-envfiles-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "a.env"), "A=1\nB=from-a\n");
            File.WriteAllText(Path.Combine(dir, "b.env"), "\nB=from-b\n");
            var diagnostics = new DiagnosticBag();
            var values = DotEnvFile.LoadAll(
                [Path.Combine(dir, "a.env"), Path.Combine(dir, "b.env")],
                Containment.Core.IO.PhysicalFileSystem.Instance,
                diagnostics
            )!;
            Assert.Equal(("1", "from-b"), (values.Values["A"], values.Values["B"]));
            Assert.Equal(Path.Combine(dir, "b.env") + ":2", values.Origins["B"]);
            Assert.Empty(diagnostics.Items);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void The_cli_takes_env_file_more_than_once_and_the_later_file_wins()
    {
        var dir = Directory.CreateTempSubdirectory("containment-envcli-").FullName;
        try
        {
            var config = Path.Combine(dir, "librechat.yaml");
            File.WriteAllText(
                config,
                "version: \"1.3.17\"\nmcpServers:\n  m:\n    url: \"https://${MCP_HOST}/mcp\"\n"
            );
            File.WriteAllText(Path.Combine(dir, "a.env"), "MCP_HOST=first.example.com\n");
            File.WriteAllText(Path.Combine(dir, "b.env"), "MCP_HOST=second.example.com\n");
            var result = CliRunner.Run(
                "plan",
                "--config",
                config,
                "--format",
                "json",
                "--env-file",
                Path.Combine(dir, "a.env"),
                "--env-file",
                Path.Combine(dir, "b.env")
            );
            Assert.Equal(0, result.ExitCode);
            Assert.Contains("second.example.com", result.Stdout, StringComparison.Ordinal);
            Assert.DoesNotContain("first.example.com", result.Stdout, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void Lint_reports_features_the_environment_alone_switches_on_without_their_values()
    {
        var dir = Directory.CreateTempSubdirectory("containment-envlint-").FullName;
        try
        {
            var config = Path.Combine(dir, "librechat.yaml");
            File.WriteAllText(config, "version: \"1.3.17\"\n");
            File.WriteAllText(
                Path.Combine(dir, ".env"),
                "OPENAI_API_KEY=sk-Zq9LintSecret\nANTHROPIC_API_KEY=x\nENDPOINTS=openAI\n"
            );
            var result = CliRunner.Run(
                "lint",
                "--config",
                config,
                "--env-file",
                Path.Combine(dir, ".env")
            );
            Assert.Equal(0, result.ExitCode);
            var output = result.Stdout + result.Stderr;
            Assert.Contains(
                "CT2303: OPENAI_API_KEY switches on openai, which calls api.openai.com",
                output,
                StringComparison.Ordinal
            );
            Assert.Contains(
                "CT2302: ANTHROPIC_API_KEY is set, but ENDPOINTS hides anthropic",
                output,
                StringComparison.Ordinal
            );
            Assert.DoesNotContain("Zq9LintSecret", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
