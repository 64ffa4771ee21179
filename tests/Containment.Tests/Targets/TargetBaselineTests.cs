using Containment.Core.Diagnostics;
using Containment.Core.Targets;
using Containment.Core.Targets.AviatrixCrd;
using Containment.Core.Targets.Terraform;

namespace Containment.Tests.Targets;

public class TargetBaselineTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var target in new[] { AviatrixCrdWriter.TargetName, TerraformJsonWriter.TargetName })
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

        Assert.False(diagnostics.HasErrors, TargetBaseline.RenderDiagnostics(diagnostics));
        TargetBaseline.AssertMatches(sample, output, diagnostics);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Two_runs_write_the_same_bytes(string target, string sample)
    {
        var writer = TargetWriters.Find(target)!;

        var first = writer.Write(SamplePolicies.ByName(sample), new DiagnosticBag());
        var second = writer.Write(SamplePolicies.ByName(sample), new DiagnosticBag());

        Assert.Equal(first.Files.Select(f => (f.RelativePath, f.Content)), second.Files.Select(f => (f.RelativePath, f.Content)));
        Assert.All(first.Files, f => Assert.DoesNotContain('\r', f.Content));
        Assert.All(first.Files, f => Assert.EndsWith("\n", f.Content, StringComparison.Ordinal));
    }
}

public sealed class TargetEmitToFolderTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "containment-emit-" + Guid.NewGuid().ToString("N"));

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

        var second = atomic.Write(writer.Write(SamplePolicies.MonitorUpstream(), new DiagnosticBag()), dir);

        Assert.False(second.ChangedAnything);
        Assert.All(Directory.EnumerateFiles(dir), f => Assert.Equal(old, File.GetLastWriteTimeUtc(f)));
    }
}
