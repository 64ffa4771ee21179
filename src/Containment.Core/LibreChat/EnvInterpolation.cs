using System.Text.RegularExpressions;

namespace Containment.Core.LibreChat;

/// <summary>The outcome of <see cref="EnvInterpolation.Expand"/>: the text LibreChat would use and the variables it could not fill.</summary>
public sealed record InterpolationResult(
    string Value,
    IReadOnlyList<string> Unresolved,
    IReadOnlyList<string> Sensitive
)
{
    public bool IsResolved => Unresolved.Count == 0 && Sensitive.Count == 0;
}

/// <summary>
/// LibreChat's <c>extractEnvVariable</c>, reproduced exactly (librechat-data-provider 0.8.524): the value is
/// trimmed; a whole-value <c>${NAME}</c> (greedy, so <c>${A}/${B}</c> counts as one odd name and stays
/// literal) becomes the variable's value when it is set and non-empty; otherwise every embedded
/// <c>${NAME}</c> is replaced on its own. Unset variables stay literal; the infrastructure secrets in
/// <see cref="SensitiveNames"/> are never expanded.
/// </summary>
public static partial class EnvInterpolation
{
    public static IReadOnlySet<string> SensitiveNames { get; } =
        new HashSet<string>(StringComparer.Ordinal)
        {
            "JWT_SECRET",
            "JWT_REFRESH_SECRET",
            "CREDS_KEY",
            "CREDS_IV",
            "MEILI_MASTER_KEY",
            "MONGO_URI",
            "REDIS_URI",
            "REDIS_PASSWORD",
        };

    public static bool ContainsVariable(string value) => EmbeddedRegex().IsMatch(value);

    public static InterpolationResult Expand(string value, IReadOnlyDictionary<string, string> env)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(env);
        var trimmed = value.Trim();
        var single = WholeRegex().Match(trimmed);
        if (single.Success)
        {
            var name = single.Groups[1].Value;
            if (SensitiveNames.Contains(name))
            {
                return new InterpolationResult(trimmed, [], [name]);
            }
            if (env.TryGetValue(name, out var v) && v.Length > 0)
            {
                return new InterpolationResult(v, [], []);
            }
            return new InterpolationResult(trimmed, NamesIn(trimmed), []);
        }
        var unresolved = new List<string>();
        var sensitive = new List<string>();
        var result = EmbeddedRegex()
            .Replace(
                trimmed,
                m =>
                {
                    var name = m.Groups[1].Value;
                    if (SensitiveNames.Contains(name))
                    {
                        sensitive.Add(name);
                        return m.Value;
                    }
                    if (env.TryGetValue(name, out var v) && v.Length > 0)
                    {
                        return v;
                    }
                    unresolved.Add(name);
                    return m.Value;
                }
            );
        return new InterpolationResult(result, unresolved, sensitive);
    }

    /// <summary>LibreChat's <c>extractVariableName</c>: the NAME of a value that is exactly <c>${NAME}</c>, else null.</summary>
    public static string? WholeVariableName(string value)
    {
        var m = WholeRegex().Match(value.Trim());
        return m.Success ? m.Groups[1].Value : null;
    }

    private static List<string> NamesIn(string text) =>
        [.. EmbeddedRegex().Matches(text).Select(m => m.Groups[1].Value)];

    [GeneratedRegex(@"^\$\{(.+)\}\z", RegexOptions.CultureInvariant)]
    private static partial Regex WholeRegex();

    [GeneratedRegex(@"\$\{([^}]+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex EmbeddedRegex();
}
