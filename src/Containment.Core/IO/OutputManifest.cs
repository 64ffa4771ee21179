using System.Globalization;
using System.Text;

namespace Containment.Core.IO;

/// <summary>
/// Reads <c>--out/.containment-files</c>, the list of files a previous <c>emit</c> wrote (and so may remove). The
/// manifest is committed next to the outputs, so it arrives in pull requests: it is read through the bounded reader
/// (a FIFO or a link to /dev/zero is refused, at most <see cref="MaxBytes"/> read), and every entry must be a plain
/// relative path that Containment could have written itself: forward slashes, no empty, '.' or '..' segment, no
/// leading '/', no backslash, colon, NUL or other control character. One bad entry refuses the whole run: a manifest
/// Containment did not write is tampering to show, not to skip over.
/// </summary>
internal static class OutputManifest
{
    public const long MaxBytes = 1024 * 1024;

    public static HashSet<string> Read(string dir, string fileName)
    {
        var path = Path.Combine(dir, fileName);
        var entries = new HashSet<string>(StringComparer.Ordinal);
        if (!RegularFile.IsSymbolicLink(path) && !File.Exists(path))
        {
            return entries;
        }

        byte[] bytes;
        try
        {
            bytes = RegularFile.ReadAtMost(path, MaxBytes);
        }
        catch (NotRegularFileException e)
        {
            throw new OutputFolderRefusedException(
                path,
                $"{fileName} is a {e.Kind}, not a regular file; nothing was changed"
            );
        }
        catch (FileNotFoundException)
        {
            // A dangling link: no previous run to clean up after, and it is replaced like any other file.
            return entries;
        }

        if (bytes.LongLength > MaxBytes)
        {
            throw new OutputFolderRefusedException(
                path,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"{fileName} is larger than {MaxBytes} bytes; Containment never writes one that large, nothing was changed"
                )
            );
        }

        var lines = Encoding.UTF8.GetString(bytes).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            // A checkout with core.autocrlf may have turned our "\n" into "\r\n".
            var entry = lines[i].TrimEnd('\r');
            if (entry.Length == 0 || entry.StartsWith('#'))
            {
                continue;
            }

            if (!IsPlainRelativePath(entry))
            {
                throw new OutputFolderRefusedException(
                    path,
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"{fileName} line {i + 1} is not a plain relative path inside the folder, so Containment did not write it; nothing was changed (delete the line or the file)"
                    )
                );
            }

            entries.Add(entry);
        }

        return entries;
    }

    /// <summary>The shape of every path a target writer produces (see <c>TargetFile</c>), and nothing else.</summary>
    public static bool IsPlainRelativePath(string entry) =>
        entry.Length > 0
        && !entry.StartsWith('/')
        && !entry.Any(c => c is '\\' or ':' || char.IsControl(c))
        && entry.Split('/').All(segment => segment is not ("" or "." or ".."));
}
