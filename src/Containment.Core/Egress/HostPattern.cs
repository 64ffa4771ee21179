using System.Text.RegularExpressions;
using Containment.Core.Net;

namespace Containment.Core.Egress;

public enum HostPatternProblem
{
    None,
    BareWildcard,
    TooBroad,
    MidLabelWildcard,
    Malformed,
}

/// <summary>
/// Validation and normal form for hosts that may be patterns (extra destinations, catalogue entries,
/// actions.allowedDomains). Accepted: exact hosts and a leading <c>*.</c> over at least two labels.
/// Mid-label wildcards (<c>app*.example.com</c>) only from catalogues, where the vendor forces them.
/// Lookup tokens (<c>{aws.region}</c>) stand for one label and survive normalisation.
/// </summary>
public static partial class HostPattern
{
    public static (string? Host, HostPatternProblem Problem) Normalize(string? raw, bool allowMidLabelWildcard = false)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return (null, HostPatternProblem.Malformed);
        }
        var text = raw.Trim();
        if (text == "*" || text == "*." || text == "**")
        {
            return (null, HostPatternProblem.BareWildcard);
        }
        var hostText = StripToHost(text);
        if (hostText is null)
        {
            return (null, HostPatternProblem.Malformed);
        }
        if (hostText == "*")
        {
            return (null, HostPatternProblem.BareWildcard);
        }

        // Tokens are swapped for a placeholder label so the name rules still apply to the rest.
        var tokens = TokenRegex().Matches(hostText).Select(m => m.Value).Distinct(StringComparer.Ordinal).ToList();
        var probe = hostText;
        for (var i = 0; i < tokens.Count; i++)
        {
            probe = probe.Replace(tokens[i], Placeholder(i), StringComparison.Ordinal);
        }
        if (probe.Contains('{', StringComparison.Ordinal) || probe.Contains('}', StringComparison.Ordinal))
        {
            return (null, HostPatternProblem.Malformed);
        }
        var leading = probe.StartsWith("*.", StringComparison.Ordinal);
        var body = leading ? probe[2..] : probe;
        if (body.Contains("**", StringComparison.Ordinal))
        {
            return (null, HostPatternProblem.Malformed);
        }
        if (body.Contains('*', StringComparison.Ordinal))
        {
            if (!allowMidLabelWildcard)
            {
                return (null, HostPatternProblem.MidLabelWildcard);
            }
            if (!AviatrixWildcardRegex().IsMatch(body))
            {
                return (null, HostPatternProblem.Malformed);
            }
            return (Restore(probe.ToLowerInvariant(), tokens), HostPatternProblem.None);
        }
        var normal = HostName.Normalize(body);
        if (normal is null)
        {
            return (null, HostPatternProblem.Malformed);
        }
        if (leading && !normal.Contains('.', StringComparison.Ordinal))
        {
            return (null, HostPatternProblem.TooBroad);
        }
        return (Restore((leading ? "*." : "") + normal, tokens), HostPatternProblem.None);
    }

    /// <summary>Strips a scheme, userinfo, port and path; keeps the host (with any tokens) as written.</summary>
    private static string? StripToHost(string text)
    {
        var s = text;
        var scheme = s.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            s = s[(scheme + 3)..];
        }
        var end = s.IndexOfAny(['/', '?', '#']);
        if (end >= 0)
        {
            s = s[..end];
        }
        var at = s.LastIndexOf('@');
        if (at >= 0)
        {
            s = s[(at + 1)..];
        }
        if (s.StartsWith('['))
        {
            var close = s.IndexOf(']', StringComparison.Ordinal);
            return close > 1 ? s[1..close] : null;
        }
        var colon = s.LastIndexOf(':');
        if (colon >= 0 && s.IndexOf(':', StringComparison.Ordinal) == colon)
        {
            s = s[..colon];
        }
        return s.Length == 0 ? null : s;
    }

    private static string Placeholder(int i) => "tok" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "x";

    private static string Restore(string host, List<string> tokens)
    {
        var result = host;
        for (var i = tokens.Count - 1; i >= 0; i--)
        {
            result = result.Replace(Placeholder(i), tokens[i], StringComparison.Ordinal);
        }
        return result;
    }

    [GeneratedRegex(@"\{[A-Za-z0-9_.]+\}")]
    private static partial Regex TokenRegex();

    /// <summary>Aviatrix's documented wildcard alphabet, no consecutive '*', labels non-empty.</summary>
    [GeneratedRegex(@"^[A-Za-z0-9_*-]+(\.[A-Za-z0-9_*-]+)+$")]
    private static partial Regex AviatrixWildcardRegex();
}
