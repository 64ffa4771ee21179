using System.Text;
using Containment.Core.Diagnostics;
using Containment.Core.IO;
using Containment.Core.Targets;

namespace Containment.Tests.Infrastructure;

/// <summary>
/// The one golden-file helper. <c>Baseline.Match("pulumi-dev", "expected.json", actual)</c> compares one file byte for
/// byte with tests/Containment.Tests/Baselines/&lt;case&gt;/&lt;file&gt;; <see cref="MatchFolder"/> compares a whole set of
/// files (the set of names must match too). To accept intended changes run <c>CONTAINMENT_ACCEPT=1 dotnet test</c>:
/// the baselines are rewritten in the source tree (found by walking up to Containment.sln), the test passes, and the
/// change is reviewed with <c>git diff</c>.
/// </summary>
public static class Baseline
{
    public const string AcceptVariable = "CONTAINMENT_ACCEPT";
    public const string DiagnosticsFile = "diagnostics.txt";
    private const string BaselinesFolder = "Baselines";

    public static bool Accepting => Environment.GetEnvironmentVariable(AcceptVariable) == "1";

    public static void Match(string caseName, string fileName, string actual) =>
        MatchTestFile(Path.Combine(BaselinesFolder, caseName, fileName), actual);

    /// <summary>
    /// The same golden check for a file anywhere under tests/Containment.Tests (e.g. a diagnostics baseline kept beside
    /// its fixture), given its path relative to that folder.
    /// </summary>
    public static void MatchTestFile(string testsRelativePath, string actual)
    {
        var root = RepositoryRoot();
        var sourcePath = root is null
            ? null
            : Path.Combine(root, "tests", "Containment.Tests", testsRelativePath);
        var label = testsRelativePath.Replace('\\', '/');
        if (Accepting)
        {
            Write(RequireSource(sourcePath), Encoding.UTF8.GetBytes(actual));
            return;
        }

        var path = ExistingPath(
            sourcePath,
            Path.Combine(AppContext.BaseDirectory, testsRelativePath)
        );
        if (!File.Exists(path))
        {
            Assert.Fail(
                $"Baseline {label} does not exist. Create it with: {AcceptVariable}=1 dotnet test"
            );
        }

        AssertSame(label, File.ReadAllBytes(path), Encoding.UTF8.GetBytes(actual));
    }

