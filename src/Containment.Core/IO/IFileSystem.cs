namespace Containment.Core.IO;

/// <summary>File-system seam: the pipeline reads through this so tests can substitute files (Moq) without touching disk.</summary>
public interface IFileSystem
{
    bool FileExists(string path);
    bool DirectoryExists(string path);

    /// <summary>Length in bytes, so callers can refuse oversized files before reading them.</summary>
    long GetFileLength(string path);
    byte[] ReadAllBytes(string path);
}

/// <summary>The real disk.</summary>
public sealed class PhysicalFileSystem : IFileSystem
{
    public static PhysicalFileSystem Instance { get; } = new();

    public bool FileExists(string path) => File.Exists(path);

    public bool DirectoryExists(string path) => Directory.Exists(path);

    public long GetFileLength(string path) => new FileInfo(path).Length;

    public byte[] ReadAllBytes(string path) => File.ReadAllBytes(path);
}
