using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Containment.Core.IO;

/// <summary>
/// Opens a file for reading without ever blocking, and reports the file type of the opened descriptor. .NET has no
/// public API for either: <c>File.OpenHandle</c> blocks in open(2) on a FIFO with no writer, and FileAttributes does
/// not tell a device from a regular file. So this calls libc directly: open(2) with O_NONBLOCK (a FIFO opens at
/// once; the flag has no effect on regular files), then the type from the descriptor itself, never from the path, so
/// nothing can be swapped between the check and the read. Linux uses statx(2) (one struct layout on every
/// architecture, unlike struct stat); macOS uses fstat(2), whose st_mode sits at byte 4 in the 64-bit-inode layout.
/// </summary>
internal static partial class UnixFileType
{
    private const int SIfmt = 0xF000;
    private const int SIfreg = 0x8000;

    public static bool IsSupported => OperatingSystem.IsLinux() || OperatingSystem.IsMacOS();

    /// <summary>Opens <paramref name="path"/> (following links) read-only and non-blocking; throws when it is not a regular file.</summary>
    public static SafeFileHandle OpenRegularFile(string path)
    {
        var fd = OperatingSystem.IsLinux() ? LinuxOpen(path, LinuxFlags) : MacOpen(path, MacFlags);
        if (fd < 0)
        {
            throw ErrorFor(path, Marshal.GetLastPInvokeError());
        }

        var handle = new SafeFileHandle(fd, ownsHandle: true);
        try
        {
            var mode = OperatingSystem.IsLinux() ? LinuxMode(fd) : MacMode(fd);
            if ((mode & SIfmt) != SIfreg)
            {
                throw new NotRegularFileException(Describe(mode & SIfmt));
            }

            return handle;
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    private static string Describe(int type) =>
        type switch
        {
            0x1000 => "FIFO",
            0x2000 => "character device",
            0x4000 => "directory",
            0x6000 => "block device",
            0xC000 => "socket",
            _ => "special file",
        };

    // errno values shared by Linux and macOS: ENOENT 2, EPERM 1, EACCES 13, EISDIR 21. ELOOP differs (40, 62).
    private static Exception ErrorFor(string path, int errno) =>
        errno switch
        {
            2 => new FileNotFoundException("file not found", path),
            1 or 13 => new UnauthorizedAccessException("permission denied"),
            21 => new NotRegularFileException("directory"),
            40 or 62 => new IOException("too many levels of symbolic links"),
            _ => new IOException(FormattableString.Invariant($"open failed (errno {errno})")),
        };

    // Linux (x86-64, arm64 and the other asm-generic ABIs share these): O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC.
    private const int LinuxFlags = 0x800 | 0x100 | 0x80000;

    // macOS: O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC.
    private const int MacFlags = 0x4 | 0x20000 | 0x1000000;

    private static int LinuxMode(int fd)
    {
        // struct statx is 256 bytes; stx_mode is the u16 at byte 28. AT_EMPTY_PATH with "" stats the descriptor.
        const int AtEmptyPath = 0x1000;
        const uint StatxType = 0x1;
        var buffer = new byte[256];
        if (Statx(fd, "", AtEmptyPath, StatxType, buffer) != 0)
        {
            throw new IOException(
                FormattableString.Invariant($"statx failed (errno {Marshal.GetLastPInvokeError()})")
            );
        }

        return BitConverter.ToUInt16(buffer, 28);
    }

    private static int MacMode(int fd)
    {
        var buffer = new byte[256];
        var rc =
            RuntimeInformation.ProcessArchitecture == Architecture.X64
                ? MacFstatInode64(fd, buffer)
                : MacFstat(fd, buffer);
        if (rc != 0)
        {
            throw new IOException(
                FormattableString.Invariant($"fstat failed (errno {Marshal.GetLastPInvokeError()})")
            );
        }

        return BitConverter.ToUInt16(buffer, 4);
    }

    [LibraryImport(
        "libc",
        EntryPoint = "open",
        SetLastError = true,
        StringMarshalling = StringMarshalling.Utf8
    )]
    private static partial int LinuxOpen(string path, int flags);

    [LibraryImport(
        "libc",
        EntryPoint = "statx",
        SetLastError = true,
        StringMarshalling = StringMarshalling.Utf8
    )]
    private static partial int Statx(
        int dirfd,
        string path,
        int flags,
        uint mask,
        [Out] byte[] buffer
    );

    [LibraryImport(
        "libSystem.dylib",
        EntryPoint = "open",
        SetLastError = true,
        StringMarshalling = StringMarshalling.Utf8
    )]
    private static partial int MacOpen(string path, int flags);

    [LibraryImport("libSystem.dylib", EntryPoint = "fstat", SetLastError = true)]
    private static partial int MacFstat(int fd, [Out] byte[] buffer);

    [LibraryImport("libSystem.dylib", EntryPoint = "fstat$INODE64", SetLastError = true)]
    private static partial int MacFstatInode64(int fd, [Out] byte[] buffer);
}
