using System.CommandLine;
using Containment.Cli.Commands;
using Containment.Core.IO;

namespace Containment.Cli;

/// <summary>
/// The command-line front end. Commands live one per file under Commands/ and are registered in
/// <see cref="BuildRoot"/>; compile, plan, diff, check and emit join there the same way lint does.
/// </summary>
public static class CliApp
{
    public static int Run(
        string[] args,
        TextWriter stdout,
        TextWriter stderr,
        IFileSystem fs,
        IEnvironment env,
        Func<Stream>? stdin = null
    )
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        try
        {
            var context = new CliContext(stdout, stderr, fs, env)
            {
                OpenStdin = stdin ?? Console.OpenStandardInput,
            };
            var root = BuildRoot(context);
            var parse = root.Parse(args);
            if (parse.Errors.Count > 0)
            {
                var commandName =
                    parse.CommandResult.Command == root
                        ? "containment"
                        : "containment " + parse.CommandResult.Command.Name;
                stderr.Write($"containment: {OneLine(parse.Errors[0].Message)}\n");
                stderr.Write($"Try '{commandName} --help' for usage.\n");
                return ExitCodes.Usage;
            }
            return parse.Invoke(
                new InvocationConfiguration
                {
                    Output = stdout,
                    Error = stderr,
                    EnableDefaultExceptionHandler = false,
                }
            );
        }
#pragma warning disable CA1031 // The one place that turns any bug into a one-line message instead of a stack trace.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            stderr.Write($"containment: internal error: {ex.Message}\n");
            return ExitCodes.InternalError;
        }
    }

    /// <summary>System.CommandLine lists allowed values on separate lines; usage errors stay on one.</summary>
    private static string OneLine(string message) =>
        string.Join(
            " ",
            message.Split(
                ['\r', '\n', '\t'],
                StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries
            )
        );

    private static RootCommand BuildRoot(CliContext context)
    {
        var common = new CommonOptions();
        var root = new RootCommand(
            "Containment: turns LibreChat's librechat.yaml into default-deny egress policy for the Aviatrix Distributed Cloud Firewall."
        );
        root.Subcommands.Add(PlanCommand.Create(context, common));
        root.Subcommands.Add(LintCommand.Create(context, common));
        root.Subcommands.Add(EmitCommand.Create(context, common));
        root.Subcommands.Add(DiffCommand.Create(context, common));
        root.Subcommands.Add(CheckCommand.Create(context, common));
        root.Subcommands.Add(CompileCommand.Create(context));
        root.Subcommands.Add(BaselineCommand.Create(context, common));
        // One file per command under Commands/; register new ones here.
        root.SetAction(_ =>
        {
            context.Stderr.Write(
                "containment: a command is required (plan, lint, diff, check, emit, compile)\nTry 'containment --help' for usage.\n"
            );
            return ExitCodes.Usage;
        });
        return root;
    }
}
