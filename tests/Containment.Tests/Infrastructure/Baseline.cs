using System.Text;

namespace Containment.Tests.Infrastructure;

/// <summary>
/// Golden-file comparison for any test: <c>Baseline.Match("pulumi-dev", "expected.json", actual)</c> compares
/// <paramref name="actual"/> byte for byte with tests/Containment.Tests/Baselines/&lt;case&gt;/&lt;file&gt;.
/// To accept intended changes run <c>CONTAINMENT_ACCEPT=1 dotnet test</c>: the baselines are rewritten in
/// the source tree (found by walking up to Containment.sln) and the diff is reviewed with <c>git diff</c>.
/// </summary>
public static class Baseline
{
    public const string AcceptVariable = "CONTAINMENT_ACCEPT";
    private const string BaselinesFolder = "Baselines";

    public static bool Accepting => Environment.GetEnvironmentVariable(AcceptVariable) == "1";

    public static void Match(string caseName, string fileName, string actual)
    {
        var sourcePath = SourceBaselinePath(caseName, fileName);
        if (Accepting)
        {
            if (sourcePath is null)
            {
                Assert.Fail($"{AcceptVariable}=1 but the source tree (Containment.sln) was not found above {AppContext.BaseDirectory}.");
            }

            Directory.CreateDirectory(Path.GetDirectoryName(sourcePath)!);
            File.WriteAllBytes(sourcePath, Encoding.UTF8.GetBytes(actual));
            return;
        }

        // Prefer the source tree (always current); fall back to the copy in the test output folder.
        var path = sourcePath is not null && File.Exists(sourcePath)
            ? sourcePath
            : Path.Combine(AppContext.BaseDirectory, BaselinesFolder, caseName, fileName);
        if (!File.Exists(path))
        {
            Assert.Fail($"Baseline {caseName}/{fileName} does not exist. Create it with: {AcceptVariable}=1 dotnet test");
        }

        var expected = Encoding.UTF8.GetString(File.ReadAllBytes(path));
        if (!string.Equals(expected, actual, StringComparison.Ordinal))
        {
            Assert.Fail($"Baseline {caseName}/{fileName} differs. {FirstDifference(expected, actual)}\n"
                + $"If the change is intended, accept it with: {AcceptVariable}=1 dotnet test (then review git diff).");
        }
    }

    /// <summary>The baseline's path in the source tree, or null when the tests do not run inside a checkout.</summary>
    public static string? SourceBaselinePath(string caseName, string fileName)
    {
        var root = RepositoryRoot();
        return root is null
            ? null
            : Path.Combine(root, "tests", "Containment.Tests", BaselinesFolder, caseName, fileName);
    }

    /// <summary>The folder holding Containment.sln, found by walking up from the test binaries.</summary>
    public static string? RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
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
}
