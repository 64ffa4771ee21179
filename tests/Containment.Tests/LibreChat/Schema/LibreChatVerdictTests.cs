using static Containment.Tests.LibreChat.Schema.SchemaTestSupport;

namespace Containment.Tests.LibreChat.Schema;

/// <summary>
/// Our validator must say valid/invalid exactly when LibreChat does. The expected verdicts were recorded
/// by running LibreChat's own zod schema over each fixture (tools/librechat-schema/record-verdicts.sh).
/// </summary>
public class LibreChatVerdictTests
{
    public static TheoryData<string, string> Verdicts()
    {
        var data = new TheoryData<string, string>();
        foreach (var (file, verdict) in ReadVerdicts())
        {
            data.Add(file, verdict);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Verdicts))]
    public void Verdict_matches_LibreChat(string file, string librechatVerdict)
    {
        var bag = ValidateFixture(file);

        var ours = bag.HasErrors ? "invalid" : "valid";
        Assert.True(
            ours == librechatVerdict,
            $"{file}: LibreChat says {librechatVerdict}, we say {ours}:\n{string.Join("\n", Rendered(bag))}"
        );
    }

    [Fact]
    public void Every_fixture_has_a_recorded_verdict()
    {
        var fixtures = Directory
            .GetFiles(FixturesDirectory, "*.yaml")
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal);
        var recorded = ReadVerdicts().Select(v => v.File).Order(StringComparer.Ordinal);

        Assert.Equal(fixtures, recorded);
    }

    [Fact]
    public void Fixtures_cover_both_verdicts_and_every_invalid_one_is_named_so()
    {
        var verdicts = ReadVerdicts();

        Assert.Contains(verdicts, v => v.Verdict == "valid");
        Assert.Contains(verdicts, v => v.Verdict == "invalid");
        Assert.All(
            verdicts,
            v => Assert.StartsWith(v.Verdict + "-", v.File, StringComparison.Ordinal)
        );
    }

    private static List<(string File, string Verdict)> ReadVerdicts() =>
        [
            .. File.ReadAllLines(Path.Combine(FixturesDirectory, "verdicts.tsv"))
                .Where(line =>
                    line.Length > 0
                    && !line.StartsWith('#')
                    && !line.StartsWith("file\t", StringComparison.Ordinal)
                )
                .Select(line => line.Split('\t'))
                .Select(parts => (parts[0], parts[1])),
        ];
}
