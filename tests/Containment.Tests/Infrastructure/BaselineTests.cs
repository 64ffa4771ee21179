namespace Containment.Tests.Infrastructure;

public class BaselineTests
{
    [Fact]
    public void Matching_text_passes()
    {
        Baseline.Match("infrastructure-baseline", "expected.txt", "line one\nline two\n");
    }

    [Fact]
    public void Different_text_fails_naming_the_first_differing_line_and_the_accept_command()
    {
        if (Baseline.Accepting)
        {
            Assert.Skip("Accepting baselines: a mismatch would be written, not reported.");
        }

        var error = Assert.ThrowsAny<Exception>(() =>
            Baseline.Match("infrastructure-baseline", "expected.txt", "line one\nline 2\n")
        );

        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
        Assert.Contains(
            "CONTAINMENT_ACCEPT=1 dotnet test",
            error.Message,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void Missing_baseline_fails_with_the_command_that_creates_it()
    {
        if (Baseline.Accepting)
        {
            Assert.Skip("Accepting baselines would create the file.");
        }

        var error = Assert.ThrowsAny<Exception>(() =>
            Baseline.Match("infrastructure-baseline", "missing.txt", "x")
        );

        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void First_difference_reports_line_numbers_and_end_of_file()
    {
        Assert.Equal(
            "First difference at line 2:\n  expected: b\n  actual:   c",
            Baseline.FirstDifference("a\nb", "a\nc")
        );
        Assert.Contains(
            "<end of file>",
            Baseline.FirstDifference("a\nb", "a"),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void Source_baselines_are_found_under_the_solution_folder()
    {
        var path = Baseline.SourceBaselinePath("infrastructure-baseline", "expected.txt");

        Assert.NotNull(path);
        Assert.True(File.Exists(path), path);
    }

    [Fact]
    public void A_folder_matches_when_names_and_bytes_match()
    {
        Baseline.MatchFolder(
            "infrastructure-baseline",
            "",
            Files(("expected.txt", "line one\nline two\n"))
        );
    }

    [Fact]
    public void A_folder_with_a_new_or_missing_file_fails_naming_both()
    {
        if (Baseline.Accepting)
        {
            Assert.Skip("Accepting baselines would rewrite the folder.");
        }

        var error = Assert.ThrowsAny<Exception>(() =>
            Baseline.MatchFolder("infrastructure-baseline", "", Files(("other.txt", "x")))
        );

        Assert.Contains(
            "not produced [expected.txt], new [other.txt]",
            error.Message,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void A_folder_file_that_differs_in_bytes_only_fails()
    {
        if (Baseline.Accepting)
        {
            Assert.Skip("Accepting baselines would rewrite the folder.");
        }

        var error = Assert.ThrowsAny<Exception>(() =>
            Baseline.MatchFolder(
                "infrastructure-baseline",
                "",
                Files(("expected.txt", "line one\r\nline two\r\n"))
            )
        );

        Assert.Contains(
            "infrastructure-baseline/expected.txt differs",
            error.Message,
            StringComparison.Ordinal
        );
    }

    private static Dictionary<string, byte[]> Files(params (string Path, string Text)[] files) =>
        files.ToDictionary(
            f => f.Path,
            f => System.Text.Encoding.UTF8.GetBytes(f.Text),
            StringComparer.Ordinal
        );
}
