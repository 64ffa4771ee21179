using Containment.Core.IO;

namespace Containment.Cli.Rendering;

/// <summary>
/// How human output looks: Spectre tables with colour on an interactive terminal, plain text everywhere else
/// (redirected output, <c>NO_COLOR</c>, CI logs, dumb terminals), so logs and pipes get stable, greppable lines.
/// </summary>
/// <param name="Rich">Tables and colour (true) or the plain text renderers of Containment.Core (false).</param>
/// <param name="Reason">Why, for <c>--verbose</c> output and tests.</param>
public sealed record OutputStyle(bool Rich, string Reason)
{
    public static OutputStyle Plain(string reason) => new(false, reason);

    /// <param name="environment">Where NO_COLOR, CI and TERM are read.</param>
    /// <param name="isTerminal">Whether stdout is an interactive terminal (<c>!Console.IsOutputRedirected</c> in the real CLI).</param>
    public static OutputStyle Decide(IEnvironment environment, bool isTerminal)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (!isTerminal)
        {
            return Plain("stdout is not a terminal");
        }
        // no-color.org: any non-empty value disables colour.
        if (!string.IsNullOrEmpty(environment.GetVariable("NO_COLOR")))
        {
            return Plain("NO_COLOR is set");
        }
        if (IsSet(environment.GetVariable("CI")))
        {
            return Plain("CI is set");
        }
        if (string.Equals(environment.GetVariable("TERM"), "dumb", StringComparison.Ordinal))
        {
            return Plain("TERM is dumb");
        }
        return new OutputStyle(true, "interactive terminal");
    }

    /// <summary>CI systems set CI=true (GitHub, GitLab) or CI=1; an explicit false or 0 means a developer turned it off.</summary>
    private static bool IsSet(string? value) =>
        !string.IsNullOrEmpty(value)
        && !string.Equals(value, "false", StringComparison.OrdinalIgnoreCase)
        && value != "0";
}