    /// <summary>
    /// Compares every file under Baselines/&lt;case&gt;/&lt;folder&gt; with <paramref name="actual"/> (relative paths with
    /// forward slashes): the same names and the same bytes. Accepting rewrites the folder, removing files no longer produced.
    /// </summary>
    public static void MatchFolder(
        string caseName,
        string folder,
        IReadOnlyDictionary<string, byte[]> actual
    )
    {
        ArgumentNullException.ThrowIfNull(actual);
        var label = folder.Length == 0 ? caseName : $"{caseName}/{folder}";
        var sourceRoot = SourceBaselinePath(caseName, folder);
        if (Accepting)
        {
            var root = RequireSource(sourceRoot);
            foreach (var stale in ListFiles(root).Keys.Where(p => !actual.ContainsKey(p)))
            {
                File.Delete(Path.Combine(root, stale));
            }

            foreach (var (path, bytes) in actual)
            {
                Write(Path.Combine(root, path), bytes);
            }

            return;
        }

        var expectedRoot = ExistingPath(
            sourceRoot,
            Path.Combine(AppContext.BaseDirectory, BaselinesFolder, caseName, folder)
        );
        if (!Directory.Exists(expectedRoot))
        {
            Assert.Fail(
                $"Baseline folder {label} does not exist. Create it with: {AcceptVariable}=1 dotnet test"
            );
        }

        var expected = ListFiles(expectedRoot);
        var missing = expected
            .Keys.Except(actual.Keys, StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        var extra = actual
            .Keys.Except(expected.Keys, StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (missing.Count > 0 || extra.Count > 0)
        {
            Assert.Fail(
                $"Baseline folder {label} has other files: not produced [{string.Join(", ", missing)}], new [{string.Join(", ", extra)}].\n"
                    + $"If the change is intended, accept it with: {AcceptVariable}=1 dotnet test (then review git diff)."
            );
        }

        foreach (var (path, bytes) in actual.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            AssertSame(
                $"{label}/{path}",
                File.ReadAllBytes(Path.Combine(expectedRoot, path)),
                bytes
            );
        }
    }

    /// <summary>
    /// Golden files for a target writer: Baselines/&lt;target&gt;-&lt;case&gt;/ holds every generated file plus
    /// <see cref="DiagnosticsFile"/>.
    /// </summary>
    public static void MatchTarget(string caseName, TargetOutput output, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var actual = output.Files.ToDictionary(
            f => f.RelativePath,
            f => f.ToBytes(),
            StringComparer.Ordinal
        );
        actual[DiagnosticsFile] = Encoding.UTF8.GetBytes(RenderDiagnostics(diagnostics));
        MatchFolder($"{output.Target}-{caseName}", "", actual);
    }

    public static string RenderDiagnostics(DiagnosticBag diagnostics) =>
        string.Concat(diagnostics.Sorted().Select(d => d.Render() + "\n"));

    /// <summary>The baseline's path in the source tree, or null when the tests do not run inside a checkout.</summary>
    public static string? SourceBaselinePath(string caseName, string fileName)
    {
        var root = RepositoryRoot();
        return root is null
            ? null
            : Path.Combine(root, "tests", "Containment.Tests", BaselinesFolder, caseName, fileName);
    }

    /// <summary>A baseline case folder as the tests see it: the source tree when present (always current), else the output copy.</summary>
    public static string CaseFolder(string caseName)
    {
        var source = SourceBaselinePath(caseName, "");
        return ExistingPath(
            source,
            Path.Combine(AppContext.BaseDirectory, BaselinesFolder, caseName)
        );
    }

    /// <summary>The folder holding Containment.sln, found by walking up from the test binaries.</summary>
    public static string? RepositoryRoot()
    {
        for (
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            dir is not null;
            dir = dir.Parent
        )
        {
            if (File.Exists(Path.Combine(dir.FullName, "Containment.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    internal static string FirstDifference(string expected, string actual)
    {
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        for (var i = 0; i < Math.Max(expectedLines.Length, actualLines.Length); i++)
        {
            var e = i < expectedLines.Length ? expectedLines[i] : "<end of file>";
            var a = i < actualLines.Length ? actualLines[i] : "<end of file>";
            if (!string.Equals(e, a, StringComparison.Ordinal))
            {
                return $"First difference at line {i + 1}:\n  expected: {e}\n  actual:   {a}";
            }
        }

        return "The texts differ only in line endings or encoding.";
    }

    private static void AssertSame(string label, byte[] expected, byte[] actual)
    {
        if (!expected.AsSpan().SequenceEqual(actual))
        {
            Assert.Fail(
                $"Baseline {label} differs. {FirstDifference(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(actual))}\n"
                    + $"If the change is intended, accept it with: {AcceptVariable}=1 dotnet test (then review git diff)."
            );
        }
    }

    private static Dictionary<string, string> ListFiles(string root) =>
        Directory.Exists(root)
            ? Directory
                .EnumerateFiles(root, "*", SearchOption.AllDirectories)
                .ToDictionary(
                    f => Path.GetRelativePath(root, f).Replace('\\', '/'),
                    f => f,
                    StringComparer.Ordinal
                )
            : new Dictionary<string, string>(StringComparer.Ordinal);

    // Prefer the source tree (always current); fall back to the copy in the test output folder.
    private static string ExistingPath(string? source, string copied) =>
        source is not null && (File.Exists(source) || Directory.Exists(source)) ? source : copied;

    private static string RequireSource(string? sourcePath) =>
        sourcePath
        ?? throw new InvalidOperationException(
            $"{AcceptVariable}=1 but the source tree (Containment.sln) was not found above {AppContext.BaseDirectory}."
        );

    private static void Write(string path, byte[] bytes)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }
}
