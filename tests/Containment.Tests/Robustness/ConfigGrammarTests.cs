using FsCheck;
using FsCheck.Fluent;
using YamlDotNet.Core;

namespace Containment.Tests.Robustness;

/// <summary>The generators feed the fuzz tests, so they are tested too: the grammar must produce well-formed YAML
/// (else the fuzz run would only ever test the parser's error path) and real variety.</summary>
public class ConfigGrammarTests
{
    [Fact]
    public void Grammar_documents_are_well_formed_yaml()
    {
        foreach (var doc in ConfigGrammar.Document.Sample(200, FuzzSettings.Seed(1), 30))
        {
            var parser = new Parser(new StringReader(doc));
            while (parser.MoveNext()) { }
        }
    }

    [Fact]
    public void Grammar_documents_reach_the_deep_sections()
    {
        var docs = ConfigGrammar.Document.Sample(300, FuzzSettings.Seed(2), 40);
        foreach (
            var key in new[] { "custom:", "mcpServers:", "groups:", "oauth:", "baseURL:", "&", "*" }
        )
        {
            Assert.Contains(docs, d => d.Contains(key, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Scaled_documents_have_the_requested_counts()
    {
        var doc = ScaledConfigGenerator.Generate(100);
        Assert.Equal(100, CountOccurrences(doc, "    - name: 'endpoint-"));
        Assert.Equal(10, CountOccurrences(doc, "\n  mcp-"));
        Assert.Equal(doc, ScaledConfigGenerator.Generate(100));
    }

    [Theory]
    [InlineData(TextMutations.Kind.ByteFlip)]
    [InlineData(TextMutations.Kind.LineDeletion)]
    [InlineData(TextMutations.Kind.LineDuplication)]
    [InlineData(TextMutations.Kind.IndentShift)]
    [InlineData(TextMutations.Kind.KeySwap)]
    public void Every_mutation_kind_damages_most_documents(TextMutations.Kind kind)
    {
        var seed = ScaledConfigGenerator.Generate(3);
        var original = System.Text.Encoding.UTF8.GetBytes(seed);
        var mutated = TextMutations.Mutate([seed], kind).Sample(100, FuzzSettings.Seed(3), 10);
        Assert.True(
            mutated.Count(m => !m.AsSpan().SequenceEqual(original)) >= 80,
            $"{kind} left too many documents unchanged"
        );
        Assert.True(
            mutated.Distinct(ByteArrayComparer.Instance).Count() >= 50,
            $"{kind} produced too few distinct documents"
        );
    }

    private sealed class ByteArrayComparer : IEqualityComparer<byte[]>
    {
        public static ByteArrayComparer Instance { get; } = new();

        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] obj)
        {
            var hash = new HashCode();
            hash.AddBytes(obj);
            return hash.ToHashCode();
        }
    }

    private static int CountOccurrences(string text, string value)
    {
        var count = 0;
        for (
            var i = text.IndexOf(value, StringComparison.Ordinal);
            i >= 0;
            i = text.IndexOf(value, i + 1, StringComparison.Ordinal)
        )
        {
            count++;
        }
        return count;
    }
}
