using System.Globalization;
using Containment.Core.IO;

namespace Containment.Core.Pipeline;

/// <summary>
/// The files of a git commit, read through the same <see cref="IFileSystem"/> seam the pipeline reads the work tree
/// with, so <c>diff --base-ref REF</c> builds its base side from every input (librechat.yaml, Pulumi.yaml, the stack
/// files, env files, catalogue overrides) exactly as the head side is built. Nothing is checked out: paths are mapped
/// to the repository and answered with <c>git ls-tree</c> and <c>git cat-file blob</c>. Only regular files are files;
/// a symbolic link or a submodule at the revision is refused, never followed.
/// </summary>
public sealed class GitRevisionFileSystem : IFileSystem
{
    /// <summary>Largest blob ever read, whatever ls-tree says; BoundedFile applies each input's own, smaller limit first.</summary>
    private const long MaxBlobBytes = 64L * 1024 * 1024;
    private const long MaxListingBytes = 64 * 1024;

    private readonly string _logicalTop;
    private readonly Dictionary<string, TreeEntry?> _entries = new(StringComparer.Ordinal);

    private GitRevisionFileSystem(string revision, string commit, string logicalTop)
    {
        Revision = revision;
        Commit = commit;
        _logicalTop = logicalTop;
    }

    /// <summary>The revision as the user wrote it (<c>origin/main</c>), for labels.</summary>
    public string Revision { get; }

    /// <summary>The commit it resolved to once, so every read sees the same tree even if the ref moves meanwhile.</summary>
    public string Commit { get; }

    /// <summary>
    /// Resolves <paramref name="revision"/> in the repository that holds <paramref name="projectDirectory"/>. Returns
    /// null and a one-line reason when the revision is not acceptable or not a commit, or there is no repository.
    /// </summary>
    public static GitRevisionFileSystem? Open(
        string projectDirectory,
        string revision,
        out string error
    )
    {
        ArgumentNullException.ThrowIfNull(projectDirectory);
        if (GitRevision.Validate(revision) is { } invalid)
        {
            error = invalid;
            return null;
        }
        var directory = Path.GetFullPath(projectDirectory.Length == 0 ? "." : projectDirectory);
        // The prefix (the project folder inside the repository) rather than --show-toplevel, which git resolves
        // through symbolic links: paths the user typed stay comparable with the folder they typed them in.
        var prefix = GitCommand.Run(directory, MaxListingBytes, "rev-parse", "--show-prefix");
        if (!prefix.Succeeded)
        {
            error = $"'{directory}' is not inside a git repository ({prefix.ErrorLine})";
            return null;
        }
        var commit = GitCommand.Run(
            directory,
            MaxListingBytes,
            "rev-parse",
            "--verify",
            "--quiet",
            "--end-of-options",
            revision + "^{commit}"
        );
        var sha = commit.Text.Trim();
        if (!commit.Succeeded || sha.Length < 40 || !sha.All(char.IsAsciiHexDigit))
        {
            error =
                $"git revision '{revision}' is not a commit in this repository (fetch it first, e.g. git fetch origin main)";
            return null;
        }
        var depth = prefix.Text.Trim().Split('/', StringSplitOptions.RemoveEmptyEntries).Length;
        var top = directory;
        for (var i = 0; i < depth; i++)
        {
            top = Path.GetDirectoryName(top) ?? top;
        }
        error = "";
        return new GitRevisionFileSystem(revision, sha, top);
    }

    public bool FileExists(string path) => Entry(path) is { IsFile: true } or { IsLink: true };

    public bool DirectoryExists(string path) =>
        RepositoryPath(path) is "" || Entry(path) is { IsTree: true };

    public long GetFileLength(string path) =>
        Entry(path)?.Size ?? throw new FileNotFoundException($"not in {Revision}");

