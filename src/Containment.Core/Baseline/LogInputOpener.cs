using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Containment.Core.Baseline;

/// <summary>
/// Opens one <c>--logs</c> argument as a byte stream: <c>-</c> is stdin, anything else a regular file; gzip is
/// recognised by its magic bytes (1F 8B), not by the file name, so <c>.log.1.gz</c>, a renamed file and gzip on
/// stdin all work. A missing or unreadable path, a directory and a FIFO fail with a message that names the path
/// only. A FIFO is refused because opening one blocks until a writer appears; the message says to pipe it to
/// stdin (<c>--logs -</c>) instead.
/// </summary>
public static class LogInputOpener
{
    public const string Stdin = "-";

    /// <summary>The stream, or null and <paramref name="problem"/> (a sentence without the path) when the input cannot be read.</summary>
    public static Stream? Open(string path, Func<Stream> openStdin, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(openStdin);
        problem = null;
        try
        {
            if (path == Stdin)
            {
                return Decompressing(openStdin());
            }
            if (Directory.Exists(path))
            {
                problem = "is a directory, not a log file";
                return null;
            }
            if (!File.Exists(path))
            {
                problem = "not found";
                return null;
            }
            var file = OpenRegularFile(path, out problem);
            return file is null ? null : Decompressing(file);
        }
        catch (Exception ex)
            when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            problem = $"cannot be read ({ex.GetType().Name})";
            return null;
        }
    }

    private static FileStream? OpenRegularFile(string path, out string? problem)
    {
        problem = null;
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return new FileStream(
                path,
                FileMode.Open,
                FileAccess.Read,
                FileShare.ReadWrite,
                1,
                FileOptions.SequentialScan
            );
        }
        // open(2) with O_NONBLOCK returns at once even for a FIFO without a writer; a plain open would hang.
        var nonBlock = OperatingSystem.IsLinux() ? 0x800 : 0x4;
        var fd = NativeOpen(Encoding.UTF8.GetBytes(path + "\0"), nonBlock);
        if (fd < 0)
        {
            problem = Marshal.GetLastPInvokeError() switch
            {
                2 => "not found",
                13 => "cannot be read: permission denied",
                _ => "cannot be opened",
            };
            return null;
        }
        var stream = new FileStream(new SafeFileHandle(fd, ownsHandle: true), FileAccess.Read, 1);
        if (!stream.CanSeek)
        {
            stream.Dispose();
            problem =
                "is a FIFO, socket or pipe, not a regular file; pipe it to stdin instead: ... | containment baseline --logs -";
            return null;
        }
        return stream;
    }

    // DllImport rather than LibraryImport: a blittable byte[] needs no generated marshalling, so the project needs
    // no unsafe code; Native AOT compiles the stub ahead of time all the same.
    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int NativeOpen(byte[] path, int flags);

    /// <summary>Wraps gzip data in a decompressor (multi-member gzip, as logrotate and cat a.gz b.gz make, reads whole).</summary>
    private static Stream Decompressing(Stream raw)
    {
        var magic = new byte[2];
        var got = 0;
        while (got < magic.Length)
        {
            var n = raw.Read(magic, got, magic.Length - got);
            if (n == 0)
            {
                break;
            }
            got += n;
        }
        var whole = new PrefixedStream(magic.AsSpan(0, got).ToArray(), raw);
        return got == 2 && magic[0] == 0x1F && magic[1] == 0x8B
            ? new GZipStream(whole, CompressionMode.Decompress)
            : whole;
    }
}
