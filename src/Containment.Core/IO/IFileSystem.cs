namespace Containment.Core.IO;

/// <summary>File-system seam: the pipeline reads through this so tests can substitute files (Moq) without touching disk.</summary>
public interface IFileSystem
{
    bool FileExists(string path);
    bool DirectoryExists(string path);

    /// <summary>Length in bytes, so callers can refuse oversized files before reading them.</summary>
    long GetFileLength(string path);

    /// <summary>Reads a regular file, at most <paramref name="maxBytes"/> + 1 bytes (more means "too large"); a FIFO,
    /// device or socket throws <see cref="NotRegularFileException"/>. Call <see cref="BoundedFile.TryRead"/>, which
    /// turns every failure into one diagnostic, rather than this.</summary>
    byte[] ReadAtMost(string path, long maxBytes);
}

/// <summary>The real disk.</summary>
public sealed class PhysicalFileSystem : IFileSystem
{
    public static PhysicalFileSystem Instance { get; } = new();

    public bool FileExists(string path) => File.Exists(path);

    public bool DirectoryExists(string path) => Directory.Exists(path);

    public long GetFileLength(string path) => new FileInfo(path).Length;

    public byte[] ReadAtMost(string path, long maxBytes) => RegularFile.ReadAtMost(path, maxBytes);
}
