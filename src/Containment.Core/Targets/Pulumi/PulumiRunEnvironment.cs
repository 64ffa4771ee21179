using Containment.Core.IO;

namespace Containment.Core.Targets.Pulumi;

/// <summary>
/// What Pulumi's YAML host passes to the compiler on a real run. <see cref="Read"/> returns null for the
/// env-less calls (plugin discovery on every preview/up, <c>pulumi about/install/convert</c>): print
/// <see cref="PulumiProgramBuilder.Discovery"/> then.
/// </summary>
public sealed record PulumiRunEnvironment(
    string Stack,
    string? Project,
    string ConfigJson,
    string? RootDirectory
)
{
    /// <summary>
    /// Decides on <c>PULUMI_CONFIG</c> alone: the host always sets it on a run (project defaults at least), and
    /// never on discovery calls. <c>PULUMI_STACK</c> is no signal, because CI may export it for the CLI (3.154+),
    /// and the OS value then reaches every call. A qualified <c>org/project/stack</c> is cut to the stack name.
    /// </summary>
    public static PulumiRunEnvironment? Read(IEnvironment environment)
    {
        var config = environment.GetVariable("PULUMI_CONFIG");
        if (config is null)
        {
            return null;
        }

        var stack = environment.GetVariable("PULUMI_STACK") ?? "";
        var slash = stack.LastIndexOf('/');
        return new PulumiRunEnvironment(
            slash >= 0 ? stack[(slash + 1)..] : stack,
            NullIfEmpty(environment.GetVariable("PULUMI_PROJECT")),
            config,
            NullIfEmpty(environment.GetVariable("PULUMI_ROOT_DIRECTORY"))
        );
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
