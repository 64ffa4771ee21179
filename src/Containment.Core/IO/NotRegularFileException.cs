namespace Containment.Core.IO;

/// <summary>
/// A path names something that is not a regular file (a FIFO, a device such as <c>/dev/zero</c>, a socket), directly
/// or through a symbolic link. Reading one could block forever (a FIFO with no writer) or never end (a device), so
/// <see cref="RegularFile"/> refuses it before reading a byte.
/// </summary>
public sealed class NotRegularFileException : IOException
{
    public NotRegularFileException()
        : this("not a regular file") { }

    public NotRegularFileException(string kind)
        : base($"a {kind}, not a regular file")
    {
        Kind = kind;
    }

    public NotRegularFileException(string message, Exception innerException)
        : base(message, innerException)
    {
        Kind = "not a regular file";
    }

    /// <summary>What the path is instead, in words: "FIFO", "character device", "socket", "block device".</summary>
    public string Kind { get; }
}
