using System.Text.Json;
using Containment.Core.Diagnostics;
using Containment.Core.Reports;

namespace Containment.Tests.Reports.Sarif;

public class SarifTests
{
    private static readonly DiagnosticDescriptor Syntax = new(
        "CT1001",
        Severity.Error,
        "YAML syntax error",
        "Fix the YAML syntax at the position shown."
    );
    private static readonly DiagnosticDescriptor Http = new(
        "CT2010",
        Severity.Warning,
        "Endpoint uses plain HTTP",
        "Use an `https://` URL: plain HTTP cannot be matched by SNI."
    );
    private static readonly DiagnosticDescriptor Defaults = new(
        "CT4001",
        Severity.Info,
        "Stack settings defaulted",
        "Pass --stack or --settings."
    );

    /// <summary>An error with a position, a warning in a nested folder with a space, and an info on the file only.</summary>
    internal static List<Diagnostic> Sample() =>
        [
            new(
                Http,
                Severity.Warning,
                "endpoints.custom[0].baseURL uses plain HTTP.",
                new("/repo/infra/my config/librechat.yaml", 30, 7)
            ),
            new(
                Syntax,
                Severity.Error,
                "Mapping values are not allowed here.",
                new("infra/librechat.yaml", 12, 9)
            ),
            new(
                Defaults,
                Severity.Info,
                "No stack given: documented defaults apply.",
                SourceSpan.FileOnly("Pulumi.yaml")
            ),
            new(
                Http,
                Severity.Warning,
                "endpoints.custom[1].baseURL uses plain HTTP.",
                new("infra/librechat.yaml", 40, 12)
            ),
        ];

    private static JsonElement Run(string sarif) =>
        JsonDocument.Parse(sarif).RootElement.GetProperty("runs")[0];

    [Fact]
    public void Rules_are_the_codes_used_with_title_help_and_default_level()
    {
        var run = Run(SarifWriter.Write(Sample(), "1.2.3", "/repo"));

        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.Equal("containment", driver.GetProperty("name").GetString());
        Assert.Equal("1.2.3", driver.GetProperty("version").GetString());
        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(
            ["CT1001", "CT2010", "CT4001"],
            rules.Select(r => r.GetProperty("id").GetString())
        );
        var http = rules[1];
        Assert.Equal("EndpointUsesPlainHTTP", http.GetProperty("name").GetString());
        Assert.Equal(
            "Endpoint uses plain HTTP",
            http.GetProperty("shortDescription").GetProperty("text").GetString()
        );
        Assert.Equal(Http.Help, http.GetProperty("help").GetProperty("text").GetString());
        Assert.Contains(
            Http.Help,
            http.GetProperty("help").GetProperty("markdown").GetString(),
            StringComparison.Ordinal
        );
        Assert.Equal(
            "warning",
            http.GetProperty("defaultConfiguration").GetProperty("level").GetString()
        );
        Assert.Equal(
            "note",
            rules[2].GetProperty("defaultConfiguration").GetProperty("level").GetString()
        );
    }

    [Fact]
    public void Results_have_levels_relative_forward_slash_uris_and_regions()
    {
        var results = Run(SarifWriter.Write(Sample(), "1.2.3", "/repo"))
            .GetProperty("results")
            .EnumerateArray()
            .ToList();

        // Sorted like DiagnosticBag.Sorted(): by file, line, column.
        Assert.Equal(
            ["note", "error", "warning", "warning"],
            results.Select(r => r.GetProperty("level").GetString())
        );
        var error = results[1];
        Assert.Equal("CT1001", error.GetProperty("ruleId").GetString());
        Assert.Equal(0, error.GetProperty("ruleIndex").GetInt32());
        Assert.Equal(
            "Mapping values are not allowed here.",
            error.GetProperty("message").GetProperty("text").GetString()
        );
        var location = error.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal(
            "infra/librechat.yaml",
            location.GetProperty("artifactLocation").GetProperty("uri").GetString()
        );
        Assert.Equal(
            "%SRCROOT%",
            location.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString()
        );
        Assert.Equal(12, location.GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Equal(9, location.GetProperty("region").GetProperty("startColumn").GetInt32());
        var nested = results[3]
            .GetProperty("locations")[0]
            .GetProperty("physicalLocation")
            .GetProperty("artifactLocation");
        Assert.Equal("infra/my%20config/librechat.yaml", nested.GetProperty("uri").GetString());
    }

    [Fact]
    public void A_diagnostic_without_a_line_has_no_region()
    {
        var info = Run(SarifWriter.Write(Sample(), "1.2.3", "/repo")).GetProperty("results")[0];

        var location = info.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal(
            "Pulumi.yaml",
            location.GetProperty("artifactLocation").GetProperty("uri").GetString()
        );
        Assert.False(location.TryGetProperty("region", out _));
    }

    [Fact]
    public void Output_is_byte_stable_whatever_the_input_order()
    {
        var sample = Sample();
        var reversed = Enumerable.Reverse(sample).ToList();

        Assert.Equal(
            SarifWriter.Write(sample, "1.2.3", "/repo"),
            SarifWriter.Write(reversed, "1.2.3", "/repo")
        );
    }

    [Theory]
    [InlineData("/repo/infra/librechat.yaml", "/repo", "infra/librechat.yaml")]
    [InlineData("infra/librechat.yaml", "/repo", "infra/librechat.yaml")]
    [InlineData("/repo/a b/c#d.yaml", "/repo/", "a%20b/c%23d.yaml")]
    public void Uris_are_relative_to_the_base_directory(
        string file,
        string baseDirectory,
        string expected
    )
    {
        Assert.Equal(expected, SarifWriter.RelativeUri(file, baseDirectory));
    }
}

/// <summary>Issue 11 item 5: a region carries the value's end so GitHub underlines the whole value, not one character.</summary>
public class SarifRegionEndTests
{
    private static readonly DiagnosticDescriptor Http = new(
        "CT2010",
        Severity.Warning,
        "Endpoint uses plain HTTP",
        "Use an `https://` URL."
    );

    private static JsonElement Region(SourceSpan span) =>
        JsonDocument
            .Parse(SarifWriter.Write([new(Http, Severity.Warning, "m", span)], "1", "/repo"))
            .RootElement.GetProperty("runs")[0]
            .GetProperty("results")[0]
            .GetProperty("locations")[0]
            .GetProperty("physicalLocation")
            .GetProperty("region");

    [Fact]
    public void A_span_with_an_end_gives_end_line_and_end_column()
    {
        var region = Region(
            new SourceSpan("infra/librechat.yaml", 30, 7) { EndLine = 30, EndColumn = 31 }
        );

        Assert.Equal(
            (30, 7, 30, 31),
            (
                region.GetProperty("startLine").GetInt32(),
                region.GetProperty("startColumn").GetInt32(),
                region.GetProperty("endLine").GetInt32(),
                region.GetProperty("endColumn").GetInt32()
            )
        );
    }

    [Fact]
    public void A_span_without_an_end_has_no_end_properties()
    {
        var region = Region(new SourceSpan("infra/librechat.yaml", 30, 7));

        Assert.False(region.TryGetProperty("endLine", out _));
        Assert.False(region.TryGetProperty("endColumn", out _));
    }
}
