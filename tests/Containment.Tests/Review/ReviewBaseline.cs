using System.Text;

namespace Containment.Tests.Review;

/// <summary>
/// Byte-for-byte golden files under tests/Containment.Tests/Baselines/&lt;case&gt;/. With CONTAINMENT_ACCEPT=1 the
/// actual output is written into the source tree instead (found by walking up to Containment.sln), so a
/// reviewer accepts a change by re-running the tests and reading the git diff.
/// </summary>
internal static class ReviewBaseline
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public static void Match(string caseName, string fileName, string actual)
    {
        var relative = Path.Combine("Baselines", caseName, fileName);
        if (Environment.GetEnvironmentVariable("CONTAINMENT_ACCEPT") == "1")
        {
            var target = Path.Combine(SourceTestsDirectory(), relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllBytes(target, Utf8NoBom.GetBytes(actual));
            return;
        }
        var expectedPath = Path.Combine(AppContext.BaseDirectory, relative);
        Assert.True(File.Exists(expectedPath), $"No baseline {relative}. Run the tests with CONTAINMENT_ACCEPT=1 to create it, then review it.");
        var expected = File.ReadAllBytes(expectedPath);
        var actualBytes = Utf8NoBom.GetBytes(actual);
        if (!expected.AsSpan().SequenceEqual(actualBytes))
        {
            // Assert.Equal on the strings shows the first difference; the hint says how to accept the new output.
            Assert.Fail($"{relative} differs (accept with CONTAINMENT_ACCEPT=1 dotnet test, then review the git diff).\n--- expected\n{Encoding.UTF8.GetString(expected)}\n--- actual\n{actual}");
        }
    }

    /// <summary>tests/Containment.Tests in the source tree, whatever folder the test binary runs from.</summary>
    public static string SourceTestsDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Containment.sln")))
            {
                return Path.Combine(dir.FullName, "tests", "Containment.Tests");
            }
        }
        throw new InvalidOperationException("Containment.sln not found above " + AppContext.BaseDirectory);
    }
}
