using Containment.Core.Diagnostics;
using Containment.Core.LibreChat.Schema;

namespace Containment.Tests.Schema;

internal static class SchemaTestSupport
{
    public static string FixturesDirectory => Path.Combine(AppContext.BaseDirectory, "Fixtures", "schema");

    public static DiagnosticBag ValidateText(string yaml, Func<string, string?>? environment = null)
    {
        var bag = new DiagnosticBag();
        LibreChatSchema.Validate(TestYaml.Parse(yaml), "librechat.yaml", bag, environment ?? (_ => null));
        return bag;
    }

    public static DiagnosticBag ValidateFixture(string name)
    {
        var bag = new DiagnosticBag();
        LibreChatSchema.Validate(TestYaml.ParseFile(Path.Combine(FixturesDirectory, name)), name, bag);
        return bag;
    }

    public static string[] Rendered(DiagnosticBag bag) => [.. bag.Sorted().Select(d => d.Render())];
}
