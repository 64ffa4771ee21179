using Containment.Core.Diagnostics;
using Containment.Core.LibreChat.Schema;

namespace Containment.Tests.LibreChat.Schema;

internal static class SchemaTestSupport
{
    public static string FixturesDirectory =>
        Path.Combine(AppContext.BaseDirectory, "Fixtures", "schema");

    public static DiagnosticBag ValidateText(string yaml, Func<string, string?>? environment = null)
    {
        var bag = new DiagnosticBag();
        LibreChatSchema.Validate(
            Parse(yaml, "librechat.yaml"),
            "librechat.yaml",
            bag,
            environment ?? (_ => null)
        );
        return bag;
    }

    public static DiagnosticBag ValidateFixture(string name)
    {
        var bag = new DiagnosticBag();
        LibreChatSchema.Validate(
            Parse(File.ReadAllText(Path.Combine(FixturesDirectory, name)), name),
            name,
            bag
        );
        return bag;
    }

    /// <summary>Parses with the product's own js-yaml-compatible loader; a parse error fails the test.</summary>
    private static Containment.Core.Yaml.YNode? Parse(string yaml, string file)
    {
        var parseBag = new DiagnosticBag();
        var root = Containment.Core.Yaml.YamlLoader.LoadText(yaml, file, parseBag);
        if (root is null && parseBag.Items.All(d => d.Code == "CT1003"))
        {
            return null; // an empty document: js-yaml loads undefined, which the schema then rejects
        }
        Assert.False(parseBag.HasErrors, string.Join("\n", parseBag.Items.Select(d => d.Render())));
        return root;
    }

    public static string[] Rendered(DiagnosticBag bag) => [.. bag.Sorted().Select(d => d.Render())];
}
