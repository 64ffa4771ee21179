using BenchmarkDotNet.Attributes;
using Containment.Core.Diagnostics;
using Containment.Core.IO;
using Containment.Core.LibreChat;
using Containment.Core.LibreChat.Schema;
using Containment.Core.Pipeline;
using Containment.Core.Policy;
using Containment.Core.Reports;
using Containment.Core.Targets;
using Containment.Core.Yaml;

namespace Containment.Benchmarks;

/// <summary>
/// Time and allocations per pipeline stage, each measured on the previous stage's output: load (bytes to
/// YAML tree), read (tree to typed config), schema (LibreChat's zod rules on the tree), policy (config to
/// model), each target writer, the plan JSON report, and the whole pipeline end to end.
/// </summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private byte[] _bytes = [];
    private YNode _root = null!;
    private LibreChatConfig _config = null!;
    private PolicyModel _model = null!;

    /// <summary>0 is the repo's example config; the rest are generated custom-endpoint counts (and a tenth as many MCP servers).</summary>
    [Params(0, 100, 1_000, 10_000)]
    public int Endpoints { get; set; }

    /// <summary>MCP servers instead of a tenth of <see cref="Endpoints"/> (the <c>stages N MCP</c> profile).</summary>
    public int? McpServersOverride { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _bytes = System.Text.Encoding.UTF8.GetBytes(
            BenchInputs.Load(Endpoints, McpServersOverride).Text
        );
        var diagnostics = new DiagnosticBag();
        _root =
            YamlLoader.Load(_bytes, "librechat.yaml", diagnostics)
            ?? throw Failed("load", diagnostics);
        _config =
            LibreChatLoader.ValidateAndRead(
                _root,
                "librechat.yaml",
                BenchInputs.Settings.Env,
                diagnostics
            ) ?? throw Failed("read", diagnostics);
        _model =
            PolicyBuilder.Build(_config, BenchInputs.Settings, diagnostics)
            ?? throw Failed("policy", diagnostics);
    }

    private static InvalidOperationException Failed(string stage, DiagnosticBag diagnostics) =>
        new(
            $"{stage} failed: "
                + string.Join(
                    "\n",
                    diagnostics
                        .Items.Where(d => d.Severity == Severity.Error)
                        .Take(5)
                        .Select(d => d.Render())
                )
        );

    [Benchmark]
    public YNode? Load() => YamlLoader.Load(_bytes, "librechat.yaml", new DiagnosticBag());

    [Benchmark]
    public LibreChatConfig? Read() =>
        LibreChatReader.Read(
            _root,
            "librechat.yaml",
            BenchInputs.Settings.Env,
            new DiagnosticBag()
        );

    [Benchmark]
    public int Schema()
    {
        var diagnostics = new DiagnosticBag();
        LibreChatSchema.Validate(
            _root,
            "librechat.yaml",
            diagnostics,
            name => BenchInputs.Settings.Env.GetValueOrDefault(name)
        );
        return diagnostics.Items.Count;
    }

    [Benchmark]
    public PolicyModel? Policy() =>
        PolicyBuilder.Build(_config, BenchInputs.Settings, new DiagnosticBag());

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
    public string PlanJson() => PlanReport.Render(_model, [], ReportFormat.Json);

    /// <summary>What `containment emit --target pulumi` does after reading the file: every stage in a row.</summary>
    [Benchmark]
    public TargetOutput EndToEndPulumi()
    {
        var diagnostics = new DiagnosticBag();
        var root = YamlLoader.Load(_bytes, "librechat.yaml", diagnostics)!;
        var config = LibreChatLoader.ValidateAndRead(
            root,
            "librechat.yaml",
            BenchInputs.Settings.Env,
            diagnostics
        )!;
        var model = PolicyBuilder.Build(config, BenchInputs.Settings, diagnostics)!;
        return TargetWriters.Find("pulumi")!.Write(model, diagnostics);
    }
}
