using System.Text.RegularExpressions;
using Containment.Tests.Infrastructure;

namespace Containment.Tests.Architecture;

/// <summary>
/// Issue 11 item 6: test folders mirror src folders, so the tests for a piece of code sit where the code does
/// (docs/architecture.md, "Where tests go"). Reads the source tree, not the binaries: a folder is what a newcomer sees.
/// </summary>
public sealed partial class TestLayoutTests
{
    /// <summary>Suites that test across the pipeline, or help every test, rather than one src folder.</summary>
    public static readonly IReadOnlySet<string> CrossCutting = new HashSet<string>(
        StringComparer.Ordinal
    )
    {
        "Architecture",
        "EndToEnd",
        "Robustness",
        "Infrastructure",
    };

    /// <summary>
    /// Test folders whose name differs from their src folder, with the reason. <c>Containment.Tests.Baseline</c>
    /// would shadow the golden helper <c>Infrastructure.Baseline</c> in every test namespace, so the tests of
    /// src/Containment.Core/Baseline (containment baseline: flow logs against the policy) keep the name LogBaseline.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Renamed = new Dictionary<
        string,
        string
    >(StringComparer.Ordinal)
    {
        ["LogBaseline"] = "Baseline",
    };

    [Fact]
    public void Every_test_folder_has_a_matching_src_folder()
    {
        var root = RepositoryRoot();
        var missing = TestFolders(root)
            .Where(folder => !Directory.Exists(SrcFolderFor(root, folder)))
            .ToList();

        Assert.True(
            missing.Count == 0,
            "Test folders without a src folder of the same name (move the tests beside their code's "
                + "mirror, or list a cross-cutting suite in TestLayoutTests.CrossCutting):\n"
                + string.Join("\n", missing)
        );
    }

    [Fact]
    public void Every_test_namespace_matches_its_folder()
    {
        var root = RepositoryRoot();
        var tests = Path.Combine(root, "tests", "Containment.Tests");
        var wrong = SourceFiles(tests)
            .Select(file => (file, Declared: NamespaceLine().Match(File.ReadAllText(file))))
            .Where(f => f.Declared.Success)
            .Where(f => f.Declared.Groups[1].Value != NamespaceFor(tests, f.file))
            .Select(f => $"{Path.GetRelativePath(tests, f.file)}: {f.Declared.Groups[1].Value}")
            .ToList();

        Assert.True(
            wrong.Count == 0,
            "Namespace differs from folder:\n" + string.Join("\n", wrong)
        );
    }

    [Fact]
    public void A_test_folder_without_a_src_folder_is_reported()
    {
        // Guards the check above: a folder named after no src folder must not map to an existing one.
        var root = RepositoryRoot();

        Assert.False(Directory.Exists(SrcFolderFor(root, "Review")));
        Assert.False(Directory.Exists(SrcFolderFor(root, Path.Combine("Targets", "Review"))));
        Assert.True(Directory.Exists(SrcFolderFor(root, Path.Combine("Targets", "Pulumi"))));
        Assert.True(Directory.Exists(SrcFolderFor(root, "Cli")));
        Assert.True(Directory.Exists(SrcFolderFor(root, "LogBaseline")));
        Assert.NotEmpty(TestFolders(root));
    }

    /// <summary>Folders (relative to tests/Containment.Tests) that hold at least one .cs file, cross-cutting suites left out.</summary>
    private static List<string> TestFolders(string root)
    {
        var tests = Path.Combine(root, "tests", "Containment.Tests");
        return
        [
            .. SourceFiles(tests)
                .Select(file => Path.GetRelativePath(tests, Path.GetDirectoryName(file)!))
                .Where(folder => folder != "." && !CrossCutting.Contains(FirstSegment(folder)))
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal),
        ];
    }

    /// <summary>Every test source file; build output and data folders hold none of ours.</summary>
    private static IEnumerable<string> SourceFiles(string tests) =>
        Directory
            .EnumerateFiles(tests, "*.cs", SearchOption.AllDirectories)
            .Where(file =>
                FirstSegment(Path.GetRelativePath(tests, file))
                    is not ("bin" or "obj" or "Baselines" or "Fixtures")
            );

    /// <summary>Cli tests mirror src/Containment.Cli; every other folder mirrors src/Containment.Core.</summary>
    private static string SrcFolderFor(string root, string testFolder)
    {
        var first = FirstSegment(testFolder);
        var rest = testFolder.Length > first.Length ? testFolder[(first.Length + 1)..] : "";
        var src =
            first == "Cli"
                ? Path.Combine(root, "src", "Containment.Cli")
                : Path.Combine(
                    root,
                    "src",
                    "Containment.Core",
                    Renamed.TryGetValue(first, out var renamed) ? renamed : first
                );
        return rest.Length == 0 ? src : Path.Combine(src, rest);
    }

    private static string NamespaceFor(string tests, string file)
    {
        var folder = Path.GetRelativePath(tests, Path.GetDirectoryName(file)!);
        return folder == "."
            ? "Containment.Tests"
            : "Containment.Tests." + folder.Replace(Path.DirectorySeparatorChar, '.');
    }

    private static string FirstSegment(string relative)
    {
        var separator = relative.IndexOf(Path.DirectorySeparatorChar, StringComparison.Ordinal);
        return separator < 0 ? relative : relative[..separator];
    }

    private static string RepositoryRoot() =>
        Baseline.RepositoryRoot()
        ?? throw new InvalidOperationException(
            "Containment.sln not found above the test binaries: the layout tests read the source tree."
        );

    [GeneratedRegex(@"^namespace ([A-Za-z0-9_.]+);", RegexOptions.Multiline)]
    private static partial Regex NamespaceLine();
}
