using System.Text;
using BenchmarkDotNet.Attributes;
using Containment.Core.Baseline;
using Containment.Core.Diagnostics;
using Containment.Core.LibreChat;
using Containment.Core.Pipeline;
using Containment.Core.Policy;
using Containment.Core.Yaml;
using Containment.Tests.LogBaseline;

namespace Containment.Benchmarks;

/// <summary>
/// <c>containment baseline</c> without process start or disk: parse and aggregate a busy gateway's DCF log held in
/// memory (bench/baseline.sh measures the whole process on a file). Goal (issue 15): 1,000,000 lines under 10 s.
/// </summary>
[MemoryDiagnoser]
public class BaselineBenchmarks
{
    private byte[] _log = [];
    private PolicyModel _model = null!;

    [Params(100_000)]
    public int Lines { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _log = Encoding.UTF8.GetBytes(string.Join("\n", DcfLogGenerator.Busy(Lines)) + "\n");
        var diagnostics = new DiagnosticBag();
        var root = YamlLoader.Load(
            Encoding.UTF8.GetBytes(BenchInputs.Load(0).Text),
            "librechat.yaml",
            diagnostics
        );
        var config = root is null
            ? null
            : LibreChatLoader.ValidateAndRead(
                root,
                "librechat.yaml",
                BenchInputs.Settings.Env,
                diagnostics
            );
        _model =
            (config is null ? null : PolicyBuilder.Build(config, BenchInputs.Settings, diagnostics))
            ?? throw new InvalidOperationException("no policy");
    }

    [Benchmark]
    public BaselineReport ParseAndAggregate()
    {
        var analyzer = new BaselineAnalyzer(_model, WorkloadMap.Empty(_model), RuleNames.None);
        analyzer.Read(new MemoryStream(_log, writable: false), "bench.log");
        return analyzer.Report();
    }
}
