using Containment.Core.Diagnostics;
using Containment.Core.Targets;
using Containment.Core.Targets.AviatrixCrd;
using Containment.Core.Targets.Terraform;
using Containment.Tests.Infrastructure;
using Containment.Tests.Infrastructure.Models;

namespace Containment.Tests.Targets;

public class TargetBaselineTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (
            var target in new[] { AviatrixCrdWriter.TargetName, TerraformJsonWriter.TargetName }
        )
        {
            foreach (var sample in SamplePolicies.Cases)
            {
                data.Add(target, sample);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Output_matches_the_golden_files(string target, string sample)
    {
        var writer = TargetWriters.Find(target)!;
        var diagnostics = new DiagnosticBag();

        var output = writer.Write(SamplePolicies.ByName(sample), diagnostics);

        Assert.False(diagnostics.HasErrors, Baseline.RenderDiagnostics(diagnostics));
        Baseline.MatchTarget(sample, output, diagnostics);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Two_runs_write_the_same_bytes(string target, string sample)
    {
        var writer = TargetWriters.Find(target)!;

        var first = writer.Write(SamplePolicies.ByName(sample), new DiagnosticBag());
        var second = writer.Write(SamplePolicies.ByName(sample), new DiagnosticBag());

        Assert.Equal(
            first.Files.Select(f => (f.RelativePath, f.Content)),
            second.Files.Select(f => (f.RelativePath, f.Content))
        );
        Assert.All(first.Files, f => Assert.DoesNotContain('\r', f.Content));
        Assert.All(first.Files, f => Assert.EndsWith("\n", f.Content, StringComparison.Ordinal));
    }
}

public sealed class TargetEmitToFolderTests : IDisposable
{
    private readonly string _root = Path.Combine(
        Path.GetTempPath(),
        "containment-emit-" + Guid.NewGuid().ToString("N")
    );

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Theory]
    [InlineData("aviatrix-crd")]
    [InlineData("terraform")]
    public void Emitting_the_same_policy_twice_changes_no_file(string target)
    {
        var writer = TargetWriters.Find(target)!;
        var dir = Path.Combine(_root, target);
        var atomic = new Core.IO.AtomicDirectoryWriter();
        atomic.Write(writer.Write(SamplePolicies.MonitorUpstream(), new DiagnosticBag()), dir);
        var old = new DateTime(2021, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        foreach (var file in Directory.EnumerateFiles(dir))
        {
            File.SetLastWriteTimeUtc(file, old);
        }

        var second = atomic.Write(
            writer.Write(SamplePolicies.MonitorUpstream(), new DiagnosticBag()),
            dir
        );

        Assert.False(second.ChangedAnything);
        Assert.All(
            Directory.EnumerateFiles(dir),
            f => Assert.Equal(old, File.GetLastWriteTimeUtc(f))
        );
    }
}

public sealed class TargetEmitterTests : IDisposable
{
    private readonly string _dir = Path.Combine(
        Path.GetTempPath(),
        "containment-emitter-" + Guid.NewGuid().ToString("N")
    );

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Fact]
    public void A_writer_error_leaves_the_output_folder_untouched()
    {
        // Given a folder with a previous output, and a policy no FirewallPolicy rule can express (every source is nodes)
        var model = SamplePolicies.MonitorUpstream();
        Core.IO.AtomicDirectoryWriter writer = new();
        writer.Write(new AviatrixCrdWriter().Write(model, new DiagnosticBag()), _dir);
        var before = Directory
            .EnumerateFiles(_dir)
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllText)
            .ToList();
        var broken = model with
        {
            Rules = [.. model.Rules.Where(r => r.Name == "permit-registries")],
        };
        var diagnostics = new DiagnosticBag();

        // When
        var result = TargetEmitter.Emit(new AviatrixCrdWriter(), broken, _dir, diagnostics);

        // Then
        Assert.Null(result);
        Assert.Contains(diagnostics.Items, d => d.Code == "CT6006" && d.Severity == Severity.Error);
        Assert.DoesNotContain(diagnostics.Items, d => d.Code == "CT6090");
        Assert.Equal(
            before,
            Directory.EnumerateFiles(_dir).Order(StringComparer.Ordinal).Select(File.ReadAllText)
        );
    }

    [Fact]
    public void Earlier_errors_mean_nothing_is_written()
    {
        var diagnostics = new DiagnosticBag();
        diagnostics.Add(
            DiagnosticCatalog.TargetSchemaViolation,
            SourceSpan.FileOnly("x"),
            "earlier stage failed"
        );

        Assert.Null(
            TargetEmitter.Emit(
                new TerraformJsonWriter(),
                SamplePolicies.MonitorUpstream(),
                _dir,
                diagnostics
            )
        );
        Assert.False(Directory.Exists(_dir));
    }

    [Fact]
    public void A_clean_policy_is_written()
    {
        var result = TargetEmitter.Emit(
            new TerraformJsonWriter(),
            SamplePolicies.Obot(),
            _dir,
            new DiagnosticBag()
        );

        Assert.NotNull(result);
        Assert.Equal(
            ["main.tf.json", "providers.tf.json", "variables.tf.json", "versions.tf.json"],
            result.Written
        );
    }
}
