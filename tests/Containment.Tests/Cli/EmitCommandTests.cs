using Containment.Core.IO;
using Containment.Core.Targets;
using Containment.Tests.EndToEnd;
using static Containment.Tests.Cli.CliRunner;

namespace Containment.Tests.Cli;

/// <summary><c>emit</c> in-process for every target: what it writes, that a re-run changes nothing, that a failed run touches nothing.</summary>
public sealed class EmitCommandTests : IDisposable
{
    private static readonly E2eCase Upstream = E2eCase.ByName("upstream");
    private static readonly DateTime Old = new(2021, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private readonly TempFolder _temp = new();

    public static TheoryData<string> Targets() => [.. TargetWriters.All.Select(w => w.Name)];

    public void Dispose() => _temp.Dispose();

    [Theory]
    [MemberData(nameof(Targets))]
    public void Emit_writes_the_target_and_says_what_it_did(string target)
    {
        var dir = _temp.Sub(target);

        var (result, files) = Upstream.Emit(target, dir);

        Assert.Equal((0, ""), (result.ExitCode, result.Stdout));
        Assert.NotEmpty(files);
        Assert.EndsWith(
            $"containment: {target} -> {dir}: {files.Count} written, 0 unchanged, 0 removed\n",
            result.Stderr,
            StringComparison.Ordinal
        );
        Assert.Equal(
            [.. files.Keys],
            File.ReadAllText(Path.Combine(dir, AtomicDirectoryWriter.ManifestFileName))
                .Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Where(l => !l.StartsWith('#'))
        );
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public void Running_emit_again_on_the_same_input_changes_nothing(string target)
    {
        var dir = _temp.Sub(target);
        var (_, first) = Upstream.Emit(target, dir);
        var stamps = Touch(dir);

        var (result, second) = Upstream.Emit(target, dir);

        Assert.Equal(0, result.ExitCode);
        Assert.EndsWith(
            $": 0 written, {first.Count} unchanged, 0 removed\n",
            result.Stderr,
            StringComparison.Ordinal
        );
        Assert.Equal(first, second);
        Assert.Equal(stamps, Stamps(dir));
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public void A_failing_run_leaves_the_folder_untouched(string target)
    {
        // Given a folder holding a previous good output (and a file of the user's)
        var dir = _temp.Sub(target);
        Upstream.Emit(target, dir);
        File.WriteAllText(Path.Combine(dir, "README.user"), "mine\n");
        var stamps = Touch(dir);
        var before = E2eCase.ReadFolder(dir);
        var fs = Upstream
            .FileSystem()
            .With(
                "broken.yaml",
                "version: \"1\"\nendpoints:\n  custom:\n    - name: x\n      baseURL: [\n"
            );

        // When the config has an error
        var result = Run(
            fs,
            "emit",
            "--settings",
            Upstream.StackFile,
            "--config",
            "broken.yaml",
            "--target",
            target,
            "--out",
            dir
        );

        // Then nothing was written, and the reason is on stderr
        Assert.Equal((1, ""), (result.ExitCode, result.Stdout));
        Assert.Contains("broken.yaml(", result.Stderr, StringComparison.Ordinal);
        Assert.EndsWith(
            $"containment: nothing written to {dir} (errors above)\n",
            result.Stderr,
            StringComparison.Ordinal
        );
        Assert.Equal(before, E2eCase.ReadFolder(dir));
        Assert.Equal(stamps, Stamps(dir));
        Assert.Equal([dir], Directory.EnumerateDirectories(_temp.Path));
    }

    [Fact]
    public void A_failing_first_run_creates_no_folder()
    {
        var dir = _temp.Sub("never");

        var result = Run(
            Upstream.FileSystem(),
            "emit",
            "--settings",
            Upstream.StackFile,
            "--config",
            "missing.yaml",
            "--target",
            "terraform",
            "--out",
            dir
        );

        Assert.Equal(1, result.ExitCode);
        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public void An_out_path_that_is_a_file_exits_1_and_changes_nothing()
    {
        // Regression: this was "internal error" and exit 3, as if it were a bug in Containment.
        Directory.CreateDirectory(_temp.Path);
        var file = _temp.Sub("out.txt");
        File.WriteAllText(file, "not a folder\n");

        var result = Run(
            Upstream.FileSystem(),
            "emit",
            "--settings",
            Upstream.StackFile,
            "--config",
            E2eCase.ConfigFile,
            "--target",
            "terraform",
            "--out",
            file
        );

        Assert.Equal((1, ""), (result.ExitCode, result.Stdout));
        Assert.EndsWith(
            $"containment: nothing written to {file}: '{file}' is a file, not a folder.\n",
            result.Stderr,
            StringComparison.Ordinal
        );
        Assert.Equal("not a folder\n", File.ReadAllText(file));
        Assert.Equal([file], Directory.EnumerateFileSystemEntries(_temp.Path));
    }

    [Fact]
    public void An_unknown_target_is_a_usage_error()
    {
        var result = Run(
            Upstream.FileSystem(),
            "emit",
            "--settings",
            Upstream.StackFile,
            "--target",
            "cloudformation",
            "--out",
            _temp.Sub("x")
        );

        Assert.Equal(2, result.ExitCode);
        Assert.False(Directory.Exists(_temp.Sub("x")));
    }

    /// <summary>Sets every file's modification time to a fixed past instant, so a rewrite would show.</summary>
    private static SortedDictionary<string, DateTime> Touch(string dir)
    {
        foreach (var file in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, Old);
        }

        return Stamps(dir);
    }

    private static SortedDictionary<string, DateTime> Stamps(string dir) =>
        new(
            Directory
                .EnumerateFiles(dir, "*", SearchOption.AllDirectories)
                .ToDictionary(f => f, File.GetLastWriteTimeUtc),
            StringComparer.Ordinal
        );
}
