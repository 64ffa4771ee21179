using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Containment.Core.Baseline;

namespace Containment.Tests.LogBaseline;

/// <summary>Bounded lines, gzip by magic bytes, stdin, and inputs that cannot be read.</summary>
public sealed class LogInputTests : IDisposable
{
    private readonly string _dir = Directory
        .CreateTempSubdirectory("containment-baseline-")
        .FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static List<(string Text, bool Oversized)> ReadAll(Stream stream, int max = 64)
    {
        var reader = new BoundedLineReader(stream, max);
        var lines = new List<(string, bool)>();
        while (reader.TryReadLine(out var line, out var oversized))
        {
            lines.Add((Encoding.UTF8.GetString(line), oversized));
        }
        return lines;
    }

    [Fact]
    public void Lines_split_on_newline_keep_a_final_line_without_one_and_flag_oversized_ones()
    {
        var text = "a\r\nbb\n" + new string('x', 200) + "\n\nlast";

        var lines = ReadAll(new MemoryStream(Encoding.UTF8.GetBytes(text)));

        Assert.Equal(
            [("a\r", false), ("bb", false), ("", true), ("", false), ("last", false)],
            lines
        );
    }

    [Fact]
    public void A_line_of_10_MB_is_skipped_as_it_streams_past_without_being_buffered()
    {
        var line = DcfLogGenerator.L4(
            "100.64.0.1",
            40000,
            "1.2.3.4",
            443,
            "DENY",
            false,
            DcfLogGenerator.PodsRuleUuid
        );
        var stream = new ConcatenatedStream(
            Encoding.UTF8.GetBytes(line + "\n"),
            10 * 1024 * 1024,
            Encoding.UTF8.GetBytes("\n" + line + "\n")
        );
        var reader = new BoundedLineReader(stream);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var seen = new List<bool>();

        while (reader.TryReadLine(out _, out var oversized))
        {
            seen.Add(oversized);
        }

        Assert.Equal([false, true, false], seen);
        Assert.True(
            GC.GetAllocatedBytesForCurrentThread() - before < 1024 * 1024,
            "the reader must not hold the long line"
        );
    }

    [Fact]
    public void Gzip_is_recognised_by_its_magic_bytes_whatever_the_name()
    {
        var path = Path.Combine(_dir, "gateway.log");
        using (var gz = new GZipStream(File.Create(path), CompressionLevel.Fastest))
        {
            gz.Write(Encoding.UTF8.GetBytes("one\ntwo\n"));
        }

        using var stream = LogInputOpener.Open(
            path,
            () => throw new InvalidOperationException(),
            out var problem
        );

        Assert.Null(problem);
        Assert.Equal([("one", false), ("two", false)], ReadAll(stream!));
    }

    [Fact]
    public void Dash_reads_stdin_and_short_stdin_is_not_mistaken_for_gzip()
    {
        using var stream = LogInputOpener.Open(
            "-",
            () => new MemoryStream("x"u8.ToArray()),
            out var problem
        );

        Assert.Null(problem);
        Assert.Equal([("x", false)], ReadAll(stream!));
    }

    [Fact]
    public void Missing_files_and_directories_are_refused_with_a_reason()
    {
        Assert.Null(
            LogInputOpener.Open(Path.Combine(_dir, "nope.log"), () => Stream.Null, out var missing)
        );
        Assert.Equal("not found", missing);
        Assert.Null(LogInputOpener.Open(_dir, () => Stream.Null, out var directory));
        Assert.Equal("is a directory, not a log file", directory);
    }

    [Fact]
    public void A_fifo_is_refused_at_once_instead_of_blocking_until_a_writer_appears()
    {
        Assert.SkipUnless(
            OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(),
            "FIFOs are a Unix thing"
        );
        var fifo = Path.Combine(_dir, "pipe");
        using (var mkfifo = Process.Start("mkfifo", [fifo]))
        {
            mkfifo.WaitForExit();
        }

        var started = Stopwatch.StartNew();
        var stream = LogInputOpener.Open(fifo, () => Stream.Null, out var problem);

        Assert.Null(stream);
        Assert.StartsWith("is a FIFO", problem, StringComparison.Ordinal);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void An_unreadable_file_is_refused()
    {
        Assert.SkipUnless(
            OperatingSystem.IsLinux() && Environment.UserName != "root",
            "root reads every file"
        );
        var path = Path.Combine(_dir, "secret.log");
        File.WriteAllText(path, "x\n");
        if (OperatingSystem.IsLinux())
        {
            File.SetUnixFileMode(path, UnixFileMode.None);
        }

        Assert.Null(LogInputOpener.Open(path, () => Stream.Null, out var problem));
        Assert.Equal("cannot be read: permission denied", problem);
    }

    /// <summary>A prefix, a run of 'A' bytes produced on the fly (never allocated whole), and a suffix.</summary>
    private sealed class ConcatenatedStream(byte[] prefix, long fillBytes, byte[] suffix) : Stream
    {
        private long _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => prefix.Length + fillBytes + suffix.Length;

        public override long Position
        {
            get => _position;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var written = 0;
            while (written < count && _position < Length)
            {
                var p = _position;
                buffer[offset + written] =
                    p < prefix.Length ? prefix[p]
                    : p < prefix.Length + fillBytes ? (byte)'A'
                    : suffix[p - prefix.Length - fillBytes];
                written++;
                _position++;
            }
            return written;
        }

        public override void Flush() { }

        public override long Seek(long offset, SeekOrigin origin) =>
            throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) =>
            throw new NotSupportedException();
    }
}
