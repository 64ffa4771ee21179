using Microsoft.Win32.SafeHandles;

namespace Containment.Core.IO;

/// <summary>
/// The one way the tool reads a file from disk (librechat.yaml, stack files, env files, Helm values, the emit
/// manifest, existing outputs). Files arrive in pull requests, so a path may be a symbolic link to <c>/dev/zero</c>
/// (endless), a FIFO (blocks forever) or a huge file. This reader:
/// <list type="bullet">
/// <item>accepts regular files only: the type is checked on the opened descriptor, which was opened non-blocking,
/// so a FIFO or device is refused before a byte is read (<see cref="NotRegularFileException"/>);</item>
/// <item>follows a final symbolic link only to a regular file (the check above applies to what the link names);</item>
/// <item>reads at most <c>maxBytes + 1</c> bytes whatever length the file system reports (files in /proc report 0,
/// a file can grow while read), so a caller learns "over the limit" without the memory to hold it.</item>
/// </list>
/// </summary>
public static class RegularFile
{
    private const int FirstBuffer = 64 * 1024;

    /// <returns>The file's bytes when it has at most <paramref name="maxBytes"/>; otherwise <c>maxBytes + 1</c> bytes,
    /// which callers treat as "too large".</returns>
    public static byte[] ReadAtMost(string path, long maxBytes)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentOutOfRangeException.ThrowIfNegative(maxBytes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxBytes, Array.MaxLength - 1L);
        using var handle = Open(path);
        var cap = (int)maxBytes + 1;
        var buffer = new byte[Math.Min(cap, FirstBuffer)];
        var total = 0;
        while (total < cap)
        {
            if (total == buffer.Length)
            {
                Array.Resize(ref buffer, (int)Math.Min(cap, buffer.Length * 2L));
            }

            var read = RandomAccess.Read(handle, buffer.AsSpan(total), total);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total == buffer.Length ? buffer : buffer[..total];
    }

    /// <summary>True when <paramref name="path"/> itself (not what it points to) is a symbolic link.</summary>
    public static bool IsSymbolicLink(string path) => new FileInfo(path).LinkTarget is not null;

    private static SafeFileHandle Open(string path)
    {
        if (UnixFileType.IsSupported)
        {
            try
            {
                return UnixFileType.OpenRegularFile(path);
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                // A libc without statx (glibc before 2.28) or another C library name: fall back to the managed
                // open below (still bounded in size, but a FIFO can block there). Never crash on a platform gap.
            }
        }

        // Windows: no FIFOs or device links reach a checkout; refuse reparse points to devices by attribute.
        var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        if ((File.GetAttributes(handle) & (FileAttributes.Directory | FileAttributes.Device)) != 0)
        {
            handle.Dispose();
            throw new NotRegularFileException("device or directory");
        }

        return handle;
    }
}
