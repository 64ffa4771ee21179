using Containment.Core.IO;

namespace Containment.Cli;

/// <summary>Everything a command touches outside itself, so tests run the whole CLI in-process.</summary>
internal sealed record CliContext(
    TextWriter Stdout,
    TextWriter Stderr,
    IFileSystem FileSystem,
    IEnvironment Environment
);
