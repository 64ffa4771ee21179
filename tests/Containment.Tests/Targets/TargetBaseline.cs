using System.Text;
using Containment.Core.Diagnostics;
using Containment.Core.Targets;

namespace Containment.Tests.Targets;

/// <summary>
/// Golden files for target output: Baselines/&lt;target&gt;-&lt;case&gt;/ holds every generated file plus
/// <c>diagnostics.txt</c>. Comparison is byte for byte, and the set of files must match too. With
/// <c>CONTAINMENT_ACCEPT=1</c> the baseline folder in the source tree (found by walking up to Containment.sln) is
/// rewritten instead, and the test still fails so an accepted run is never mistaken for a passing one.
/// </summary>
public static class TargetBaseline
{
    public const string DiagnosticsFile = "diagnostics.txt";

    public static void AssertMatches(string caseName, TargetOutput output, DiagnosticBag diagnostics)
    {
        var folder = $"{output.Target}-{caseName}";
        var actual = output.Files.ToDictionary(f => f.RelativePath, f => f.ToBytes(), StringComparer.Ordinal);
        actual[DiagnosticsFile] = Encoding.UTF8.GetBytes(RenderDiagnostics(diagnostics));

        if (Environment.GetEnvironmentVariable("CONTAINMENT_ACCEPT") == "1")
        {
            var target = Path.Combine(SourceRoot(), "tests", "Containment.Tests", "Baselines", folder);
            if (Directory.Exists(target))
            {
                Directory.Delete(target, recursive: true);
            }

            foreach (var (path, bytes) in actual)
            {
                var file = Path.Combine(target, path);
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                File.WriteAllBytes(file, bytes);
            }

            Assert.Fail($"Baseline {folder} accepted (CONTAINMENT_ACCEPT=1); run the tests again without it.");
        }

        var expectedRoot = Path.Combine(AppContext.BaseDirectory, "Baselines", folder);
        Assert.True(Directory.Exists(expectedRoot), $"No baseline {folder}: run with CONTAINMENT_ACCEPT=1 and review the new files.");
        var expected = Directory.EnumerateFiles(expectedRoot, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(expectedRoot, f).Replace('\\', '/'), File.ReadAllBytes, StringComparer.Ordinal);

        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, bytes) in actual)
        {
            if (!bytes.AsSpan().SequenceEqual(expected[path]))
            {
                // Show the text diff in the failure; the byte check above is what decides.
                Assert.Equal(Encoding.UTF8.GetString(expected[path]), Encoding.UTF8.GetString(bytes));
                Assert.Fail($"{folder}/{path} differs from the baseline in bytes only (encoding or line ends).");
            }
        }
    }

    public static string RenderDiagnostics(DiagnosticBag diagnostics) =>
        string.Concat(diagnostics.Sorted().Select(d => d.Render() + "\n"));

    public static string SourceRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Containment.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Containment.sln not found above the test output folder.");
    }
}
