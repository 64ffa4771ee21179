using System.Diagnostics;
using System.Globalization;

namespace Containment.Benchmarks;

/// <summary>
/// <c>-- stages N</c>: a quick look (seconds, not BenchmarkDotNet's minutes) at time and allocation per stage for one
/// config size, best of five runs after warm-up. For profiling loops; the numbers to report come from BenchmarkDotNet.
/// </summary>
public static class StageTimer
{
    public static void Run(int endpoints, int? mcpServers = null)
    {
        var bench = new PipelineBenchmarks
        {
            Endpoints = endpoints,
            McpServersOverride = mcpServers,
        };
        bench.Setup();
        var parser = new YamlParserBenchmarks
        {
            Endpoints = endpoints == 0 && mcpServers is not null ? 1 : endpoints,
        };
        parser.Setup();
        var stages = new (string Name, Func<object?> Run)[]
        {
            ("(YamlDotNet parser only)", () => parser.ParserEvents()),
            ("load", bench.Load),
            ("read", bench.Read),
            ("schema", () => bench.Schema()),
            ("policy", bench.Policy),
            ("emit pulumi", bench.EmitPulumi),
            ("emit aviatrix-crd", bench.EmitAviatrixCrd),
            ("emit terraform", bench.EmitTerraform),
            ("plan json", bench.PlanJson),
            ("end to end (pulumi)", bench.EndToEndPulumi),
        };
        Console.WriteLine(
            string.Create(
                CultureInfo.InvariantCulture,
                $"{endpoints} endpoints, {mcpServers?.ToString(CultureInfo.InvariantCulture) ?? "N/10"} MCP servers ({(endpoints == 0 && mcpServers is null ? "repo example" : "generated")})"
            )
        );
        foreach (var (name, run) in stages)
        {
            var best = double.MaxValue;
            long allocated = 0;
            for (var i = 0; i < 7; i++)
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                var sw = Stopwatch.StartNew();
                run();
                sw.Stop();
                allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                best = i >= 2 ? Math.Min(best, sw.Elapsed.TotalMilliseconds) : best;
            }
            Console.WriteLine(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"  {name, -22} {best, 9:F1} ms {allocated / 1024.0 / 1024.0, 9:F1} MiB allocated"
                )
            );
        }
    }
}
