using Containment.Core.Model;
using Containment.Core.Settings;
using Containment.Tests.Robustness;

namespace Containment.Benchmarks;

/// <summary>The documents the benchmarks read: generated configs of a given size, or the repo's example.</summary>
public static class BenchInputs
{
    /// <summary>Size 0 stands for the repo's example (infra/librechat.yaml); any other size is generated.</summary>
    public static (string Path, string Text) Load(int customEndpoints, int? mcpServers = null) =>
        customEndpoints == 0 && mcpServers is null
            ? (ExamplePath, File.ReadAllText(ExamplePath))
            : (
                $"generated-{customEndpoints}.yaml",
                ScaledConfigGenerator.Generate(customEndpoints, mcpServers)
            );

    /// <summary>Valid monitor-mode settings (AWS, a cluster id), with the env values infra/librechat.yaml refers to.</summary>
    public static StackSettings Settings { get; } =
        new()
        {
            Stack = "bench",
            Source = "Pulumi.bench.yaml",
            CloudProvider = CloudProvider.Aws,
            Cluster = new ClusterSettings
            {
                Id = "arn:aws:eks:eu-west-1:111122223333:cluster/librechat-bench",
            },
            Registry = new RegistrySettings { AwsRegion = "eu-west-1" },
            Env = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["AZURE_OPENAI_INSTANCE"] = "chat-bench-openai",
            },
        };

    /// <summary>infra/librechat.yaml, or the file named by CONTAINMENT_BENCH_CONFIG (e.g. LibreChat's upstream example).</summary>
    public static string ExamplePath =>
        Environment.GetEnvironmentVariable("CONTAINMENT_BENCH_CONFIG") is { Length: > 0 } configured
            ? configured
            : Path.Combine(RepoRoot(), "infra", "librechat.yaml");

    private static string RepoRoot()
    {
        // BenchmarkDotNet runs each benchmark from a generated project under bin/, so walk up to the solution.
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
        throw new InvalidOperationException(
            "Containment.sln not found above " + AppContext.BaseDirectory
        );
    }
}
