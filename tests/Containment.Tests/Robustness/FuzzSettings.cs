namespace Containment.Tests.Robustness;

/// <summary>
/// How many fuzz cases run and from which seed. <c>dotnet test</c> runs a fixed, bounded set (deterministic, a few
/// seconds); <c>CONTAINMENT_FUZZ_COUNT=1000000</c> scales every fuzz test up and <c>CONTAINMENT_FUZZ_SEED</c>
/// picks another seed (a number, or <c>random</c>: the seed is then printed in any failure message).
/// </summary>
public static class FuzzSettings
{
    /// <summary>The case count for one fuzz test: its share of the default total, scaled by CONTAINMENT_FUZZ_COUNT.</summary>
    public static int Count(int defaultCount)
    {
        var configured = Environment.GetEnvironmentVariable("CONTAINMENT_FUZZ_COUNT");
        return
            int.TryParse(
                configured,
                System.Globalization.CultureInfo.InvariantCulture,
                out var total
            )
            && total > 0
            ? Math.Max(1, (int)((long)total * defaultCount / DefaultTotal))
            : defaultCount;
    }

    /// <summary>The sum of the default counts of all fuzz tests (CONTAINMENT_FUZZ_COUNT is shared out in these proportions).</summary>
    public const int DefaultTotal = 12_000;

    public static ulong BaseSeed { get; } = ReadSeed();

    /// <summary>A seed per test (so tests do not replay each other's cases).</summary>
    public static FsCheck.Rnd Seed(int test) =>
        new(BaseSeed + (ulong)test * 0x9E3779B97F4A7C15UL, 0x2545F4914F6CDD1DUL);

    /// <summary>The same seed as an FsCheck replay, for properties run with <c>Check.One</c>.</summary>
    public static Microsoft.FSharp.Core.FSharpOption<FsCheck.Replay> Replay(int test) =>
        Microsoft.FSharp.Core.FSharpOption<FsCheck.Replay>.Some(
            new FsCheck.Replay(Seed(test), Microsoft.FSharp.Core.FSharpOption<int>.None)
        );

    private static ulong ReadSeed()
    {
        var configured = Environment.GetEnvironmentVariable("CONTAINMENT_FUZZ_SEED");
        if (string.Equals(configured, "random", StringComparison.OrdinalIgnoreCase))
        {
            return (ulong)Random.Shared.NextInt64();
        }
        return ulong.TryParse(
            configured,
            System.Globalization.CultureInfo.InvariantCulture,
            out var seed
        )
            ? seed
            : 20261125UL;
    }
}
