using Containment.Core.Targets;

namespace Containment.Core.IO;

/// <summary>What one <see cref="AtomicDirectoryWriter.Write"/> did, by relative path (ordinal order).</summary>
public sealed record AtomicWriteResult(
    IReadOnlyList<string> Written,
    IReadOnlyList<string> Unchanged,
    IReadOnlyList<string> Removed
)
{
    public bool ChangedAnything => Written.Count > 0 || Removed.Count > 0;
}

/// <summary>
/// Writes a <see cref="TargetOutput"/> to <c>--out DIR</c> so that DIR is either fully the old or fully the new state.
/// <list type="bullet">
/// <item>Every new or changed file is first written to a staging folder next to DIR (same volume, so moves are renames).
/// Nothing in DIR is touched until staging is complete.</item>
/// <item>Commit moves each replaced or removed file into a backup folder, then moves the staged file in. If any step
/// fails, the steps done so far are undone in reverse order, so a failed run leaves DIR as it was.</item>
/// <item>A file whose bytes are unchanged is not rewritten (its modification time stays).</item>
/// <item>Ownership: DIR holds a manifest, <see cref="ManifestFileName"/>, listing every file the previous run wrote.
/// A file that the target no longer produces is removed only when the previous manifest lists it; files a user put
/// in DIR are never removed.</item>
/// <item>Containment: DIR and its manifest arrive in pull requests. DIR itself being a symbolic link is refused (not
/// resolved: a link committed as the output folder could point anywhere). Every path written or removed must have no
/// symbolic link among its folders inside DIR (checked with lstat, component by component), so nothing is written
/// or removed through a link; a final component that is a link is moved aside as the link itself, never followed.
/// A manifest entry that is not a plain relative path refuses the run (<see cref="OutputManifest"/>).</item>
/// </list>
/// </summary>
public sealed class AtomicDirectoryWriter
{
    public const string ManifestFileName = ".containment-files";

    /// <summary>Test seam: called with a description before each commit step; a throw simulates a failure mid-commit.</summary>
    internal Action<string>? BeforeCommitStep { get; init; }

