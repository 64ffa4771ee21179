using Containment.Cli;
using Containment.Core.IO;
using Moq;

namespace Containment.Tests.Cli;

/// <summary>Runs the CLI in-process and captures what it prints.</summary>
internal sealed record CliResult(int ExitCode, string Stdout, string Stderr);

internal static class CliRunner
{
    public static CliResult Run(IFileSystem fs, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CliApp.Run(args, stdout, stderr, fs, new Mock<IEnvironment>().Object);
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }

    public static CliResult Run(params string[] args) => Run(PhysicalFileSystem.Instance, args);
}
