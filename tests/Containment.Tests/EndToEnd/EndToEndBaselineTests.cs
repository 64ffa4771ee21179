using Containment.Core.Targets;
using Containment.Tests.Infrastructure;

namespace Containment.Tests.EndToEnd;

/// <summary>
/// The real pipeline, through the in-process CLI, on the inputs in Baselines/e2e-&lt;case&gt;/: every output (plan JSON and
/// text, each emitted target, the compiler's program) equals the committed files byte for byte.
/// Accept intended changes with <c>CONTAINMENT_ACCEPT=1 dotnet test</c> and review <c>git diff</c>.
/// </summary>
public sealed class EndToEndBaselineTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public static TheoryData<string> Cases() => [.. E2eCase.All.Select(c => c.Name)];

    public void Dispose() => _temp.Dispose();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_output_matches_the_baseline_byte_for_byte(string name)
    {
        var c = E2eCase.ByName(name);

        var json = c.Plan("json");
        Assert.Equal((0, ""), (json.ExitCode, json.Stderr));
        Baseline.Match(c.Folder, "plan.json", json.Stdout);

        var text = c.Plan("text");
        Assert.Equal(0, text.ExitCode);
        Baseline.Match(c.Folder, "plan.txt", text.Stdout);

        foreach (var writer in TargetWriters.All)
        {
            var (result, files) = c.Emit(writer.Name, _temp.Sub(writer.Name));
            Assert.True(result.ExitCode == 0, result.Stderr);
            Baseline.MatchFolder(c.Folder, writer.Name, files);
        }

        // compile (what Pulumi runs) prints the very program emit --target pulumi wrote, from PULUMI_CONFIG alone.
        var compile = c.Compile();
        Assert.Equal((0, ""), (compile.ExitCode, compile.Stderr));
        Baseline.Match(c.Folder, "pulumi/Main.yaml", compile.Stdout);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_same_inputs_give_the_same_bytes_twice(string name)
    {
        var c = E2eCase.ByName(name);

        Assert.Equal(c.Plan("json").Stdout, c.Plan("json").Stdout);
        Assert.Equal(c.Compile().Stdout, c.Compile().Stdout);
        Assert.DoesNotContain('\r', c.Compile().Stdout);
    }

    [Fact]
    public void Every_case_folder_holds_exactly_its_inputs_and_outputs()
    {
        foreach (var c in E2eCase.All)
        {
            var files = E2eCase
                .ReadFolder(Baseline.CaseFolder(c.Folder))
                .Keys.Select(p => p.Split('/')[0])
                .Distinct()
                .Order(StringComparer.Ordinal);
            Assert.Equal(
                new[]
                {
                    c.StackFile,
                    "aviatrix-crd",
                    E2eCase.ConfigFile,
                    "plan.json",
                    "plan.txt",
                    "pulumi",
                    "terraform",
                }.Order(StringComparer.Ordinal),
                files
            );
        }
    }
}
