using Containment.Core.IO;
using Containment.Core.Targets;

namespace Containment.Tests.IO;

public sealed class AtomicDirectoryWriterTests : IDisposable
{
    private static readonly DateTime Old = new(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc);
    private readonly string _root = Path.Combine(
        Path.GetTempPath(),
        "containment-atomic-" + Guid.NewGuid().ToString("N")
    );
    private readonly string _out;

    public AtomicDirectoryWriterTests()
    {
        Directory.CreateDirectory(_root);
        _out = Path.Combine(_root, "out");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void A_new_folder_gets_every_file_and_a_manifest()
    {
        var result = new AtomicDirectoryWriter().Write(
            Output(("a.yaml", "A"), ("sub/b.yaml", "B")),
            _out
        );

        Assert.Equal(["a.yaml", "sub/b.yaml"], result.Written);
        Assert.Equal("A", File.ReadAllText(Path.Combine(_out, "a.yaml")));
        Assert.Equal("B", File.ReadAllText(Path.Combine(_out, "sub", "b.yaml")));
        Assert.Contains(
            "sub/b.yaml",
            File.ReadAllLines(Path.Combine(_out, AtomicDirectoryWriter.ManifestFileName))
        );
        Assert.Equal(["out"], Directory.EnumerateFileSystemEntries(_root).Select(Path.GetFileName));
    }

    [Fact]
    public void Unchanged_content_is_not_rewritten_and_keeps_its_modification_time()
    {
        var writer = new AtomicDirectoryWriter();
        writer.Write(Output(("a.yaml", "A"), ("b.yaml", "B")), _out);
        AgeEverything();

        var result = writer.Write(Output(("a.yaml", "A"), ("b.yaml", "B2")), _out);

        Assert.Equal(["b.yaml"], result.Written);
        Assert.Equal(["a.yaml"], result.Unchanged);
        Assert.Equal(Old, File.GetLastWriteTimeUtc(Path.Combine(_out, "a.yaml")));
        Assert.NotEqual(Old, File.GetLastWriteTimeUtc(Path.Combine(_out, "b.yaml")));
        Assert.Equal(
            Old,
            File.GetLastWriteTimeUtc(Path.Combine(_out, AtomicDirectoryWriter.ManifestFileName))
        );
    }

    [Fact]
    public void A_rerun_on_the_same_output_changes_nothing()
    {
        var writer = new AtomicDirectoryWriter();
        writer.Write(Output(("a.yaml", "A")), _out);
        AgeEverything();

        var result = writer.Write(Output(("a.yaml", "A")), _out);

        Assert.False(result.ChangedAnything);
        Assert.All(
            Directory.EnumerateFiles(_out),
            f => Assert.Equal(Old, File.GetLastWriteTimeUtc(f))
        );
    }

    [Fact]
    public void Files_no_longer_produced_are_removed_only_when_the_manifest_says_they_are_ours()
    {
        var writer = new AtomicDirectoryWriter();
        writer.Write(Output(("a.yaml", "A"), ("old/gone.yaml", "G")), _out);
        File.WriteAllText(Path.Combine(_out, "README.md"), "mine");

        var result = writer.Write(Output(("a.yaml", "A")), _out);

        Assert.Equal(["old/gone.yaml"], result.Removed);
        Assert.False(File.Exists(Path.Combine(_out, "old", "gone.yaml")));
        Assert.False(Directory.Exists(Path.Combine(_out, "old")));
        Assert.Equal("mine", File.ReadAllText(Path.Combine(_out, "README.md")));
    }

    [Fact]
    public void A_manifest_entry_outside_the_folder_is_never_trusted()
    {
        var writer = new AtomicDirectoryWriter();
        writer.Write(Output(("a.yaml", "A")), _out);
        var outside = Path.Combine(_root, "precious.txt");
        File.WriteAllText(outside, "keep");
        File.AppendAllText(
            Path.Combine(_out, AtomicDirectoryWriter.ManifestFileName),
            "../precious.txt\n"
        );

        // Issue 10 item 8: a tampered manifest refuses the run (it used to be skipped silently).
        Assert.Throws<OutputFolderRefusedException>(() =>
            writer.Write(Output(("a.yaml", "A")), _out)
        );

        Assert.True(File.Exists(outside));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(8)]
    public void A_failure_during_commit_leaves_the_folder_as_it_was(int failingStep)
    {
        new AtomicDirectoryWriter().Write(
            Output(("a.yaml", "A"), ("b.yaml", "B"), ("gone.yaml", "G")),
            _out
        );
        File.WriteAllText(Path.Combine(_out, "user.txt"), "mine");
        AgeEverything();
        var before = Snapshot();
        var step = 0;
        var failing = new AtomicDirectoryWriter
        {
            BeforeCommitStep = _ =>
            {
                if (++step == failingStep)
                {
                    throw new IOException("disk full (simulated)");
                }
            },
        };

        Assert.Throws<IOException>(() =>
            failing.Write(Output(("a.yaml", "A2"), ("b.yaml", "B2"), ("new/c.yaml", "C")), _out)
        );

        Assert.Equal(before, Snapshot());
        Assert.Equal(["out"], Directory.EnumerateFileSystemEntries(_root).Select(Path.GetFileName));
    }

    [Fact]
    public void A_failure_while_creating_a_new_folder_leaves_no_folder()
    {
        var failing = new AtomicDirectoryWriter
        {
            BeforeCommitStep = _ => throw new IOException("simulated"),
        };

        Assert.Throws<IOException>(() => failing.Write(Output(("a.yaml", "A")), _out));

        Assert.False(Directory.Exists(_out));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_root));
    }

    private static TargetOutput Output(params (string Path, string Content)[] files) =>
        new("test", files.Select(f => new TargetFile(f.Path, f.Content)));

    private void AgeEverything()
    {
        foreach (var file in Directory.EnumerateFiles(_out, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, Old);
        }
    }

    private SortedDictionary<string, string> Snapshot()
    {
        var snapshot = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(_out, "*", SearchOption.AllDirectories))
        {
            snapshot[Path.GetRelativePath(_out, file)] =
                File.ReadAllText(file) + "|" + File.GetLastWriteTimeUtc(file).Ticks;
        }

        foreach (var dir in Directory.EnumerateDirectories(_out, "*", SearchOption.AllDirectories))
        {
            snapshot[Path.GetRelativePath(_out, dir) + "/"] = "dir";
        }

        return snapshot;
    }
}
