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

    /// <summary>A leading <c>*.</c> over a public suffix, or over a domain with public suffixes below it (<see cref="PublicSuffixList"/>).</summary>
    PublicSuffixWildcard,

    /// <summary>A look-up token (<c>{aws.accountId}</c>) outside the built-in catalogue.</summary>
    LookupToken,
}

/// <summary>
/// Validation and normal form for hosts that may be patterns (extra destinations, catalogue entries,
/// actions.allowedDomains). Accepted: exact hosts and a leading <c>*.</c> over a registrable domain: never over
/// a public suffix (<c>*.co.uk</c>, <c>*.github.io</c>) nor over a domain that has public suffixes below it
/// (<c>*.amazonaws.com</c> covers <c>s3.amazonaws.com</c>), because anyone can register names there.
/// Mid-label wildcards (<c>app*.example.com</c>) and lookup tokens (<c>{aws.region}</c>, one label, resolved at
/// deploy time) only from the built-in catalogue (<paramref name="fromCatalogue"/>): a reviewer sees the
/// catalogue's text, while a token in a pull request would become a value nobody reviews.
/// </summary>
public static partial class HostPattern
{
    public static (string? Host, HostPatternProblem Problem) Normalize(
        string? raw,
        bool fromCatalogue = false
    )
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
        var tokens = TokenRegex()
            .Matches(hostText)
            .Select(m => m.Value)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (tokens.Count > 0 && !fromCatalogue)
        {
            return (null, HostPatternProblem.LookupToken);
        }
        var probe = hostText;
        for (var i = 0; i < tokens.Count; i++)
        {
            probe = probe.Replace(tokens[i], Placeholder(i), StringComparison.Ordinal);
        }
        if (
            probe.Contains('{', StringComparison.Ordinal)
            || probe.Contains('}', StringComparison.Ordinal)
        )
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
            if (!fromCatalogue)
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
        if (leading && tokens.Count == 0 && PublicSuffixUnder(normal) is not null)
        {
            // The refused pattern is returned so the message can name it and its suffix.
            return ("*." + normal, HostPatternProblem.PublicSuffixWildcard);
        }
        return (Restore((leading ? "*." : "") + normal, tokens), HostPatternProblem.None);
    }

    /// <summary>
    /// The public suffix a wildcard over <paramref name="domain"/> (the part after <c>*.</c>, normalised) would reach:
    /// the domain itself or one below it; null when the wildcard stays within one registrant. In-cluster suffixes
    /// (<c>svc.cluster.local</c>) are not internet names and are left to the in-cluster rule.
    /// </summary>
    public static string? PublicSuffixUnder(string domain) =>
        HostName.Classify(domain) == HostKind.Public
            ? PublicSuffixList.Shipped.SuffixCoveredBy(domain)
            : null;

    /// <summary>Strips a scheme, userinfo, port and path; keeps the host (with any tokens) as written.</summary>
    private static string? StripToHost(string text)
    {
        // A scheme counts only at the start, as in Node's parser: "x?https://%2a" is a host followed by a query,
        // never the URL "https://%2a". The authority ends at '/', '\\', '?' or '#' (WhatwgHost.Authority).
        var s = text;
        var colon = s.IndexOf(':', StringComparison.Ordinal);
        var scheme =
            colon > 0 && WhatwgHost.IsScheme(s.AsSpan(0, colon))
                ? s[..colon].ToLowerInvariant()
                : null;
        if (scheme is not null && WhatwgHost.IsSpecialScheme(scheme))
        {
            s = WhatwgHost.Authority(s[(colon + 1)..]);
        }
        else if (
            scheme is not null
            && s.AsSpan(colon + 1).StartsWith("//", StringComparison.Ordinal)
        )
        {
            s = s[(colon + 3)..];
            var end = s.IndexOfAny(['/', '?', '#']);
            s = end < 0 ? s : s[..end];
        }
        else
        {
            s = WhatwgHost.Authority(s);
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
        var portColon = s.LastIndexOf(':');
        if (portColon >= 0 && s.IndexOf(':', StringComparison.Ordinal) == portColon)
        {
            s = s[..portColon];
        }
        return s.Length == 0 ? null : s;
    }

    private static string Placeholder(int i) =>
        "tok" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "x";

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
