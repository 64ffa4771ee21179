using System.Diagnostics;
using Containment.Core.Diagnostics;
using Containment.Core.IO;
using Containment.Core.Settings;
using Containment.Tests.EndToEnd;
using static Containment.Tests.Cli.CliRunner;

namespace Containment.Tests.IO;

/// <summary>
/// Issue 10 item 7: every read goes through one bounded reader that accepts regular files only. The cases are real
/// file-system objects (a FIFO made by mkfifo, links to /dev/zero, a directory), since a mock cannot block or never end.
/// Each read runs under a deadline, so a regression fails the test instead of hanging the run.
/// </summary>
public sealed class RegularFileTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);
    private readonly TempFolder _temp = new();

    public RegularFileTests() => Directory.CreateDirectory(_temp.Path);

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_fifo_is_refused_without_blocking()
    {
        var fifo = MakeFifo("pipe.yaml");

        var error = Assert.Throws<NotRegularFileException>(() =>
            WithinDeadline(() => RegularFile.ReadAtMost(fifo, 1024))
        );

        Assert.Equal("FIFO", error.Kind);
    }

    [Fact]
    public void A_link_to_dev_zero_is_refused_before_a_byte_is_read()
    {
        var link = Link("librechat.yaml", "/dev/zero");

        var error = Assert.Throws<NotRegularFileException>(() =>
            WithinDeadline(() => RegularFile.ReadAtMost(link, 16L * 1024 * 1024))
        );

        Assert.Equal("character device", error.Kind);
    }

    [Fact]
    public void A_device_named_directly_is_refused() =>
        Assert.Equal(
            "character device",
            Assert
                .Throws<NotRegularFileException>(() => RegularFile.ReadAtMost("/dev/null", 10))
                .Kind
        );

    [Fact]
    public void A_directory_is_refused() =>
        Assert.Throws<NotRegularFileException>(() => RegularFile.ReadAtMost(_temp.Path, 10));

    [Fact]
    public void A_link_to_a_regular_file_is_followed()
    {
        File.WriteAllText(_temp.Sub("real.yaml"), "version: 1.3.1\n");
        var link = Link("librechat.yaml", _temp.Sub("real.yaml"));

        Assert.Equal("version: 1.3.1\n"u8.ToArray(), RegularFile.ReadAtMost(link, 1024));
    }

    [Fact]
    public void At_most_one_byte_past_the_limit_is_read_whatever_length_the_file_reports()
    {
        // /proc files report length 0 and still have content: the reader must not trust the reported length.
        var bytes = RegularFile.ReadAtMost("/proc/self/status", 10);

        Assert.Equal(11, bytes.Length);
        Assert.Equal(0, new FileInfo("/proc/self/status").Length);
    }

    [Fact]
    public void A_missing_file_is_reported_as_missing() =>
        Assert.Throws<FileNotFoundException>(() => RegularFile.ReadAtMost(_temp.Sub("nope"), 10));

    [Fact]
    public void Bounded_file_turns_a_fifo_into_one_diagnostic_naming_the_path()
    {
        var fifo = MakeFifo("app.env");
        var diagnostics = new DiagnosticBag();

        Assert.Null(
            WithinDeadline(() =>
                BoundedFile.TryRead(
                    PhysicalFileSystem.Instance,
                    fifo,
                    "app.env",
                    1024,
                    "env file",
                    diagnostics
                )
            )
        );

        var diagnostic = Assert.Single(diagnostics.Items);
        Assert.Equal(
            (DiagnosticCatalog.NotRegularFile.Code, "app.env"),
            (diagnostic.Code, diagnostic.Span.File)
        );
        Assert.Equal(
            "the env file is a FIFO, not a regular file; only regular files are read",
            diagnostic.Message
        );
    }

    [Fact]
    public void Bounded_file_reports_a_proc_file_over_the_limit_as_too_large()
    {
        var diagnostics = new DiagnosticBag();

        Assert.Null(
            BoundedFile.TryRead(
                PhysicalFileSystem.Instance,
                "/proc/self/status",
                "status",
                10,
                what: null,
                diagnostics
            )
        );

        Assert.Equal(DiagnosticCatalog.FileTooLarge.Code, Assert.Single(diagnostics.Items).Code);
    }

    [Fact]
    public void A_stack_file_linked_to_dev_zero_is_one_diagnostic()
    {
        var link = Link("Pulumi.dev.yaml", "/dev/zero");
        var diagnostics = new DiagnosticBag();

        Assert.Null(
            WithinDeadline(() =>
                StackSettingsLoader.LoadStackFile(
                    PhysicalFileSystem.Instance,
                    link,
                    "dev",
                    diagnostics
                )
            )
        );

        Assert.Equal(DiagnosticCatalog.NotRegularFile.Code, Assert.Single(diagnostics.Items).Code);
    }

    [Theory]
    [InlineData("lint")]
    [InlineData("plan")]
    public void Lint_and_plan_on_a_config_linked_to_dev_zero_exit_1_with_one_error(string command)
    {
        var link = Link("librechat.yaml", "/dev/zero");

        var result = WithinDeadline(() => Run(command, "--config", link));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(
            $"{link}: error CT1100: the file is a character device, not a regular file",
            result.Stdout + result.Stderr,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void Lint_on_a_fifo_config_exits_1_instead_of_hanging()
    {
        var fifo = MakeFifo("librechat.yaml");

        var result = WithinDeadline(() => Run("lint", "--config", fifo));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(
            "error CT1100: the file is a FIFO",
            result.Stdout + result.Stderr,
            StringComparison.Ordinal
        );
    }

    private string MakeFifo(string name)
    {
        var path = _temp.Sub(name);
        using var mkfifo = Process.Start(
            new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false }
        )!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
        return path;
    }

    private string Link(string name, string target)
    {
        var path = _temp.Sub(name);
        File.CreateSymbolicLink(path, target);
        return path;
    }

    private static T WithinDeadline<T>(Func<T> read)
    {
        var task = Task.Run(read);
        if (!((IAsyncResult)task).AsyncWaitHandle.WaitOne(Deadline))
        {
            Assert.Fail(
                $"the read did not finish within {Deadline.TotalSeconds} s (blocked on a FIFO or reading a device)"
            );
        }

        return task.GetAwaiter().GetResult();
    }
}
