using Containment.Core.Net;

namespace Containment.Core.LibreChat;

/// <summary>
/// A URL that still holds <c>${NAME}</c> references: which of them can change where a connection goes. A variable
/// decides the host when two different values for it give different scheme, host or port; the second value holds
/// every character that ends or restarts an authority (<c>/ ? # \ @ :</c>), so a variable in the userinfo or
/// port counts as deciding, and one in the path, query or fragment does not.
/// </summary>
public static class UrlTemplate
{
    private const string Plain = "x";
    private const string Breaking = "y.z/@?#\\:1";

    /// <summary>The names whose value could change the scheme, host or port of <paramref name="text"/>.</summary>
    public static IReadOnlySet<string> VariablesDecidingHost(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Deciding(text, EnvInterpolation.NamesIn, EnvInterpolation.ReplaceEach);
    }

    /// <summary>
    /// The per-user <c>{{NAME}}</c> placeholders (<see cref="McpUserPlaceholders"/>) whose value could change the
    /// scheme, host or port; any <c>${VAR}</c> counts as a plain value here.
    /// </summary>
    public static IReadOnlySet<string> UserPlaceholdersDecidingHost(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Deciding(
            EnvInterpolation.ReplaceEach(text, _ => Plain),
            McpUserPlaceholders.NamesIn,
            McpUserPlaceholders.ReplaceEach
        );
    }

    private static HashSet<string> Deciding(
        string text,
        Func<string, IReadOnlyList<string>> namesIn,
        Func<string, Func<string, string>, string> replaceEach
    )
    {
        var deciding = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in namesIn(text).Distinct(StringComparer.Ordinal))
        {
            var plain = UrlParts.TryParse(replaceEach(text, _ => Plain));
            var breaking = UrlParts.TryParse(replaceEach(text, n => n == name ? Breaking : Plain));
            if (plain is null || plain != breaking)
            {
                deciding.Add(name);
            }
        }
        return deciding;
    }

    /// <summary>The URL with each variable replaced by a neutral value, for reading its (variable-free) host; null when it has no host.</summary>
    public static string? WithVariablesFilled(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var filled = EnvInterpolation.ReplaceEach(text, _ => Plain);
        return UrlParts.TryParse(filled) is null ? null : filled;
    }
}
