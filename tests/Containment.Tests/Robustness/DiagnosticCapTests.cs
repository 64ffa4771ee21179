using System.Text;
using System.Text.Json;
using Containment.Core.Diagnostics;
using Containment.Tests.Infrastructure;
using static Containment.Tests.Cli.CliRunner;

namespace Containment.Tests.Robustness;

/// <summary>
/// Issue 10 item 9: diagnostics are capped per file in one place (DiagnosticBag), so a file with a million findings
/// cannot make lint hold or print a million. Structural assertions on large generated input, never timings.
/// </summary>
public class DiagnosticCapTests
{
    [Fact]
    public void Lint_sarif_on_5000_unknown_keys_reports_the_cap_and_one_summary_counting_the_rest()
    {
        var fs = new InMemoryFileSystem().With("many.yaml", UnknownTopLevelKeys(5000));

        var result = Run(fs, "lint", "--config", "many.yaml", "--format", "sarif");

        Assert.Equal(1, result.ExitCode);
        using var sarif = JsonDocument.Parse(result.Stdout);
        var results = sarif
            .RootElement.GetProperty("runs")[0]
            .GetProperty("results")
            .EnumerateArray()
            .ToList();
        Assert.Equal(DiagnosticBag.MaxPerFile + 1, results.Count);
        var summary = Assert.Single(
            results,
            r => r.GetProperty("ruleId").GetString() == DiagnosticCatalog.DiagnosticsCapped.Code
        );
        Assert.Equal("error", summary.GetProperty("level").GetString());
        Assert.StartsWith(
            "4000 more diagnostics for this file are not shown",
            summary.GetProperty("message").GetProperty("text").GetString(),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void Lint_text_output_stays_bounded_on_20000_unknown_keys()
    {
        var fs = new InMemoryFileSystem().With("many.yaml", UnknownTopLevelKeys(20_000));

        var result = Run(fs, "lint", "--config", "many.yaml");

        Assert.Equal(1, result.ExitCode);
        var lines = (result.Stdout + result.Stderr).Split(
            '\n',
            StringSplitOptions.RemoveEmptyEntries
        );
        Assert.InRange(lines.Length, DiagnosticBag.MaxPerFile, DiagnosticBag.MaxPerFile + 5);
        Assert.Contains(
            lines,
            l =>
                l.Contains(
                    "error CT1102: 19000 more diagnostics for this file are not shown",
                    StringComparison.Ordinal
                )
        );
    }

    [Fact]
    public void An_error_past_the_cap_still_fails_the_run()
    {
        var bag = new DiagnosticBag();
        for (var i = 0; i < DiagnosticBag.MaxPerFile; i++)
        {
            bag.Add(
                DiagnosticCatalog.InternationalizedHost,
                new SourceSpan("a.yaml", i + 1, 1),
                "warning"
            );
        }

        bag.Add(
            DiagnosticCatalog.FileTooLarge,
            SourceSpan.FileOnly("a.yaml"),
            "the error past the cap"
        );

        Assert.True(bag.HasErrors);
        Assert.Equal(DiagnosticBag.MaxPerFile + 1, bag.Items.Count);
        Assert.Equal(DiagnosticBag.MaxPerFile + 1, bag.Reported);
    }

    [Fact]
    public void The_cap_is_per_file_and_merging_bags_keeps_the_count_of_what_was_not_shown()
    {
        var reader = new DiagnosticBag();
        var schema = new DiagnosticBag();
        for (var i = 0; i < 1500; i++)
        {
            reader.Add(
                DiagnosticCatalog.InternationalizedHost,
                new SourceSpan("a.yaml", i + 1, 1),
                "r"
            );
            schema.Add(
                DiagnosticCatalog.InternationalizedHost,
                new SourceSpan("a.yaml", i + 1, 2),
                "s"
            );
        }

        schema.Add(
            DiagnosticCatalog.InternationalizedHost,
            new SourceSpan("b.yaml", 1, 1),
            "other file"
        );
        var merged = new DiagnosticBag();
        merged.AddRange(reader.Items);
        merged.AddRange(schema.Items);

        Assert.Equal(3001, merged.Reported);
        var summary = Assert.Single(
            merged.Items,
            d => d.Descriptor == DiagnosticCatalog.DiagnosticsCapped
        );
        Assert.StartsWith("2000 more diagnostics", summary.Message, StringComparison.Ordinal);
        Assert.Contains(merged.Items, d => d.Span.File == "b.yaml");
    }

    private static string UnknownTopLevelKeys(int count)
    {
        var sb = new StringBuilder("version: 1.3.17\n");
        for (var i = 0; i < count; i++)
        {
            sb.Append("unknownKey")
                .Append(i.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Append(": 1\n");
        }

        return sb.ToString();
    }
}
