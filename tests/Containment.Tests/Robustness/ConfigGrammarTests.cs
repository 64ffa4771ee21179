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
        foreach (var doc in ConfigGrammar.Document.Sample(500, FuzzSettings.Seed(1), 30))
        {
            var parser = new Parser(new StringReader(doc));
            while (parser.MoveNext())
            {
            }
        }
    }

    [Fact]
    public void Grammar_documents_reach_the_deep_sections()
    {
        var docs = ConfigGrammar.Document.Sample(300, FuzzSettings.Seed(2), 40);
        foreach (var key in new[] { "custom:", "mcpServers:", "groups:", "oauth:", "baseURL:", "&", "*" })
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

    private static int CountOccurrences(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }
}
