namespace Containment.Tests.Robustness;

/// <summary>
/// The documents the mutation fuzzers start from: every librechat.yaml-like fixture of the test project
/// (reader, schema, diff and policy fixtures), the repo's example config, and a small generated config.
/// </summary>
public static class FuzzSeeds
{
    private static readonly Lazy<IReadOnlyList<string>> LazyAll = new(Load);

    public static IReadOnlyList<string> All => LazyAll.Value;

    private static List<string> Load()
    {
        var seeds = new List<string> { ScaledConfigGenerator.Generate(12) };
        var fixtures = Path.Combine(AppContext.BaseDirectory, "Fixtures");
        if (Directory.Exists(fixtures))
        {
            seeds.AddRange(
                Directory
                    .EnumerateFiles(fixtures, "*.yaml", SearchOption.AllDirectories)
                    .Order(StringComparer.Ordinal)
                    // Big fixtures slow every case down and add no grammar the small ones lack.
                    .Where(f => new FileInfo(f).Length <= 32 * 1024)
                    .Select(File.ReadAllText)
            );
        }
        if (RepoFile("infra/librechat.yaml") is { } example)
        {
            seeds.Add(File.ReadAllText(example));
        }
        return seeds;
    }

    /// <summary>A file of the repository (tests run from bin/, so walk up to the solution), or null when not found.</summary>
    public static string? RepoFile(string relativePath)
    {
        for (
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            dir is not null;
            dir = dir.Parent
        )
        {
            if (File.Exists(Path.Combine(dir.FullName, "Containment.sln")))
            {
                var path = Path.Combine(dir.FullName, relativePath);
                return File.Exists(path) ? path : null;
            }
        }
        return null;
    }
}