    public AtomicWriteResult Write(TargetOutput output, string outDir)
    {
        ArgumentNullException.ThrowIfNull(output);
        var dir = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outDir));
        if (RegularFile.IsSymbolicLink(dir))
        {
            throw new OutputFolderRefusedException(
                outDir,
                $"'{outDir}' is a symbolic link; --out must name a real folder (pass the folder it points to)"
            );
        }
        if (File.Exists(dir))
        {
            throw new IOException($"'{outDir}' is a file, not a folder.");
        }

        var manifest = new TargetFile(ManifestFileName, RenderManifest(output));
        IReadOnlyList<TargetFile> files = [.. output.Files, manifest];
        if (output.Find(ManifestFileName) is not null)
        {
            throw new ArgumentException(
                $"A target may not produce '{ManifestFileName}'.",
                nameof(output)
            );
        }

        var previouslyOurs = Directory.Exists(dir)
            ? OutputManifest.Read(dir, ManifestFileName)
            : [];
        var produced = files.Select(f => f.RelativePath).ToHashSet(StringComparer.Ordinal);
        var toWrite = new List<TargetFile>();
        var unchanged = new List<string>();
        foreach (var file in files)
        {
            RefuseLinkedFolders(dir, file.RelativePath);
            if (HasSameBytes(Combine(dir, file.RelativePath), file.ToBytes()))
            {
                unchanged.Add(file.RelativePath);
            }
            else
            {
                toWrite.Add(file);
            }
        }

        var toRemove = new List<string>();
        foreach (
            var path in previouslyOurs
                .Where(p => !produced.Contains(p))
                .Order(StringComparer.Ordinal)
        )
        {
            RefuseLinkedFolders(dir, path);
            var entry = Combine(dir, path);
            if (RegularFile.IsSymbolicLink(entry) || File.Exists(entry))
            {
                toRemove.Add(path);
            }
        }

        if (toWrite.Count > 0 || toRemove.Count > 0)
        {
            Commit(dir, toWrite, toRemove);
        }

        return new AtomicWriteResult(
            [.. toWrite.Select(f => f.RelativePath).Where(p => p != ManifestFileName)],
            [.. unchanged.Where(p => p != ManifestFileName)],
            toRemove
        );
    }

    private void Commit(string dir, List<TargetFile> toWrite, List<string> toRemove)
    {
        var parent =
            Path.GetDirectoryName(dir) ?? throw new IOException($"'{dir}' has no parent folder.");
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(
            parent,
            $".{Path.GetFileName(dir)}.containment-{Guid.NewGuid():N}"
        );
        try
        {
            Stage(staging, toWrite);
            if (!Directory.Exists(dir))
            {
                // A brand-new folder appears in one rename, complete.
                BeforeCommitStep?.Invoke("move staging folder into place");
                Directory.Move(Path.Combine(staging, "new"), dir);
                return;
            }

            ApplyWithRollback(dir, staging, toWrite, toRemove);
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    private static void Stage(string staging, List<TargetFile> toWrite)
    {
        var root = Path.Combine(staging, "new");
        Directory.CreateDirectory(root);
        foreach (var file in toWrite)
        {
            var path = Combine(root, file.RelativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            stream.Write(file.ToBytes());
            stream.Flush(flushToDisk: true);
        }
    }

    private void ApplyWithRollback(
        string dir,
        string staging,
        List<TargetFile> toWrite,
        List<string> toRemove
    )
    {
        var backup = Path.Combine(staging, "backup");
        var undo = new Stack<Action>();
        try
        {
            // The manifest goes last: until it lands, the old manifest still describes what is ours.
            var ordered = toWrite
                .OrderBy(f => f.RelativePath == ManifestFileName ? 1 : 0)
                .ThenBy(f => f.RelativePath, StringComparer.Ordinal);
            foreach (var file in ordered)
            {
                var target = Combine(dir, file.RelativePath);
                if (RegularFile.IsSymbolicLink(target) || File.Exists(target))
                {
                    MoveAside(target, Combine(backup, file.RelativePath), undo);
                }

                BeforeCommitStep?.Invoke($"write {file.RelativePath}");
                var createdDirs = CreateParents(dir, target);
                File.Move(Combine(Path.Combine(staging, "new"), file.RelativePath), target);
                undo.Push(() =>
                {
                    File.Delete(target);
                    foreach (var created in createdDirs)
                    {
                        Directory.Delete(created);
                    }
                });
            }

            foreach (var path in toRemove)
            {
                MoveAside(Combine(dir, path), Combine(backup, path), undo);
            }
        }
        catch
        {
            while (undo.Count > 0)
            {
                undo.Pop()();
            }

            throw;
        }

        foreach (var path in toRemove)
        {
            RemoveEmptyParents(dir, Combine(dir, path));
        }
    }

    private void MoveAside(string target, string backupPath, Stack<Action> undo)
    {
        BeforeCommitStep?.Invoke($"move aside {target}");
        Directory.CreateDirectory(Path.GetDirectoryName(backupPath)!);
        File.Move(target, backupPath);
        undo.Push(() => File.Move(backupPath, target));
    }

    /// <summary>Creates the missing parent folders of <paramref name="target"/> inside <paramref name="dir"/>, deepest first in the result.</summary>
    private static List<string> CreateParents(string dir, string target)
    {
        var missing = new List<string>();
        for (
            var parent = Path.GetDirectoryName(target);
            parent is not null && parent.Length > dir.Length && !Directory.Exists(parent);
            parent = Path.GetDirectoryName(parent)
        )
        {
            missing.Add(parent);
        }

        for (var i = missing.Count - 1; i >= 0; i--)
        {
            Directory.CreateDirectory(missing[i]);
        }

        return missing;
    }

    private static void RemoveEmptyParents(string dir, string removedFile)
    {
        for (
            var parent = Path.GetDirectoryName(removedFile);
            parent is not null && parent.Length > dir.Length;
            parent = Path.GetDirectoryName(parent)
        )
        {
            if (!Directory.Exists(parent) || Directory.EnumerateFileSystemEntries(parent).Any())
            {
                return;
            }

            Directory.Delete(parent);
        }
    }

    private static string RenderManifest(TargetOutput output)
    {
        var lines = new List<string>
        {
            $"# Written by `containment emit --target {output.Target}`. Containment removes only the files listed here.",
        };
        lines.AddRange(output.Files.Select(f => f.RelativePath));
        return string.Join('\n', lines) + "\n";
    }

    /// <summary>
    /// Refuses <paramref name="relativePath"/> when a folder on its way inside <paramref name="dir"/> is a symbolic
    /// link (lstat per component): writing or removing through it would touch a file outside DIR.
    /// </summary>
    private static void RefuseLinkedFolders(string dir, string relativePath)
    {
        var segments = relativePath.Split('/');
        var current = dir;
        for (var i = 0; i < segments.Length - 1; i++)
        {
            current = Path.Combine(current, segments[i]);
            if (RegularFile.IsSymbolicLink(current))
            {
                throw new OutputFolderRefusedException(
                    current,
                    $"'{string.Join('/', segments[..(i + 1)])}' inside the output folder is a symbolic link; Containment never writes or removes through a link, nothing was changed"
                );
            }
            if (!Directory.Exists(current))
            {
                return;
            }
        }
    }

    /// <summary>True when <paramref name="path"/> is a regular file (not a link, FIFO or device) holding exactly <paramref name="bytes"/>.</summary>
    private static bool HasSameBytes(string path, byte[] bytes)
    {
        if (
            RegularFile.IsSymbolicLink(path)
            || !File.Exists(path)
            || new FileInfo(path).Length != bytes.Length
        )
        {
            return false;
        }

        try
        {
            return RegularFile.ReadAtMost(path, bytes.Length).AsSpan().SequenceEqual(bytes);
        }
        catch (NotRegularFileException)
        {
            // A FIFO or device where an output belongs: replaced by the new file (a rename, which never opens it).
            return false;
        }
    }

    private static string Combine(string root, string relativePath) =>
        Path.Combine([root, .. relativePath.Split('/')]);
}
