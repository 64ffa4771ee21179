using Containment.Cli.Input;
using Containment.Core.Diagnostics;

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
        DotEnvFile.Parse(
            "GOOD=1\nSECRET_VALUE_WITHOUT_EQUALS\nX=\"unterminated SECRET\n",
            ".env",
            diagnostics
        );
        Assert.Equal(["CT1018", "CT1018"], diagnostics.Items.Select(d => d.Code));
        Assert.Equal([2, 3], diagnostics.Items.Select(d => d.Span.Line));
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
}
