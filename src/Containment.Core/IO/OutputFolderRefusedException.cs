namespace Containment.Core.IO;

/// <summary>
/// <c>emit</c> refused to touch <c>--out</c> because doing so could write or delete outside it: the folder is a
/// symbolic link, a path inside it passes through one, or its manifest holds an entry Containment cannot have
/// written. Nothing was changed. <see cref="Path"/> names the file or folder at fault.
/// </summary>
public sealed class OutputFolderRefusedException : IOException
{
    public OutputFolderRefusedException()
        : this(string.Empty, "the output folder was refused") { }

    public OutputFolderRefusedException(string message)
        : this(string.Empty, message) { }

    public OutputFolderRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Path = string.Empty;
    }

    public OutputFolderRefusedException(string path, string message)
        : base(message)
    {
        Path = path;
    }

    public string Path { get; }
}
