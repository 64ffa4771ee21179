using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Containment.Core.Reports;
using Containment.Tests.Infrastructure;
using FsCheck.Xunit;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using static Containment.Tests.Cli.CliRunner;

namespace Containment.Tests.Reports;

/// <summary>
/// Issue 10 item 10: names and values from the config are data. A hostile MCP server name (a YAML key) and a hostile
/// extraDestinations reason (free text in the stack file) go through plan, diff, check and lint in text, Markdown and
/// SARIF; no output line may begin with a GitHub workflow command or carry a raw control or bidi character, no
/// Markdown may render HTML or a link from them, and no SARIF message may embed a link.
/// </summary>
public partial class OutputInjectionProperties
{
    private static readonly string[] Fragments =
    [
        "\n::error::pwn",
        "\r::warning::x",
        "\u001b[2J",
        "\u001b]8;;https://evil.example\u0007",
        "\u202e",
        "\u2066",
        "\u2028",
        "\u0085",
        "\t",
        "\b",
        "`",
        "``",
        "<img src=x onerror=alert(1)>",
        "<!-- containment-diff -->",
        "[l](https://evil.example)",
        "![i](https://evil.example/i.png)",
        "https://evil.example/x",
        "www.evil.example",
        "user@evil.example",
        "|",
        "*b*",
        "_u_",
        "# h",
        "&lt;b&gt;",
        "]",
        "\\",
        "::set-output name=x::y",
        "> q",
        "a",
    ];

    private static readonly MarkdownPipeline Gfm = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseAutoLinks()
        .UseEmphasisExtras()
        .Build();

    private static string Hostile(byte[] picks) =>
        "s" + string.Concat(picks.Take(6).Select(p => Fragments[p % Fragments.Length]));

    [Property(MaxTest = 40)]
    public void Hostile_names_stay_data_in_every_command_and_format(
        byte[] namePicks,
        byte[] reasonPicks
    )
    {
        var fs = Files(Hostile(namePicks), Hostile(reasonPicks));
        string[] settings = ["--settings", "Pulumi.dev.yaml"];
        foreach (var format in new[] { "text", "markdown" })
        {
            Check(format, Run(fs, ["plan", .. settings, "--format", format]));
            Check(
                format,
                Run(fs, ["diff", .. settings, "--base", "base.yaml", "--format", format])
            );
            Check(format, Run(fs, ["check", "mcp.example.com", .. settings, "--format", format]));
        }
        Check("text", Run(fs, ["lint", .. settings]));
        CheckSarif(Run(fs, ["lint", .. settings, "--format", "sarif"]));
    }

    [Fact]
    public void A_newline_in_a_reason_is_shown_escaped_not_as_a_workflow_command()
    {
        var result = Run(
            Files("srv", "r\n::error::pwn\u001b[2J"),
            "plan",
            "--settings",
            "Pulumi.dev.yaml"
        );

        Assert.Contains(
            @"setting extraDestinations (r\n::error::pwn\x1b[2J)",
            result.Stdout,
            StringComparison.Ordinal
        );
        Check("text", result);
    }

    [Fact]
    public void A_code_span_cannot_be_closed_from_inside()
    {
        var code = Core.Reports.Markdown.Code("a``b`c");

        Assert.Equal("```a``b`c```", code);
        var inline = Assert.Single(Inlines(Markdig.Markdown.Parse(code, Gfm)).OfType<CodeInline>());
        Assert.Equal("a``b`c", inline.Content);
    }

    private static InMemoryFileSystem Files(string name, string reason) =>
        new InMemoryFileSystem()
            .With("base.yaml", "version: \"1.3.17\"\n")
            .With(
                "c.yaml",
                "version: \"1.3.17\"\nmcpServers:\n  "
                    + Yaml(name)
                    + ":\n    url: \"https://mcp.example.com/mcp\"\n"
            )
            .With(
                "Pulumi.dev.yaml",
                "config:\n  containment:librechatConfig: c.yaml\n  containment:extraDestinations:\n"
                    + "    - host: ok.example.com\n      reason: "
                    + Yaml(reason)
                    + "\n"
            );

    /// <summary>A YAML double-quoted scalar holding exactly <paramref name="value"/>.</summary>
    private static string Yaml(string value)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in value)
        {
            sb.Append(
                c switch
                {
                    '"' => "\\\"",
                    '\\' => "\\\\",
                    _ when c < 0x20
                            || c
                                is (>= '\u007f' and <= '\u009f')
                                    or '\u2028'
                                    or '\u2029'
                                    or '\u202e'
                                    or '\u2066' => "\\u"
                        + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                    _ => c.ToString(),
                }
            );
        }
        return sb.Append('"').ToString();
    }

    private static void Check(string format, Cli.CliResult result)
    {
        foreach (var output in new[] { result.Stdout, result.Stderr })
        {
            Assert.DoesNotContain(output, c => c != '\n' && TextEscape.NeedsEscape(c));
            Assert.DoesNotContain(
                output.Split('\n'),
                line => line.TrimStart().StartsWith("::", StringComparison.Ordinal)
            );
        }
        if (format == "markdown")
        {
            var document = Markdig.Markdown.Parse(result.Stdout, Gfm);
            var html = document
                .Descendants<HtmlBlock>()
                .Select(b => b.Lines.ToString().Trim())
                .Concat(Inlines(document).OfType<HtmlInline>().Select(h => h.Tag));
            Assert.All(html, tag => Assert.Equal(DiffMarkdownRenderer.Marker, tag));
            Assert.DoesNotContain(Inlines(document), i => i is LinkInline or AutolinkInline);
        }
    }

    private static void CheckSarif(Cli.CliResult result)
    {
        using var sarif = JsonDocument.Parse(result.Stdout);
        foreach (var run in sarif.RootElement.GetProperty("runs").EnumerateArray())
        {
            foreach (var item in run.GetProperty("results").EnumerateArray())
            {
                var text = item.GetProperty("message").GetProperty("text").GetString() ?? "";
                Assert.DoesNotContain(text, TextEscape.NeedsEscape);
                Assert.DoesNotMatch(EmbeddedLink(), text);
            }
        }
        Check("text", result with { Stdout = "" });
    }

    private static IEnumerable<Inline> Inlines(MarkdownDocument document) =>
        document
            .Descendants<LeafBlock>()
            .Where(b => b.Inline is not null)
            .SelectMany(b => b.Inline!.Descendants<Inline>());

    /// <summary>An unescaped <c>](</c>: the start of a SARIF embedded link.</summary>
    [GeneratedRegex(@"(?<!\\)\]\(")]
    private static partial Regex EmbeddedLink();
}
