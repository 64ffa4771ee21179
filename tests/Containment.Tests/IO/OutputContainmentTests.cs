using System.Diagnostics;
using Containment.Core.IO;
using Containment.Core.Targets;
using Containment.Tests.EndToEnd;
using static Containment.Tests.Cli.CliRunner;

namespace Containment.Tests.IO;

/// <summary>
/// Issue 10 item 8: <c>emit</c> writes and deletes only inside <c>--out</c>. The folder and its manifest
/// (<c>.containment-files</c>) are committed, so a pull request controls both: links and hostile entries are real
/// file-system objects here, and every test checks the file outside the folder is still there afterwards.
/// </summary>
public sealed class OutputContainmentTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly string _out;
    private readonly string _elsewhere;

    public OutputContainmentTests()
    {
        _out = _temp.Sub("out");
        _elsewhere = _temp.Sub("elsewhere");
        Directory.CreateDirectory(_elsewhere);
        File.WriteAllText(Path.Combine(_elsewhere, "secret.txt"), "keep");
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_manifest_entry_through_a_linked_folder_does_not_delete_the_linked_file()
    {
        // Given a previous output, then a commit adding `link -> elsewhere` and `link/secret.txt` to the manifest
        new AtomicDirectoryWriter().Write(Output(("a.yaml", "A")), _out);
        File.CreateSymbolicLink(Path.Combine(_out, "link"), _elsewhere);
        AppendToManifest("link/secret.txt");

        // When emit runs again, producing no link/secret.txt
        var error = Assert.Throws<OutputFolderRefusedException>(() =>
            new AtomicDirectoryWriter().Write(Output(("a.yaml", "A")), _out)
        );

        // Then the run is refused by naming the link, and the file behind the link is untouched
        Assert.Equal(Path.Combine(_out, "link"), error.Path);
        Assert.Equal("keep", File.ReadAllText(Path.Combine(_elsewhere, "secret.txt")));
    }

    [Theory]
    [InlineData("../secret.txt")]
    [InlineData("../elsewhere/secret.txt")]
    [InlineData("a/../../elsewhere/secret.txt")]
    [InlineData("/etc/hostname")]
    [InlineData("./a.yaml")]
    [InlineData("a//b.yaml")]
    [InlineData("a/")]
    [InlineData("..\\\\elsewhere\\\\secret.txt")]
    [InlineData("C:x")]
    [InlineData("a.yaml\u0000../../elsewhere/secret.txt")]
    [InlineData("a\u001b[2Kb")]
    public void A_manifest_entry_that_is_not_a_plain_relative_path_refuses_the_run(string entry)
    {
        new AtomicDirectoryWriter().Write(Output(("a.yaml", "A"), ("b.yaml", "B")), _out);
        AppendToManifest(entry);
        var before = Listing();

        var error = Assert.Throws<OutputFolderRefusedException>(() =>
            new AtomicDirectoryWriter().Write(Output(("a.yaml", "A2")), _out)
        );

        Assert.Contains(
            $"{AtomicDirectoryWriter.ManifestFileName} line 4 is not a plain relative path",
            error.Message,
            StringComparison.Ordinal
        );
        Assert.DoesNotContain(entry, error.Message, StringComparison.Ordinal);
        Assert.Equal(before, Listing());
        Assert.Equal("keep", File.ReadAllText(Path.Combine(_elsewhere, "secret.txt")));
    }

    [Fact]
    public void Empty_lines_and_crlf_line_ends_in_the_manifest_are_harmless()
    {
        new AtomicDirectoryWriter().Write(Output(("a.yaml", "A"), ("b.yaml", "B")), _out);
        var manifest = Path.Combine(_out, AtomicDirectoryWriter.ManifestFileName);
        File.WriteAllText(
            manifest,
            "\n\n"
                + File.ReadAllText(manifest).Replace("\n", "\r\n", StringComparison.Ordinal)
                + "\n"
        );

        var result = new AtomicDirectoryWriter().Write(Output(("a.yaml", "A")), _out);

        Assert.Equal(["b.yaml"], result.Removed);
    }

    [Fact]
    public void An_out_folder_that_is_a_symbolic_link_is_refused()
    {
        var link = _temp.Sub("out-link");
        File.CreateSymbolicLink(link, _elsewhere);

        var error = Assert.Throws<OutputFolderRefusedException>(() =>
            new AtomicDirectoryWriter().Write(Output(("secret.txt", "overwritten")), link + "/")
        );

        Assert.Contains("is a symbolic link", error.Message, StringComparison.Ordinal);
        Assert.Equal("keep", File.ReadAllText(Path.Combine(_elsewhere, "secret.txt")));
        Assert.Equal(
            ["secret.txt"],
            Directory.EnumerateFileSystemEntries(_elsewhere).Select(Path.GetFileName)
        );
    }

    [Fact]
    public void An_output_is_never_written_through_a_linked_folder()
    {
        Directory.CreateDirectory(_out);
        File.CreateSymbolicLink(Path.Combine(_out, "crds"), _elsewhere);

        Assert.Throws<OutputFolderRefusedException>(() =>
            new AtomicDirectoryWriter().Write(Output(("crds/secret.txt", "overwritten")), _out)
        );

        Assert.Equal("keep", File.ReadAllText(Path.Combine(_elsewhere, "secret.txt")));
    }

    [Fact]
    public void A_listed_file_that_became_a_link_is_removed_as_the_link_never_through_it()
    {
        new AtomicDirectoryWriter().Write(Output(("a.yaml", "A"), ("gone.yaml", "G")), _out);
        File.Delete(Path.Combine(_out, "gone.yaml"));
        File.CreateSymbolicLink(
            Path.Combine(_out, "gone.yaml"),
            Path.Combine(_elsewhere, "secret.txt")
        );

        var result = new AtomicDirectoryWriter().Write(Output(("a.yaml", "A")), _out);

        Assert.Equal(["gone.yaml"], result.Removed);
        Assert.False(RegularFile.IsSymbolicLink(Path.Combine(_out, "gone.yaml")));
        Assert.Equal("keep", File.ReadAllText(Path.Combine(_elsewhere, "secret.txt")));
    }

    [Fact]
    public void An_output_that_is_a_link_is_replaced_by_a_file_and_its_target_is_not_written()
    {
        new AtomicDirectoryWriter().Write(Output(("a.yaml", "A")), _out);
        File.Delete(Path.Combine(_out, "a.yaml"));
        File.CreateSymbolicLink(
            Path.Combine(_out, "a.yaml"),
            Path.Combine(_elsewhere, "secret.txt")
        );

        new AtomicDirectoryWriter().Write(Output(("a.yaml", "A")), _out);

        Assert.False(RegularFile.IsSymbolicLink(Path.Combine(_out, "a.yaml")));
        Assert.Equal("A", File.ReadAllText(Path.Combine(_out, "a.yaml")));
        Assert.Equal("keep", File.ReadAllText(Path.Combine(_elsewhere, "secret.txt")));
    }

    [Fact]
    public async Task A_fifo_where_an_output_belongs_is_replaced_without_blocking()
    {
        new AtomicDirectoryWriter().Write(Output(("a.yaml", "A")), _out);
        File.Delete(Path.Combine(_out, "a.yaml"));
        MakeFifo(Path.Combine(_out, "a.yaml"));

        // WaitAsync throws TimeoutException if the write blocks on the FIFO.
        var result = await Task.Run(
                () => new AtomicDirectoryWriter().Write(Output(("a.yaml", "A")), _out),
                TestContext.Current.CancellationToken
            )
            .WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);

        Assert.Equal(["a.yaml"], result.Written);
        Assert.Equal("A", File.ReadAllText(Path.Combine(_out, "a.yaml")));
    }

    [Fact]
    public async Task A_manifest_linked_to_dev_zero_is_refused_without_reading_it()
    {
        Directory.CreateDirectory(_out);
        File.CreateSymbolicLink(
            Path.Combine(_out, AtomicDirectoryWriter.ManifestFileName),
            "/dev/zero"
        );

        var error = await Assert.ThrowsAsync<OutputFolderRefusedException>(() =>
            Task.Run(
                    () => new AtomicDirectoryWriter().Write(Output(("a.yaml", "A")), _out),
                    TestContext.Current.CancellationToken
                )
                .WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken)
        );
        Assert.Contains(
            "is a character device, not a regular file",
            error.Message,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void Emit_reports_a_refused_folder_as_CT1101_and_exits_1()
    {
        var c = E2eCase.ByName("upstream");
        var link = _temp.Sub("out-link");
        File.CreateSymbolicLink(link, _elsewhere);

        var result = Run(
            c.FileSystem(),
            "emit",
            "--settings",
            c.StackFile,
            "--config",
            E2eCase.ConfigFile,
            "--target",
            "terraform",
            "--out",
            link
        );

        Assert.Equal((1, ""), (result.ExitCode, result.Stdout));
        Assert.Contains(
            $"{link}: error CT1101: '{link}' is a symbolic link",
            result.Stderr,
            StringComparison.Ordinal
        );
        Assert.Equal(
            ["secret.txt"],
            Directory.EnumerateFileSystemEntries(_elsewhere).Select(Path.GetFileName)
        );
    }

    private static TargetOutput Output(params (string Path, string Content)[] files) =>
        new("test", files.Select(f => new TargetFile(f.Path, f.Content)));

    private void AppendToManifest(string entry) =>
        File.AppendAllText(
            Path.Combine(_out, AtomicDirectoryWriter.ManifestFileName),
            entry + "\n"
        );

    private List<string> Listing() =>
        [
            .. Directory
                .EnumerateFileSystemEntries(_temp.Path, "*", SearchOption.AllDirectories)
                .Order(StringComparer.Ordinal),
        ];

    private static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start(
            new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false }
        )!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }
}
