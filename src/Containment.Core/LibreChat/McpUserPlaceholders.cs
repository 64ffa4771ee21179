using System.Text.RegularExpressions;

namespace Containment.Core.LibreChat;

/// <summary>
/// The <c>{{NAME}}</c> placeholders LibreChat fills in an MCP server's url, headers, env, args and oauth strings per
/// user when it connects: <c>processMCPEnv</c> / <c>resolveHeaders</c> -> <c>processSingleValue</c>
/// (danny-avila/LibreChat packages/api/src/utils/env.ts @ 2fdfe69053b32de5d83e53b9bb3ad15cfea9a844) replaces the
/// user's <c>customUserVars</c>, then <c>{{LIBRECHAT_USER_&lt;FIELD&gt;}}</c>, the OpenID token placeholders and
/// <c>{{LIBRECHAT_BODY_&lt;FIELD&gt;}}</c>, and only then runs <c>extractEnvVariable</c>. None of them has a value
/// before a user connects, so any <c>{{...}}</c> counts as per-user here (one LibreChat does not know stays literal,
/// which leaves the host just as unknown).
/// </summary>
public static partial class McpUserPlaceholders
{
    public static bool Contains(string text) => PlaceholderRegex().IsMatch(text);

    /// <summary>Every <c>{{NAME}}</c> in <paramref name="text"/>, in order.</summary>
    public static IReadOnlyList<string> NamesIn(string text) =>
        [.. PlaceholderRegex().Matches(text).Select(m => m.Groups[1].Value)];

    /// <summary>Replaces each <c>{{NAME}}</c> with what <paramref name="fill"/> gives for its name.</summary>
    public static string ReplaceEach(string text, Func<string, string> fill) =>
        PlaceholderRegex().Replace(text, m => fill(m.Groups[1].Value));

    /// <summary>Shows placeholders as <c>{{A}}, {{B}}</c>: names only (customUserVars keys), never a user's value.</summary>
    public static string Show(IEnumerable<string> names) =>
        string.Join(", ", names.Distinct(StringComparer.Ordinal).Select(n => "{{" + n + "}}"));

    [GeneratedRegex(@"\{\{([^{}]+)\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex PlaceholderRegex();
}
