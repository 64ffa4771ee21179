namespace Containment.Tests.Policy;

/// <summary>
/// Byte-for-byte baselines under tests/Containment.Tests/Baselines/&lt;case&gt;/. Set
/// CONTAINMENT_UPDATE_BASELINES=1 to rewrite them from the current output (then review the diff).
/// </summary>
internal static class Baseline
{
    public static void Verify(string caseName, string fileName, string actual)
    {
        var copied = Path.Combine(AppContext.BaseDirectory, "Baselines", caseName, fileName);
        if (Environment.GetEnvironmentVariable("CONTAINMENT_UPDATE_BASELINES") == "1")
        {
            var source = Path.Combine(SourceDirectory(), "Baselines", caseName, fileName);
            Directory.CreateDirectory(Path.GetDirectoryName(source)!);
            File.WriteAllText(source, actual);
            return;
        }
        Assert.True(File.Exists(copied), $"baseline {caseName}/{fileName} is missing; run with CONTAINMENT_UPDATE_BASELINES=1");
        var expected = File.ReadAllText(copied);
        Assert.Equal(expected, actual);
    }

    private static string SourceDirectory()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Containment.Tests.csproj")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("test project directory not found");
    }
}
