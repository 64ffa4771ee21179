using Containment.Core.Diagnostics;
using Containment.Core.Reports;
using static Containment.Tests.Infrastructure.Models.SampleReviewPolicies;
using static Containment.Tests.Infrastructure.ReaderTestKit;

namespace Containment.Tests.Reports.Diff;

/// <summary>Issue 14 item 5: a diagnostic's identity in a diff is (code, config path, message), never its line.</summary>
public class DiagnosticIdentityTests
{
    private const string Server =
        "version: \"1\"\nmcpServers:\n  m:\n    url: \"https://${MCP_HOST}/sse\"\n";

    private static IReadOnlyList<Diagnostic> NewDiagnostics(
        IReadOnlyList<Diagnostic> before,
        IReadOnlyList<Diagnostic> after
    ) =>
        PolicyDiff
            .Compare(
                new PolicySnapshot("base", Base(), before),
                new PolicySnapshot("head", Base(), after)
            )
            .NewDiagnostics;

    [Fact]
    public void The_reader_gives_each_diagnostic_its_config_path_and_the_whole_extent_of_the_value()
    {
        var d = Single(Read(Server).Diagnostics);

        Assert.Equal("mcpServers.m.url", d.Span.ConfigPath);
        // The value "https://${MCP_HOST}/sse" starts at column 10 and is 25 characters long (quotes included); the end column is exclusive.
        Assert.Equal(
            (4, 10, 4, 35),
            (d.Span.Line, d.Span.Column, d.Span.EndLine, d.Span.EndColumn)
        );
        // Text output keeps its file(line,col) form.
        Assert.StartsWith("t.yaml(4,10): warning CT2008: ", d.Render(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_comment_line_inserted_above_an_existing_warning_reports_nothing_new()
    {
        var before = Read(Server).Diagnostics.Items;
        var after = Read(
            Server.Replace(
                "mcpServers:",
                "# a reviewer's note\nmcpServers:",
                StringComparison.Ordinal
            )
        ).Diagnostics.Items;

        Assert.NotEqual(before[0].Span.Line, after[0].Span.Line);
        Assert.Empty(NewDiagnostics(before, after));
    }

    [Fact]
    public void The_same_message_at_another_config_path_is_new()
    {
        var original = Warning(PlainHttp, 18, "uses plain HTTP.");
        var atFirst = original with
        {
            Span = original.Span with { ConfigPath = "endpoints.custom[0].baseURL" },
        };
        var atSecond = original with
        {
            Span = original.Span with { ConfigPath = "endpoints.custom[1].baseURL" },
        };

        Assert.Empty(
            NewDiagnostics([atFirst], [atFirst with { Span = atFirst.Span with { Line = 30 } }])
        );
        Assert.Equal(
            "endpoints.custom[1].baseURL",
            Assert.Single(NewDiagnostics([atFirst], [atSecond])).Span.ConfigPath
        );
    }

    [Fact]
    public void A_value_reached_through_an_alias_keeps_the_path_of_its_anchor()
    {
        var yaml =
            "version: \"1\"\nmcpServers:\n  a:\n    url: &u \"https://${MCP_HOST}/sse\"\n  b:\n    url: *u\n";

        var paths = Read(yaml).Diagnostics.Items.Select(d => d.Span.ConfigPath).Distinct().ToList();

        Assert.Equal(["mcpServers.a.url"], paths);
    }

    [Fact]
    public void Diff_json_gives_a_new_diagnostic_its_config_path_and_extent()
    {
        var after = Read(Server).Diagnostics.Items;
        var diff = PolicyDiff.Compare(
            new PolicySnapshot("base", Base(), []),
            new PolicySnapshot("head", Base(), after)
        );

        using var json = System.Text.Json.JsonDocument.Parse(DiffJsonWriter.Write(diff));
        var d = Assert.Single(json.RootElement.GetProperty("newDiagnostics").EnumerateArray());

        // The machine reading the diff matches diagnostics by path, as `diff` itself does, and marks the whole value.
        Assert.Equal("mcpServers.m.url", d.GetProperty("path").GetString());
        Assert.Equal(
            (4, 10, 4, 35),
            (
                d.GetProperty("line").GetInt32(),
                d.GetProperty("column").GetInt32(),
                d.GetProperty("endLine").GetInt32(),
                d.GetProperty("endColumn").GetInt32()
            )
        );
    }
}
