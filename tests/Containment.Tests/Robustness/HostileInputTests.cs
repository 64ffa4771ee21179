using System.Text;
using Containment.Cli;
using Containment.Core.Diagnostics;
using Containment.Core.IO;
using Containment.Core.Net;
using Containment.Core.Yaml;
using Moq;

namespace Containment.Tests.Robustness;

/// <summary>
/// librechat.yaml arrives in pull requests that anyone can open: each hostile shape ends in a clear
/// diagnostic (or a safe result), never a crash, a hang or an echo of what it smuggles. Limits: docs/limits.md.
/// </summary>
public class HostileInputTests
{
    private static PipelineRunner.Outputs Run(string yaml) =>
        PipelineRunner.Run(Encoding.UTF8.GetBytes(yaml));

    private static string Valid(string endpointsAndMore) =>
        "version: 1.3.17\n" + endpointsAndMore.Replace("\r\n", "\n", StringComparison.Ordinal);

    private static IEnumerable<string> Codes(PipelineRunner.Outputs outputs) =>
        outputs.Diagnostics.Select(d => d.Code);

    [Fact]
    public void An_alias_bomb_is_refused_at_the_expansion_limit()
    {
        var sb = new StringBuilder(
            "version: 1.3.17\nlol0: &l0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n"
        );
        for (var i = 1; i <= 12; i++)
        {
            sb.Append("lol")
                .Append(i)
                .Append(": &l")
                .Append(i)
                .Append(" [")
                .AppendJoin(", ", Enumerable.Repeat($"*l{i - 1}", 9))
                .Append("]\n");
        }
        var outputs = Run(sb.ToString());
        Assert.Contains(DiagnosticCatalog.AliasExpansionLimit.Code, Codes(outputs));
        Assert.Null(outputs.Config);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_deeply_nested_document_is_refused_at_the_depth_limit(bool flow)
    {
        const int depth = 20_000;
        var yaml = flow
            ? "version: 1.3.17\nx: " + new string('[', depth) + new string(']', depth) + "\n"
            : "version: 1.3.17\n"
                + string.Concat(
                    Enumerable.Range(0, depth).Select(i => new string(' ', i) + "k:\n")
                );
        var outputs = Run(yaml);
        Assert.Contains(outputs.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Null(outputs.Config);
    }

    [Fact]
    public void A_100_MB_file_is_refused_by_its_size_before_it_is_read()
    {
        var path = Path.Combine(
            Path.GetTempPath(),
            $"containment-100mb-{Environment.ProcessId}.yaml"
        );
        try
        {
            using (var stream = File.Create(path))
            {
                stream.SetLength(100L * 1024 * 1024); // sparse on most file systems: instant, no 100 MB of writes
            }
            var fs = new Mock<IFileSystem>(MockBehavior.Strict);
            fs.Setup(f => f.DirectoryExists(path)).Returns(false);
            fs.Setup(f => f.FileExists(path)).Returns(true);
            fs.Setup(f => f.GetFileLength(path))
                .Returns(() => PhysicalFileSystem.Instance.GetFileLength(path));
            var diagnostics = new DiagnosticBag();

            Assert.Null(YamlLoader.LoadFile(path, fs.Object, diagnostics));

            var diagnostic = Assert.Single(diagnostics.Items);
            Assert.Equal(DiagnosticCatalog.FileTooLarge.Code, diagnostic.Code);
            Assert.Contains("104857600 bytes", diagnostic.Message, StringComparison.Ordinal);
            fs.Verify(f => f.ReadAtMost(It.IsAny<string>(), It.IsAny<long>()), Times.Never);

            var stdout = new StringWriter();
            var stderr = new StringWriter();
            Assert.Equal(
                ExitCodes.ConfigErrors,
                CliApp.Run(
                    ["lint", "--config", path],
                    stdout,
                    stderr,
                    fs.Object,
                    new Mock<IEnvironment>().Object
                )
            );
            Assert.Contains(
                DiagnosticCatalog.FileTooLarge.Code,
                stdout.ToString() + stderr,
                StringComparison.Ordinal
            );
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Very_long_lines_and_keys_end_in_diagnostics_that_do_not_repeat_them()
    {
        var longValue = "https://" + new string('a', 1_000_000) + ".example.com/v1";
        var longKey = new string('k', 100_000);
        var outputs = Run(
            Valid(
                $"""
                endpoints:
                  custom:
                    - name: long
                      apiKey: x
                      baseURL: '{longValue}'
                      models:
                        default: [m]
                {longKey}: 1
                """
            )
        );
        Assert.Contains(outputs.Diagnostics, d => d.Severity == Severity.Error);
        Assert.All(
            outputs.AllText,
            text => Assert.DoesNotContain(new string('a', 10_000), text, StringComparison.Ordinal)
        );
        Assert.All(
            outputs.AllText,
            text => Assert.DoesNotContain(new string('k', 10_000), text, StringComparison.Ordinal)
        );
    }

    [Fact]
    public void A_NUL_byte_is_refused_as_binary_content_with_its_position()
    {
        var bytes = Encoding.UTF8.GetBytes("version: 1.3.17\nendpoints:\n  custom: x\0y\n");
        var outputs = PipelineRunner.Run(bytes);
        var diagnostic = Assert.Single(outputs.Diagnostics);
        Assert.Equal(DiagnosticCatalog.BinaryContent.Code, diagnostic.Code);
        Assert.Equal(3, diagnostic.Span.Line);
    }

    [Fact]
    public void Invalid_UTF8_is_refused_with_its_position()
    {
        byte[] bytes =
        [
            .. Encoding.UTF8.GetBytes("version: 1.3.17\ncache: "),
            0xC3,
            0x28,
            (byte)'\n',
        ];
        var outputs = PipelineRunner.Run(bytes);
        var diagnostic = Assert.Single(outputs.Diagnostics);
        Assert.Equal(DiagnosticCatalog.InvalidUtf8.Code, diagnostic.Code);
        Assert.Equal(2, diagnostic.Span.Line);
    }

    [Fact]
    public void CRLF_line_ends_and_a_BOM_change_nothing()
    {
        var lf = ScaledConfigGenerator.Generate(6);
        var crlfBom = "\uFEFF" + lf.Replace("\n", "\r\n", StringComparison.Ordinal);
        var expected = Run(lf);
        var actual = PipelineRunner.Run(Encoding.UTF8.GetBytes(crlfBom));
        Assert.NotNull(expected.Model);
        Assert.Equal(expected.AllText, actual.AllText);
    }

    [Fact]
    public void Tab_indentation_is_refused_with_its_position_while_tabs_in_values_are_kept()
    {
        var tabbed = Run("version: 1.3.17\nendpoints:\n\tcustom: []\n");
        var diagnostic = Assert.Single(tabbed.Diagnostics);
        Assert.Equal(DiagnosticCatalog.TabIndentation.Code, diagnostic.Code);
        Assert.Equal(3, diagnostic.Span.Line);

        var inValue = Run("version: 1.3.17\ninterface:\n  customWelcome: \"a\\tb\ttab\"\n");
        Assert.DoesNotContain(inValue.Diagnostics, d => d.Severity == Severity.Error);
    }

    [Fact]
    public void A_host_with_a_Cyrillic_confusable_becomes_punycode_and_is_flagged()
    {
        const string CyrillicA = "\u0430";
        var outputs = Run(
            Valid(
                $"""
                endpoints:
                  custom:
                    - name: lookalike
                      apiKey: x
                      baseURL: 'https://api.open{CyrillicA}i.com/v1'
                      models:
                        default: [m]
                """
            )
        );
        Assert.NotNull(outputs.Model);
        var hosts = outputs.Model.WebGroups.SelectMany(g => g.Hosts).Select(h => h.Host).ToList();
        Assert.Contains("api.xn--openi-7ve.com", hosts);
        Assert.DoesNotContain(hosts, h => h.Any(c => c > '\u007F'));
        var flagged = Assert.Single(
            outputs.Diagnostics,
            d => d.Code == DiagnosticCatalog.InternationalizedHost.Code
        );
        Assert.Contains("api.xn--openi-7ve.com", flagged.Message, StringComparison.Ordinal);
        Assert.Equal(Severity.Warning, flagged.Severity);
        Assert.All(
            outputs.AllText,
            text => Assert.DoesNotContain("open" + CyrillicA + "i", text, StringComparison.Ordinal)
        );
    }

    [Fact]
    public void Self_referencing_variables_stay_unresolved_instead_of_looping()
    {
        var settings = PipelineRunner.SettingsVariants[0] with
        {
            Env = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["SELF"] = "${SELF}",
                ["A"] = "${B}",
                ["B"] = "https://${A}/v1",
            },
        };
        var yaml = Valid(
            """
            endpoints:
              custom:
                - name: self
                  apiKey: x
                  baseURL: '${SELF}'
                  models:
                    default: [m]
                - name: chain
                  apiKey: x
                  baseURL: 'https://${A}.example.com/${B}'
                  models:
                    default: [m]
            """
        );
        var outputs = PipelineRunner.Run(Encoding.UTF8.GetBytes(yaml), settings);
        // LibreChat expands once: "${SELF}" stays literal, "${B}" is not expanded again. Both hosts are unusable.
        Assert.Contains(outputs.Diagnostics, d => d.Severity == Severity.Error && d.Span.Line == 6);
        Assert.Contains(
            outputs.Diagnostics,
            d => d.Severity == Severity.Error && d.Span.Line == 11
        );
        Assert.DoesNotContain(
            outputs.Model?.WebGroups.SelectMany(g => g.Hosts) ?? [],
            h => h.Host.Contains("example.com", StringComparison.Ordinal)
        );
        Assert.Equal(
            outputs.AllText,
            PipelineRunner.Run(Encoding.UTF8.GetBytes(yaml), settings).AllText
        );
    }

    [Fact]
    public void Userinfo_in_a_URL_never_reaches_any_output()
    {
        var outputs = Run(
            Valid(
                """
                endpoints:
                  custom:
                    - name: basic-auth
                      apiKey: x
                      baseURL: 'https://alice-Q7USERINFO:hunter2-Q7PASSWORD@gateway.example.com:8443/v1?token=Q7QUERY-SECRET'
                      models:
                        default: [m]
                mcpServers:
                  remote:
                    type: streamable-http
                    url: 'https://bob-Q7USERINFO:pw-Q7PASSWORD@mcp.example.net/mcp?key=Q7QUERY-SECRET'
                """
            )
        );
        Assert.NotNull(outputs.Model);
        var hosts = outputs.Model.WebGroups.SelectMany(g => g.Hosts).Select(h => h.Host).ToList();
        Assert.Contains("gateway.example.com", hosts);
        Assert.Contains("mcp.example.net", hosts);
        foreach (var secret in new[] { "Q7USERINFO", "Q7PASSWORD", "Q7QUERY-SECRET", "hunter2" })
        {
            Assert.All(
                outputs.AllText,
                text => Assert.DoesNotContain(secret, text, StringComparison.Ordinal)
            );
        }
    }

    [Theory]
    [InlineData("exa\\u0007mple.com")]
    [InlineData("example.com\\u001b[31m")]
    [InlineData("exa\\rmple.com")]
    [InlineData("example\\u0085.com")]
    [InlineData("exa\\u202Emple.com")]
    public void Control_characters_in_hosts_are_refused_and_never_printed(string escapedHost)
    {
        var outputs = Run(
            Valid(
                $"""
                endpoints:
                  custom:
                    - name: ctl
                      apiKey: x
                      baseURL: "https://{escapedHost}/v1"
                      models:
                        default: [m]
                """
            )
        );
        Assert.Contains(
            outputs.Diagnostics,
            d =>
                d.Severity == Severity.Error
                && d.Message.Contains("baseURL", StringComparison.Ordinal)
        );
        Assert.All(
            outputs.AllText,
            text =>
                Assert.DoesNotContain(
                    text,
                    c => char.IsControl(c) && c is not '\n' || c is '\u202E'
                )
        );
    }

    [Fact]
    public void Every_host_the_pipeline_emits_is_normalised()
    {
        // Whatever a hostile file does, a host that reaches a WebGroup is lower-case ASCII in normal form.
        foreach (var host in ConfigGrammar.Hosts)
        {
            var outputs = Run(
                Valid(
                    $"""
                    endpoints:
                      custom:
                        - name: h
                          apiKey: x
                          baseURL: {YamlRender.Quote("https://" + host + "/v1")}
                          models:
                            default: [m]
                    """
                )
            );
            foreach (
                var emitted in outputs
                    .Model?.WebGroups.SelectMany(g => g.Hosts)
                    .Where(h => !h.IsDeferred)
                    .Select(h => h.Host)
                    ?? []
            )
            {
                Assert.Equal(HostName.Normalize(emitted), emitted);
                Assert.DoesNotContain(
                    emitted,
                    c => c > '\u007F' || char.IsControl(c) || char.IsWhiteSpace(c)
                );
            }
        }
    }
}
