using Containment.Core.Diagnostics;
using Containment.Core.Settings;
using Containment.Tests.Infrastructure;
using static Containment.Tests.Infrastructure.ReaderTestKit;

namespace Containment.Tests.LibreChat;

/// <summary>
/// Every reader fixture has a <c>&lt;fixture&gt;.diagnostics.txt</c> beside it: the fixture with each diagnostic printed
/// under its source line. A new fixture needs only its accepted baseline (<c>CONTAINMENT_ACCEPT=1 dotnet test</c>).
/// </summary>
public class ReaderDiagnosticsBaselineTests
{
    private const string Suffix = ".diagnostics.txt";

    public static TheoryData<string> Fixtures() =>
        [
            .. Directory
                .EnumerateFiles(Path.GetDirectoryName(Fixture("x"))!, "*.yaml")
                .Select(f => Path.GetFileName(f))
                .Order(StringComparer.Ordinal),
        ];

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Each_diagnostic_is_printed_under_its_source_line(string fixture)
    {
        var (_, diagnostics) = ReadFixture(fixture, EnvFor(fixture));

        var annotated = AnnotatedSource.Render(
            File.ReadAllText(Fixture(fixture)),
            fixture,
            diagnostics.Items
        );

        Baseline.MatchTestFile(Path.Combine("Fixtures", "reader", fixture + Suffix), annotated);
    }

    [Fact]
    public void A_diagnostic_lands_under_the_line_it_names_and_positionless_ones_come_first()
    {
        var descriptor = DiagnosticCatalog.All[0];
        var diagnostics = new[]
        {
            new Diagnostic(descriptor, Severity.Error, "second", new SourceSpan("a.yaml", 2, 5)),
            new Diagnostic(
                descriptor,
                Severity.Warning,
                "whole file",
                SourceSpan.FileOnly("a.yaml")
            ),
        };

        var text = AnnotatedSource.Render("one: 1\r\ntwo: 2\r\n", "a.yaml", diagnostics);

        Assert.Equal(
            $"//@ a.yaml: warning {descriptor.Code}: whole file\none: 1\ntwo: 2\n//@[5] error {descriptor.Code}: second\n",
            text
        );
    }

    // A fixture's environment, when it needs one, is the <fixture>.env beside it (full.yaml reads full.env).
    private static Dictionary<string, string>? EnvFor(string fixture)
    {
        var envFile = Fixture(Path.ChangeExtension(fixture, ".env"));
        return File.Exists(envFile)
            ? DotEnvParser
                .Parse(File.ReadAllText(envFile), envFile, new DiagnosticBag())
                .ToDictionary(e => e.Name, e => e.Value, StringComparer.Ordinal)
            : null;
    }
}
