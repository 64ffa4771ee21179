using Containment.Cli;
using Containment.Core.IO;
using Moq;

namespace Containment.Tests.Cli;

/// <summary>Runs the CLI in-process and captures what it prints.</summary>
internal sealed record CliResult(int ExitCode, string Stdout, string Stderr);

internal static class CliRunner
{
    public static CliResult Run(IFileSystem fs, params string[] args) =>
        Run(fs, new Mock<IEnvironment>().Object, args);

    public static CliResult Run(IFileSystem fs, IEnvironment env, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CliApp.Run(args, stdout, stderr, fs, env);
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }

    public static CliResult Run(params string[] args) => Run(PhysicalFileSystem.Instance, args);

    /// <summary>An environment that has exactly <paramref name="variables"/> (Moq: any other name is unset).</summary>
    public static IEnvironment Environment(params (string Name, string Value)[] variables)
    {
        var env = new Mock<IEnvironment>(MockBehavior.Strict);
        env.Setup(e => e.GetVariable(It.IsAny<string>())).Returns((string?)null);
        foreach (var (name, value) in variables)
        {
            env.Setup(e => e.GetVariable(name)).Returns(value);
        }

        return env.Object;
    }
}
