using System.Text.RegularExpressions;

namespace Containment.Core.LibreChat.Schema;

/// <summary>
/// LibreChat's <c>extractEnvVariable</c>: <c>${NAME}</c> references are replaced by the variable's value
/// when it is set and non-empty, and left as written otherwise. The text is trimmed first.
/// LibreChat never expands its own infrastructure secrets (<see cref="Sensitive"/>), so neither do we.
/// </summary>
internal static partial class EnvExpansion
{
    [GeneratedRegex(@"\$\{([^}]+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Reference();

    private static readonly HashSet<string> Sensitive = new(StringComparer.Ordinal)
    {
        "JWT_SECRET", "JWT_REFRESH_SECRET", "CREDS_KEY", "CREDS_IV", "MEILI_MASTER_KEY", "MONGO_URI", "REDIS_URI", "REDIS_PASSWORD",
    };

    public static (string Text, IReadOnlyList<string> Unresolved) Expand(string value, Func<string, string?> environment)
    {
        var unresolved = new List<string>();
        var text = Reference().Replace(value.Trim(), match =>
        {
            var name = match.Groups[1].Value;
            var resolved = Sensitive.Contains(name) ? null : environment(name);
            if (string.IsNullOrEmpty(resolved))
            {
                unresolved.Add(name);
                return match.Value;
            }
            return resolved;
        });
        return (text, unresolved);
    }
}
