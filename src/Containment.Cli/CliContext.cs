using Containment.Core.IO;

namespace Containment.Cli;

/// <summary>Everything a command touches outside itself, so tests run the whole CLI in-process.</summary>
internal sealed record CliContext(
    TextWriter Stdout,
    TextWriter Stderr,
    IFileSystem FileSystem,
    IEnvironment Environment
)
{
    /// <summary>Opens standard input (<c>baseline --logs -</c>); tests substitute a stream.</summary>
    public Func<Stream> OpenStdin { get; init; } = Console.OpenStandardInput;
}
