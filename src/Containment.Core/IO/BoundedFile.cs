using Containment.Core.Diagnostics;

namespace Containment.Core.IO;

/// <summary>
/// Reads a whole input file with the checks every reader needs (librechat.yaml, env files, stack settings, Helm
/// values): a directory, a missing file, a FIFO or device (directly or through a link), a file over the size limit
/// (checked before reading, and again by reading at most one byte past it, since files can grow or report no
/// length) or an I/O failure each become one diagnostic naming the file only, never an exception.
/// </summary>
public static class BoundedFile
{
    /// <param name="what">How messages name the file when it is not the file itself: "env file", "stack settings file".
    /// Null for the main input, whose messages say "the file".</param>
    public static byte[]? TryRead(
        IFileSystem fs,
        string path,
        string displayPath,
        long maxBytes,
        string? what,
        DiagnosticBag diagnostics
    )
    {
        ArgumentNullException.ThrowIfNull(fs);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var at = DiagnosticBuilder.AtFile(displayPath);
        var subject = what is null ? "the file" : "the " + what;
        try
        {
            if (fs.DirectoryExists(path))
            {
                diagnostics.Add(at.PathIsDirectory(subject));
                return null;
            }
            if (!fs.FileExists(path))
            {
                diagnostics.Add(at.FileNotFound(subject));
                return null;
            }
            var length = fs.GetFileLength(path);
            if (length > maxBytes)
            {
                diagnostics.Add(at.FileTooLarge(subject, length, maxBytes));
                return null;
            }
            var bytes = fs.ReadAtMost(path, maxBytes);
            if (bytes.LongLength > maxBytes)
            {
                diagnostics.Add(at.FileTooLarge(subject, length: null, maxBytes));
                return null;
            }
            return bytes;
        }
        catch (NotRegularFileException ex)
        {
            diagnostics.Add(at.NotRegularFile(subject, ex.Kind));
            return null;
        }
        catch (Exception ex)
            when (ex
                    is IOException
                        or UnauthorizedAccessException
                        or System.Security.SecurityException
            )
        {
            diagnostics.Add(at.FileUnreadable(subject, ex.GetType().Name));
            return null;
        }
    }
}
