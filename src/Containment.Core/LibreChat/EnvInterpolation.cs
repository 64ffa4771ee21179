using System.Text.RegularExpressions;

namespace Containment.Core.LibreChat;

/// <summary>The outcome of <see cref="EnvInterpolation.Expand(string, EnvScope)"/>: the text LibreChat would use and the variables it could not fill.</summary>
/// <param name="Value">The text with every expandable variable replaced; unset, sensitive and secret ones stay as <c>${NAME}</c>.</param>
/// <param name="Unresolved">Variables with no value (for the greedy whole-value case, the one odd name LibreChat looks up).</param>
/// <param name="Sensitive">LibreChat's own never-expanded names: the literal text really is what LibreChat uses.</param>
/// <param name="Secret">Secrets that LibreChat does expand but we refuse to: their value must never reach a host or output.</param>
public sealed record InterpolationResult(
    string Value,
    IReadOnlyList<string> Unresolved,
    IReadOnlyList<string> Sensitive,
    IReadOnlyList<string> Secret
)
{
    public bool IsResolved => Unresolved.Count == 0 && Sensitive.Count == 0 && Secret.Count == 0;

    /// <summary>Every variable left literal in <see cref="Value"/>, in first-seen order.</summary>
    public IReadOnlyList<string> Literal =>
        [.. Unresolved.Concat(Sensitive).Concat(Secret).Distinct(StringComparer.Ordinal)];
}

/// <summary>
/// LibreChat's <c>extractEnvVariable</c>, the one implementation the reader and the schema check share
/// (danny-avila/LibreChat packages/data-provider/src/utils.ts, librechat-data-provider 0.8.524): the value is
/// trimmed; a whole-value match of the greedy <c>/^\${(.+)}$/</c> looks up that one name (so <c>${A}/${B}</c> is the
/// single odd name <c>A}/${B</c>, never set, and the literal stays even when A and B are set); otherwise every
/// <c>/\${([^}]+)}/g</c> is replaced on its own. Unset or empty variables stay literal; LibreChat's infrastructure
/// secrets (<see cref="SensitiveNames"/>) are never expanded; and, our own rule, neither is any secret.
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

    /// <summary>Expands with plain values only; names that look like secrets are still refused.</summary>
    public static InterpolationResult Expand(
        string value,
        IReadOnlyDictionary<string, string> env
    ) => Expand(value, new EnvScope(env));

    public static InterpolationResult Expand(string value, EnvScope env)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(env);
        var trimmed = value.Trim();
        var unresolved = new List<string>();
        var sensitive = new List<string>();
        var secret = new List<string>();
        string? Substitute(string name)
        {
            if (SensitiveNames.Contains(name))
            {
                sensitive.Add(name);
                return null;
            }
            if (env.IsSecret(name))
            {
                secret.Add(name);
                return null;
            }
            var v = env.Lookup(name);
            if (v is null)
            {
                unresolved.Add(name);
            }
            return v;
        }
        var single = WholeRegex().Match(trimmed);
        if (single.Success)
        {
            var whole = Substitute(single.Groups[1].Value) ?? trimmed;
            return new InterpolationResult(whole, unresolved, sensitive, secret);
        }
        var result = EmbeddedRegex()
            .Replace(trimmed, m => Substitute(m.Groups[1].Value) ?? m.Value);
        return new InterpolationResult(result, unresolved, sensitive, secret);
    }

    /// <summary>LibreChat's <c>extractVariableName</c>: the NAME of a value that is exactly <c>${NAME}</c>, else null.</summary>
    public static string? WholeVariableName(string value)
    {
        var m = WholeRegex().Match(value.Trim());
        return m.Success ? m.Groups[1].Value : null;
    }

    /// <summary>Every embedded <c>${NAME}</c> in <paramref name="text"/>, in order.</summary>
    public static IReadOnlyList<string> NamesIn(string text) =>
        [.. EmbeddedRegex().Matches(text).Select(m => m.Groups[1].Value)];

    /// <summary>Replaces each embedded <c>${NAME}</c> with what <paramref name="fill"/> gives for its name.</summary>
    public static string ReplaceEach(string text, Func<string, string> fill) =>
        EmbeddedRegex().Replace(text, m => fill(m.Groups[1].Value));

    /// <summary>Shows variables as <c>${A}, ${B}</c>: the only way a diagnostic may name what a URL needs.</summary>
    public static string Show(IEnumerable<string> names) =>
        string.Join(", ", names.Select(n => "${" + n + "}"));

    // JavaScript's "." stops at line breaks and "$" without the m flag is the very end: no Singleline, and \z.
    [GeneratedRegex(@"^\$\{(.+)\}\z", RegexOptions.CultureInvariant)]
    private static partial Regex WholeRegex();

    [GeneratedRegex(@"\$\{([^}]+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex EmbeddedRegex();
}