    /// <summary>A blob is read whole or not at all: its size is known from the tree before reading, and
    /// <see cref="BoundedFile.TryRead"/> has already refused one over <paramref name="maxBytes"/> by that size.</summary>
    public byte[] ReadAtMost(string path, long maxBytes)
    {
        var entry = Entry(path) ?? throw new FileNotFoundException($"not in {Revision}");
        if (!entry.IsFile)
        {
            throw new IOException($"not a regular file in {Revision} (git mode {entry.Mode})");
        }
        var limit = Math.Min(maxBytes, MaxBlobBytes);
        if (entry.Size > limit)
        {
            throw new IOException($"larger than {limit} bytes in {Revision}");
        }
        var blob = GitCommand.Run(_logicalTop, entry.Size, "cat-file", "blob", entry.ObjectId);
        return blob.Succeeded
            ? blob.Stdout
            : throw new IOException($"git cat-file failed: {blob.ErrorLine}");
    }

    /// <summary>The path relative to the repository's top folder with '/' separators; null when it lies outside the repository.</summary>
    internal string? RepositoryPath(string path)
    {
        var full = Path.GetFullPath(path);
        var relative = Path.GetRelativePath(_logicalTop, full).Replace('\\', '/');
        if (relative == ".")
        {
            return "";
        }
        return
            relative == ".."
            || relative.StartsWith("../", StringComparison.Ordinal)
            || Path.IsPathRooted(relative)
            ? null
            : relative;
    }

    private TreeEntry? Entry(string path)
    {
        if (RepositoryPath(path) is not { Length: > 0 } relative)
        {
            return null;
        }
        if (!_entries.TryGetValue(relative, out var entry))
        {
            entry = ListEntry(relative);
            _entries[relative] = entry;
        }
        return entry;
    }

    /// <summary>One <c>ls-tree -l -z</c> line: <c>mode SP type SP object SP size TAB path NUL</c>.</summary>
    private TreeEntry? ListEntry(string relative)
    {
        var listing = GitCommand.Run(
            _logicalTop,
            MaxListingBytes,
            "--literal-pathspecs",
            "ls-tree",
            "-l",
            "-z",
            "--full-tree",
            Commit,
            "--",
            relative
        );
        if (!listing.Succeeded)
        {
            return null;
        }
        foreach (var record in listing.Text.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            var tab = record.IndexOf('\t', StringComparison.Ordinal);
            if (tab < 0 || !string.Equals(record[(tab + 1)..], relative, StringComparison.Ordinal))
            {
                continue;
            }
            var fields = record[..tab].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length != 4)
            {
                continue;
            }
            var size = long.TryParse(
                fields[3],
                NumberStyles.None,
                CultureInfo.InvariantCulture,
                out var n
            )
                ? n
                : 0;
            return new TreeEntry(fields[0], fields[1], fields[2], size);
        }
        return null;
    }

    private sealed record TreeEntry(string Mode, string Type, string ObjectId, long Size)
    {
        public bool IsFile => Type == "blob" && Mode is "100644" or "100755";

        public bool IsLink => Type == "blob" && Mode == "120000";

        public bool IsTree => Type == "tree";
    }
}

/// <summary>What a revision given on the command line may look like before it is handed to git.</summary>
public static class GitRevision
{
    /// <summary>Null when acceptable; otherwise why not. A leading '-' would be read as an option, ':' would name a path
    /// inside a tree, control characters and blanks have no place in a ref.</summary>
    public static string? Validate(string? revision)
    {
        if (string.IsNullOrEmpty(revision))
        {
            return "--base-ref needs a git revision, e.g. origin/main";
        }
        if (revision.Length > 256)
        {
            return "--base-ref is longer than 256 characters";
        }
        if (revision[0] == '-')
        {
            return "--base-ref must be a git revision, not an option (it starts with '-')";
        }
        if (revision.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || c is ':' or '\\'))
        {
            return "--base-ref must be a git revision (no blanks, control characters, ':' or '\\')";
        }
        return null;
    }
}
