using BenchmarkDotNet.Attributes;
using Containment.Core.Diagnostics;
using Containment.Core.IO;
using Containment.Core.LibreChat;
using Containment.Core.Pipeline;
using Containment.Core.Policy;
using Containment.Core.Reports;
using Containment.Core.Targets;
using Containment.Core.Yaml;
using Containment.Tests.Robustness;

namespace Containment.Benchmarks;

/// <summary>
/// Issue 10 item 9: cost in the number of MCP servers (one WebGroup and one rule each), where emit and compile were
/// quadratic. Each target writer on a prepared model, and what `lint --format sarif` does after parsing (reader,
/// schema, SARIF with the per-file diagnostics cap). 100k servers is a 15 MB file, under the 16 MiB limit.
/// </summary>
[MemoryDiagnoser]
public class McpServerBenchmarks
{
    private YNode _root = null!;
    private PolicyModel _model = null!;

    [Params(1_000, 10_000, 100_000)]
    public int Servers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var diagnostics = new DiagnosticBag();
        var bytes = System.Text.Encoding.UTF8.GetBytes(ScaledConfigGenerator.Generate(0, Servers));
        _root =
            YamlLoader.Load(bytes, "librechat.yaml", diagnostics)
            ?? throw new InvalidOperationException("load failed");
        var config =
            LibreChatLoader.ValidateAndRead(
                _root,
                "librechat.yaml",
                BenchInputs.Settings.Env,
                diagnostics
            ) ?? throw new InvalidOperationException("read failed");
        _model =
            PolicyBuilder.Build(config, BenchInputs.Settings, diagnostics)
            ?? throw new InvalidOperationException("policy failed");
    }

    [Benchmark]
    public TargetOutput EmitPulumi() =>
        TargetWriters.Find("pulumi")!.Write(_model, new DiagnosticBag());

    [Benchmark]
    public TargetOutput EmitAviatrixCrd() =>
        TargetWriters.Find("aviatrix-crd")!.Write(_model, new DiagnosticBag());

    [Benchmark]
    public TargetOutput EmitTerraform() =>
        TargetWriters.Find("terraform")!.Write(_model, new DiagnosticBag());

    [Benchmark]
    public string LintSarif()
    {
        var diagnostics = new DiagnosticBag();
        LibreChatLoader.ValidateAndRead(
            _root,
            "librechat.yaml",
            BenchInputs.Settings.Env,
            diagnostics
        );
        return SarifWriter.Write(diagnostics.Sorted(), "bench", ".");
    }
}
