using System.Text;

namespace Containment.Core.IO;

/// <summary>One generated file: a relative path with forward slashes, and its text (written as UTF-8 without BOM).</summary>
public sealed record TargetFile
{
    public TargetFile(string relativePath, string content)
    {
        RelativePath = ValidateRelativePath(relativePath);
        Content = content;
    }

    public string RelativePath { get; }
    public string Content { get; }

    public byte[] ToBytes() => Utf8NoBom.GetBytes(Content);

    internal static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    private static string ValidateRelativePath(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        // Paths come from writers, not users, but an escaping path would let a run write outside --out.
        if (
            path.StartsWith('/')
            || path.Contains('\\', StringComparison.Ordinal)
            || path.Contains(':', StringComparison.Ordinal)
        )
        {
            throw new ArgumentException(
                $"'{path}' is not a relative forward-slash path.",
                nameof(path)
            );
        }

        if (path.Split('/').Any(segment => segment is "" or "." or ".."))
        {
            throw new ArgumentException(
                $"'{path}' has an empty, '.' or '..' segment.",
                nameof(path)
            );
        }

        return path;
    }
}

/// <summary>The files a target produces, sorted by path (ordinal) so every run lists them in the same order.</summary>
public sealed class TargetOutput
{
    public TargetOutput(string target, IEnumerable<TargetFile> files)
    {
        Target = target;
        var sorted = files.OrderBy(f => f.RelativePath, StringComparer.Ordinal).ToList();
        for (var i = 1; i < sorted.Count; i++)
        {
            if (
                string.Equals(
                    sorted[i - 1].RelativePath,
                    sorted[i].RelativePath,
                    StringComparison.OrdinalIgnoreCase
                )
            )
            {
                // Case-insensitive: the same output must land identically on macOS/Windows file systems.
                throw new ArgumentException(
                    $"Target '{target}' produced '{sorted[i].RelativePath}' twice.",
                    nameof(files)
                );
            }
        }

        Files = sorted;
    }

    public string Target { get; }
    public IReadOnlyList<TargetFile> Files { get; }

    public TargetFile? Find(string relativePath) =>
        Files.FirstOrDefault(f =>
            string.Equals(f.RelativePath, relativePath, StringComparison.Ordinal)
        );
}
