using BenchmarkDotNet.Running;
using Containment.Tests.Robustness;

namespace Containment.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project bench/Containment.Benchmarks -- --filter '*'</c> runs the BenchmarkDotNet suite;
/// <c>-- stages N</c> prints a quick per-stage profile; <c>-- generate N FILE</c> writes the generated librechat.yaml with N custom endpoints (used by bench/scale.sh);
/// <c>-- generate-logs N FILE</c> writes N DCF log lines (used by bench/baseline.sh).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args is ["stages", var size])
        {
            StageTimer.Run(int.Parse(size, System.Globalization.CultureInfo.InvariantCulture));
            return 0;
        }
        if (args is ["generate", var count, var file])
        {
            File.WriteAllText(file, ScaledConfigGenerator.Generate(int.Parse(count, System.Globalization.CultureInfo.InvariantCulture)));
            return 0;
        }
        if (args is ["generate-logs", var lines, var logFile])
        {
            // bench/baseline.sh: a busy gateway's DCF log for `containment baseline`.
            File.WriteAllLines(logFile, Containment.Tests.LogBaseline.DcfLogGenerator.Busy(int.Parse(lines, System.Globalization.CultureInfo.InvariantCulture)));
            return 0;
        }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
