using BenchmarkDotNet.Running;
using Containment.Tests.Robustness;

namespace Containment.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project bench/Containment.Benchmarks -- --filter '*'</c> runs the BenchmarkDotNet suite;
/// <c>-- stages N [MCP]</c> prints a quick per-stage profile; <c>-- generate N FILE [MCP]</c> writes the generated librechat.yaml
/// with N custom endpoints and MCP servers (default N/10) (used by bench/scale.sh);
/// <c>-- generate-logs N FILE</c> writes N DCF log lines (used by bench/baseline.sh).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args is ["stages", var size, .. var stagesRest] && stagesRest.Length <= 1)
        {
            StageTimer.Run(Number(size), stagesRest.Length == 1 ? Number(stagesRest[0]) : null);
            return 0;
        }
        if (args is ["generate", var count, var file, .. var rest] && rest.Length <= 1)
        {
            File.WriteAllText(
                file,
                ScaledConfigGenerator.Generate(
                    Number(count),
                    rest.Length == 1 ? Number(rest[0]) : null
                )
            );
            return 0;
        }
        if (args is ["generate-logs", var lines, var logFile])
        {
            // bench/baseline.sh: a busy gateway's DCF log for `containment baseline`.
            File.WriteAllLines(
                logFile,
                Containment.Tests.LogBaseline.DcfLogGenerator.Busy(Number(lines))
            );
            return 0;
        }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }

    private static int Number(string text) =>
        int.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
