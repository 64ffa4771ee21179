using System.Reflection;
using System.Text.RegularExpressions;
using Containment.Core.Diagnostics;
using Containment.Tests.Infrastructure;

namespace Containment.Tests.Diagnostics;

/// <summary>
/// Issue 11 item 5: each diagnostic code is one <see cref="DiagnosticBuilder"/> method that owns its message,
/// declared next to its descriptor. These tests read the repository's sources, so they keep it that way.
/// </summary>
public partial class DiagnosticBuilderCoverageTests
{
    // The machinery itself: the builder and the record it fills in. The catalogue files are skipped too: their
    // factories are where descriptor and message meet.
    private static readonly string[] Machinery =
    [
        "src/Containment.Core/Diagnostics/DiagnosticBuilder.cs",
        "src/Containment.Core/Diagnostics/Diagnostic.cs",
    ];

    private static readonly string Root = Baseline.RepositoryRoot()!;

    [Fact]
    public void Every_source_file_makes_diagnostics_only_through_the_builder()
    {
        var offences = (
            from file in SourceFiles("src")
            let relative = Relative(file)
            where
                !Machinery.Contains(relative, StringComparer.Ordinal)
                && !Path.GetFileName(file)
                    .StartsWith("DiagnosticCatalog.", StringComparison.Ordinal)
            let text = File.ReadAllText(file)
            from Match m in MessageAtCallSite().Matches(text)
            select $"{relative}({LineOf(text, m.Index)}): {m.Value.Trim()}"
        ).ToList();

        Assert.True(
            offences.Count == 0,
            "Pass a span and values to a DiagnosticBuilder method instead of a descriptor and message text:\n"
                + string.Join('\n', offences)
        );
    }

    [Fact]
    public void Every_descriptor_has_its_factory_in_the_same_catalogue_file()
    {
        var missing = new List<string>();
        foreach (var file in CatalogueFiles())
        {
            var text = File.ReadAllText(file);
            var factories = Factory()
                .Matches(text)
                .Select(m => m.Groups["name"].Value)
                .ToHashSet(StringComparer.Ordinal);
            missing.AddRange(
                Descriptor()
                    .Matches(text)
                    .Select(m => m.Groups["name"].Value)
                    .Where(name => !factories.Contains(name))
                    .Select(name => $"{Path.GetFileName(file)}: {name}")
            );
        }

        Assert.True(
            missing.Count == 0,
            "Add `public Diagnostic <Name>(...)` to the DiagnosticBuilder part of the descriptor's file:\n"
                + string.Join('\n', missing)
        );
    }

    [Fact]
    public void Each_factory_is_the_only_one_for_its_code_and_makes_that_code_at_the_given_span()
    {
        var descriptors = typeof(DiagnosticCatalog)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .ToDictionary(f => f.Name, f => (DiagnosticDescriptor)f.GetValue(null)!);
        var factories = typeof(DiagnosticBuilder)
            .GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => m.ReturnType == typeof(Diagnostic))
            .ToList();
        Assert.NotEmpty(factories);
        Assert.Empty(factories.GroupBy(m => m.Name).Where(g => g.Count() > 1).Select(g => g.Key));

        var span = new SourceSpan("infra/librechat.yaml", 7, 3);
        foreach (var factory in factories)
        {
            Assert.True(
                descriptors.TryGetValue(factory.Name, out var descriptor),
                $"{factory.Name} is named after no descriptor"
            );
            var made = (Diagnostic)
                factory.Invoke(
                    DiagnosticBuilder.At(span),
                    [.. factory.GetParameters().Select(p => SampleValue(p.ParameterType))]
                )!;
            Assert.Same(descriptor, made.Descriptor);
            Assert.Equal(descriptor.DefaultSeverity, made.Severity);
            Assert.Equal(span, made.Span);
            Assert.False(string.IsNullOrWhiteSpace(made.Message), factory.Name);
        }
    }

    [Fact]
    public void Every_descriptor_has_exactly_one_factory()
    {
        var descriptors = typeof(DiagnosticCatalog)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => f.Name);
        var factories = typeof(DiagnosticBuilder)
            .GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => m.ReturnType == typeof(Diagnostic))
            .Select(m => m.Name)
            .ToHashSet(StringComparer.Ordinal);

        var missing = descriptors.Where(name => !factories.Contains(name)).ToList();
        Assert.True(missing.Count == 0, "No factory for: " + string.Join(", ", missing));
    }

    [Fact]
    public void No_public_way_to_add_a_diagnostic_with_a_message_written_by_the_caller()
    {
        // Only a made Diagnostic goes into a bag; the record's constructor is reachable, so the source scan above
        // is what keeps `new Diagnostic(...)` out of src.
        var takesADescriptor = typeof(DiagnosticBag)
            .GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.GetParameters().Any(p => p.ParameterType == typeof(DiagnosticDescriptor)))
            .Select(m => m.Name)
            .ToList();

        Assert.True(takesADescriptor.Count == 0, string.Join(", ", takesADescriptor));
    }

    [Fact]
    public void A_severity_override_keeps_code_message_and_span()
    {
        var span = new SourceSpan("Pulumi.dev.yaml", 0, 0);
        var made = DiagnosticBuilder.At(span).NoClusterId();
        var raised = made with { Severity = Severity.Error };

        Assert.Equal(Severity.Warning, made.Severity);
        Assert.Equal($"Pulumi.dev.yaml: error {made.Code}: {made.Message}", raised.Render());
    }

    private static IEnumerable<string> CatalogueFiles() =>
        Directory.EnumerateFiles(
            Path.Combine(Root, "src", "Containment.Core", "Diagnostics"),
            "DiagnosticCatalog.*.cs"
        );

    private static IEnumerable<string> SourceFiles(string folder) =>
        Directory
            .EnumerateFiles(Path.Combine(Root, folder), "*.cs", SearchOption.AllDirectories)
            .Where(f =>
                !Relative(f).Contains("/bin/", StringComparison.Ordinal)
                && !Relative(f).Contains("/obj/", StringComparison.Ordinal)
            )
            .Order(StringComparer.Ordinal);

    private static string Relative(string file) =>
        Path.GetRelativePath(Root, file).Replace('\\', '/');

    private static int LineOf(string text, int index) => text.AsSpan(0, index).Count('\n') + 1;

    private static object? SampleValue(Type type) =>
        Nullable.GetUnderlyingType(type) is { } underlying ? SampleValue(underlying)
        : type == typeof(string) ? "sample"
        : type == typeof(int) ? 8
        : type == typeof(long) ? 8L
        : type == typeof(bool) ? true
        : type == typeof(Version) ? new Version(9, 0)
        : type.IsEnum ? Enum.GetValues(type).GetValue(0)
        : type.IsAssignableFrom(typeof(string[])) ? new[] { "a", "b" }
        : throw new InvalidOperationException($"no sample value for {type}");

    // A descriptor handed on with more arguments (the message), or an Add that takes one: the old call shape.
    [GeneratedRegex(
        @"DiagnosticCatalog\.\w+\s*,|\bAdd\(\s*DiagnosticCatalog\.|new\s+Diagnostic\(|DiagnosticDescriptor\s+\w+\s*,"
    )]
    private static partial Regex MessageAtCallSite();

    [GeneratedRegex(@"public static readonly DiagnosticDescriptor (?<name>\w+)\s*=")]
    private static partial Regex Descriptor();

    [GeneratedRegex(@"public Diagnostic (?<name>\w+)\(")]
    private static partial Regex Factory();
}
