using System.Globalization;
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
        var fileOnly = SourceSpan.FileOnly(displayPath);
        var subject = what is null ? "the file" : "the " + what;
        try
        {
            if (fs.DirectoryExists(path))
            {
                diagnostics.Add(
                    DiagnosticCatalog.PathIsDirectory,
                    fileOnly,
                    what is null
                        ? "this is a directory, not a librechat.yaml file"
                        : $"{subject} path is a directory"
                );
                return null;
            }
            if (!fs.FileExists(path))
            {
                diagnostics.Add(
                    DiagnosticCatalog.FileNotFound,
                    fileOnly,
                    what is null ? "file not found" : $"{what} not found"
                );
                return null;
            }
            if (TooLarge(fs.GetFileLength(path), maxBytes, subject, fileOnly, diagnostics))
            {
                return null;
            }
            var bytes = fs.ReadAtMost(path, maxBytes);
            if (bytes.LongLength > maxBytes)
            {
                diagnostics.Add(
                    DiagnosticCatalog.FileTooLarge,
                    fileOnly,
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"{subject} is larger than {maxBytes} bytes, the limit"
                    )
                );
                return null;
            }
            return bytes;
        }
        catch (NotRegularFileException ex)
        {
            diagnostics.Add(
                DiagnosticCatalog.NotRegularFile,
                fileOnly,
                $"{subject} is a {ex.Kind}, not a regular file; only regular files are read"
            );
            return null;
        }
        catch (Exception ex)
            when (ex
                    is IOException
                        or UnauthorizedAccessException
                        or System.Security.SecurityException
            )
        {
            diagnostics.Add(
                DiagnosticCatalog.FileUnreadable,
                fileOnly,
                $"{subject} cannot be read: {ex.GetType().Name}"
            );
            return null;
        }
    }

    private static bool TooLarge(
        long length,
        long maxBytes,
        string subject,
        SourceSpan span,
        DiagnosticBag diagnostics
    )
    {
        if (length <= maxBytes)
        {
            return false;
        }
        diagnostics.Add(
            DiagnosticCatalog.FileTooLarge,
            span,
            string.Create(
                CultureInfo.InvariantCulture,
                $"{subject} is {length} bytes; the limit is {maxBytes} bytes"
            )
        );
        return true;
    }
}
