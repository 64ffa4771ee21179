using System.CommandLine;
using Containment.Cli.Input;

namespace Containment.Cli;

/// <summary>
/// The options every config-reading command shares (CLI.md), defined once so they read and behave the same
/// everywhere. A command adds the ones it uses with <see cref="AddTo"/>.
/// </summary>
internal sealed class CommonOptions
{
    /// <summary>The default librechat.yaml path (the stack setting <c>librechatConfig</c>'s default).</summary>
    public const string DefaultConfigPath = "infra/librechat.yaml";

    public Option<string?> Config { get; } =
        new("--config")
        {
            Description = "Path to librechat.yaml (default: " + DefaultConfigPath + ").",
            HelpName = "FILE",
        };

    public Option<string?> Stack { get; } =
        new("--stack")
        {
            Description = "Stack name: reads Pulumi.NAME.yaml beside Pulumi.yaml.",
            HelpName = "NAME",
        };

    public Option<string?> Settings { get; } =
        new("--settings")
        {
            Description = "Stack settings file (a Pulumi.<stack>.yaml).",
            HelpName = "FILE",
        };

    public Option<string[]> EnvFile { get; } =
        new("--env-file")
        {
            Description =
                "LibreChat's .env (dotenv rules) with values for ${VAR}; repeatable, later files win over earlier ones and over the stack's env.",
            HelpName = "FILE",
        };

    public Option<string[]> HelmValues { get; } =
        new("--helm-values")
        {
            Description =
                "The LibreChat Helm chart's values (librechat.configEnv, the credentials Secret's API key name, the RAG API); repeatable as helm -f, later files win. --env-file wins over them.",
            HelpName = "FILE",
        };

    public CommonOptionValues ValuesFrom(System.CommandLine.ParseResult parse) =>
        new(
            parse.GetValue(Config),
            parse.GetValue(Stack),
            parse.GetValue(Settings),
            parse.GetValue(EnvFile) ?? [],
            parse.GetValue(HelmValues) ?? []
        );

    /// <summary>Adds the shared options; commands that have no stack settings yet pass <paramref name="withStack"/> false.</summary>
    public void AddTo(Command command, bool withStack)
    {
        command.Options.Add(Config);
        if (withStack)
        {
            command.Options.Add(Stack);
            command.Options.Add(Settings);
        }
        command.Options.Add(EnvFile);
        if (withStack)
        {
            command.Options.Add(HelmValues);
        }
    }
}
