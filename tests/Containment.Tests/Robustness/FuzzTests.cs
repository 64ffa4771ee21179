using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Containment.Tests.Robustness;

/// <summary>
/// Random and damaged librechat.yaml files never crash the tool: load, read, policy, every target and every
/// report end in a result or in diagnostics, never in an exception. 12,000 cases by default (a few seconds
/// per test on 2 cores); <c>CONTAINMENT_FUZZ_COUNT=1000000 dotnet test --filter FullyQualifiedName~Robustness</c>
/// runs a long campaign (see docs/limits.md). Failing inputs are saved under the temp folder and named in the message.
/// </summary>
public class FuzzTests
{
    [Fact]
    public void Grammar_documents_never_crash_the_pipeline() =>
        RunCases(
            nameof(Grammar_documents_never_crash_the_pipeline),
            ConfigGrammar.Document.Select(Encoding.UTF8.GetBytes),
            FuzzSettings.Count(4_000),
            test: 10
        );

    [Fact]
    public void Byte_flipped_fixtures_never_crash_the_pipeline() =>
        RunCases(
            nameof(Byte_flipped_fixtures_never_crash_the_pipeline),
            TextMutations.Mutate(FuzzSeeds.All, TextMutations.Kind.ByteFlip),
            FuzzSettings.Count(2_000),
            test: 11
        );

    [Fact]
    public void Fixtures_with_deleted_or_duplicated_lines_never_crash_the_pipeline() =>
        RunCases(
            nameof(Fixtures_with_deleted_or_duplicated_lines_never_crash_the_pipeline),
            TextMutations.Mutate(
                FuzzSeeds.All,
                TextMutations.Kind.LineDeletion,
                TextMutations.Kind.LineDuplication
            ),
            FuzzSettings.Count(2_000),
            test: 12
        );

    [Fact]
    public void Fixtures_with_shifted_indentation_never_crash_the_pipeline() =>
        RunCases(
            nameof(Fixtures_with_shifted_indentation_never_crash_the_pipeline),
            TextMutations.Mutate(FuzzSeeds.All, TextMutations.Kind.IndentShift),
            FuzzSettings.Count(2_000),
            test: 13
        );

    [Fact]
    public void Fixtures_with_swapped_keys_never_crash_the_pipeline() =>
        RunCases(
            nameof(Fixtures_with_swapped_keys_never_crash_the_pipeline),
            TextMutations.Mutate(FuzzSeeds.All, TextMutations.Kind.KeySwap),
            FuzzSettings.Count(2_000),
            test: 14
        );

    /// <summary>An FsCheck property with shrinking: any grammar document gives the same outputs twice (no hidden state, no hash-order output).</summary>
    [Fact]
    public void Grammar_documents_give_identical_outputs_on_every_run()
    {
        var property = Prop.ForAll(
            Arb.From(ConfigGrammar.Document),
            doc =>
            {
                var bytes = Encoding.UTF8.GetBytes(doc);
                return PipelineRunner
                    .Run(bytes)
                    .AllText.SequenceEqual(
                        PipelineRunner.Run(bytes).AllText,
                        StringComparer.Ordinal
                    );
            }
        );
        Check.One(
            Config
                .QuickThrowOnFailure.WithMaxTest(FuzzSettings.Count(200))
                .WithReplay(FuzzSettings.Replay(15)),
            property
        );
    }

    [Fact]
    public void The_fuzz_run_covers_every_stage()
    {
        // A fuzzer that only ever reaches the parser's error path proves little: check that grammar documents
        // also make it through the reader and the policy to the targets.
        var outcomes = ConfigGrammar
            .Document.Sample(200, FuzzSettings.Seed(16), 20)
            .Select(d => PipelineRunner.Run(Encoding.UTF8.GetBytes(d)))
            .ToList();
        Assert.True(
            outcomes.Count(o => o.Config is not null) >= 120,
            "too few grammar documents reach the reader's model"
        );
        Assert.True(
            outcomes.Count(o => o.Model is not null) >= 60,
            "too few grammar documents reach the policy and the targets"
        );
        Assert.True(
            outcomes.Count(o => o.Model is { WebGroups.Count: > 1 }) >= 40,
            "too few grammar documents produce internet egress"
        );
    }

    private static void RunCases(string name, Gen<byte[]> gen, int count, int test)
    {
        var failures = new List<string>();
        var done = 0;
        for (var chunk = 0; done < count && failures.Count < 5; chunk++)
        {
            // Sizes cycle so both tiny and large documents appear in every run.
            var size = 5 + chunk * 7 % 45;
            var batch = gen.Sample(
                Math.Min(200, count - done),
                FuzzSettings.Seed(test * 10_000 + chunk),
                size
            );
            foreach (var bytes in batch)
            {
                var settings = PipelineRunner.SettingsVariants[
                    done % PipelineRunner.SettingsVariants.Count
                ];
                try
                {
                    PipelineRunner.Run(bytes, settings);
                }
#pragma warning disable CA1031 // Any exception is the finding: record it with the input and go on.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    failures.Add(Save(name, done, bytes, ex));
                    if (failures.Count >= 5)
                    {
                        break;
                    }
                }
                done++;
            }
        }
        Assert.True(
            failures.Count == 0,
            $"{failures.Count} of {done} cases failed (seed {FuzzSettings.BaseSeed}):\n"
                + string.Join("\n", failures)
        );
    }

    private static string Save(string name, int index, byte[] bytes, Exception ex)
    {
        var dir = Path.Combine(Path.GetTempPath(), "containment-fuzz");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(
            dir,
            string.Create(
                CultureInfo.InvariantCulture,
                $"{name}-{FuzzSettings.BaseSeed}-{index}.yaml"
            )
        );
        File.WriteAllBytes(path, bytes);
        return $"case {index}: {ex.GetType().Name}: {ex.Message} (input: {path})\n{ex.StackTrace?.Split('\n').FirstOrDefault()}";
    }
}
