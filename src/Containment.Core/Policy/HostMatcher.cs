using System.Text;
using System.Text.RegularExpressions;

namespace Containment.Core.Policy;

/// <summary>
/// How a WebGroup host pattern matches an SNI name. Aviatrix documents neither the apex nor depth
/// (shared/reference/wildcard-semantics.md), so the evaluator makes these choices:
/// <list type="bullet">
/// <item>Apex: <c>*.example.com</c> does NOT match <c>example.com</c> (every documented system except AWS
/// Network Firewall and gh-aw agrees; an apex that is needed is listed as its own exact host).</item>
/// <item>Depth: <c>*.example.com</c> matches one OR MORE labels (<c>a.b.example.com</c> too), as Aviatrix's
/// legacy FQDN filter documented and Istio, Envoy, Calico and Azure do. This is the wider reading: a check
/// never reports a deeper host as blocked when the controller might let it through.</item>
/// <item>Mid-label <c>*</c> (catalogue only) matches any run of <c>[a-z0-9_-]</c> inside one label; a lookup
/// token (<c>{aws.region}</c>) matches exactly one label.</item>
/// <item>Comparison is on normalised names (lower case, punycode, no trailing dot); lookalikes such as
/// <c>badexample.com</c> never match <c>*.example.com</c>.</item>
/// </list>
/// </summary>
public static class HostMatcher
{
    public static bool Matches(string pattern, string host)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(host);
        if (
            !pattern.Contains('*', StringComparison.Ordinal)
            && !pattern.Contains('{', StringComparison.Ordinal)
        )
        {
            return string.Equals(pattern, host, StringComparison.Ordinal);
        }
        return ToRegex(pattern).IsMatch(host);
    }

    private static Regex ToRegex(string pattern)
    {
        var sb = new StringBuilder("^");
        var rest = pattern;
        if (rest.StartsWith("*.", StringComparison.Ordinal))
        {
            sb.Append(@"(?:[a-z0-9_-]+\.)+");
            rest = rest[2..];
        }
        var i = 0;
        while (i < rest.Length)
        {
            var c = rest[i];
            if (c == '{')
            {
                var close = rest.IndexOf('}', i);
                if (close > i)
                {
                    sb.Append("[a-z0-9-]+");
                    i = close + 1;
                    continue;
                }
            }
            sb.Append(c == '*' ? "[a-z0-9_-]*" : Regex.Escape(c.ToString()));
            i++;
        }
        sb.Append('$');
        return new Regex(sb.ToString(), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}
