using System.Reflection;

namespace Containment.Core.Net;

/// <summary>
/// The Public Suffix List (ICANN and PRIVATE sections) shipped as <c>Net/public_suffix_list.dat</c>, with the
/// matching algorithm of https://publicsuffix.org/list/ ("*" default rule, <c>*.ck</c> wildcards,
/// <c>!www.ck</c> exceptions). A public suffix is a name under which anyone can register a subdomain
/// (<c>co.uk</c>, but also <c>s3.amazonaws.com</c>, <c>github.io</c>, <c>vercel.app</c>), so a wildcard over one
/// lets whoever registers a name there receive traffic. Names are compared in ASCII (punycode) lower case.
/// </summary>
public sealed class PublicSuffixList
{
    private const string ResourceName = "Containment.Core.Net.public_suffix_list.dat";
    private static readonly Lazy<PublicSuffixList> LazyShipped = new(LoadShipped);

    private readonly HashSet<string> _rules = new(StringComparer.Ordinal);
    private readonly HashSet<string> _wildcardParents = new(StringComparer.Ordinal);
    private readonly HashSet<string> _exceptions = new(StringComparer.Ordinal);

    /// <summary>Per domain that has public suffixes strictly below it, the one with fewest labels (then shortest, then ordinal first).</summary>
    private readonly Dictionary<string, string> _suffixBelow = new(StringComparer.Ordinal);

    private PublicSuffixList(string version, string date, string source)
    {
        Version = version;
        Date = date;
        Source = source;
    }

    /// <summary>The list this build ships (embedded resource).</summary>
    public static PublicSuffixList Shipped => LazyShipped.Value;

    /// <summary>Upstream commit (or sha256 of a download) the shipped file was made from.</summary>
    public string Version { get; }

    public string Date { get; }

    public string Source { get; }

    public int RuleCount => _rules.Count + _wildcardParents.Count + _exceptions.Count;

    /// <summary>Parses the list format: one rule per line, <c>//</c> comments, header keys <c>source</c>, <c>version</c>, <c>date</c>.</summary>
    public static PublicSuffixList Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n');
        string Header(string key) =>
            lines
                .Select(l => l.Trim())
                .FirstOrDefault(l => l.StartsWith("// " + key + ": ", StringComparison.Ordinal))
                ?[(key.Length + 5)..]
            ?? "unknown";
        var list = new PublicSuffixList(Header("version"), Header("date"), Header("source"));
        foreach (var line in lines)
        {
            var rule = line.Trim();
            if (rule.Length == 0 || rule.StartsWith("//", StringComparison.Ordinal))
            {
                continue;
            }
            list.AddRule(rule);
        }
        return list;
    }

    /// <summary>True when <paramref name="domain"/> is itself a public suffix (including unlisted TLDs, by the "*" default rule).</summary>
    public bool IsPublicSuffix(string domain) =>
        string.Equals(PublicSuffixOf(domain), domain, StringComparison.Ordinal);

    /// <summary>The longest public suffix of <paramref name="host"/> (its last label when no rule matches).</summary>
    public string PublicSuffixOf(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var candidate = host;
        while (true)
        {
            if (_exceptions.Contains(candidate))
            {
                return Parent(candidate) ?? candidate;
            }
            var parent = Parent(candidate);
            if (
                _rules.Contains(candidate)
                || (parent is not null && _wildcardParents.Contains(parent))
            )
            {
                return candidate;
            }
            if (parent is null)
            {
                return candidate;
            }
            candidate = parent;
        }
    }

    /// <summary>The public suffix plus one label (<c>example.co.uk</c>); null when the host is itself a public suffix.</summary>
    public string? RegistrableDomainOf(string host)
    {
        var suffix = PublicSuffixOf(host);
        if (host.Length <= suffix.Length)
        {
            return null;
        }
        var prefix = host[..(host.Length - suffix.Length - 1)];
        return prefix[(prefix.LastIndexOf('.') + 1)..] + "." + suffix;
    }

    /// <summary>
    /// The public suffix a wildcard <c>*.<paramref name="domain"/></c> would reach into: the domain itself when it
    /// is a public suffix, else a public suffix below it (<c>s3.amazonaws.com</c> for <c>amazonaws.com</c>);
    /// null when the wildcard stays inside one registrant's names.
    /// </summary>
    public string? SuffixCoveredBy(string domain)
    {
        ArgumentNullException.ThrowIfNull(domain);
        if (IsPublicSuffix(domain))
        {
            return domain;
        }
        return _suffixBelow.TryGetValue(domain, out var below) ? below : null;
    }

    private void AddRule(string unicodeRule)
    {
        var rule = ToAscii(unicodeRule.ToLowerInvariant());
        if (rule is null)
        {
            return;
        }
        if (rule.StartsWith('!'))
        {
            _exceptions.Add(rule[1..]);
            return;
        }
        if (rule.StartsWith("*.", StringComparison.Ordinal))
        {
            _wildcardParents.Add(rule[2..]);
        }
        else
        {
            _rules.Add(rule);
        }
        for (var ancestor = Parent(rule); ancestor is not null; ancestor = Parent(ancestor))
        {
            if (!_suffixBelow.TryGetValue(ancestor, out var best) || Better(rule, best))
            {
                _suffixBelow[ancestor] = rule;
            }
        }
    }

    private static bool Better(string a, string b)
    {
        var byLabels = a.Count(c => c == '.').CompareTo(b.Count(c => c == '.'));
        var byLength = a.Length.CompareTo(b.Length);
        return byLabels < 0
            || (
                byLabels == 0
                && (byLength < 0 || (byLength == 0 && string.CompareOrdinal(a, b) < 0))
            );
    }

    private static string? Parent(string name)
    {
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? null : name[(dot + 1)..];
    }

    /// <summary>Punycode for the list's Unicode rules (<c>公司.cn</c>), label by label.</summary>
    private static string? ToAscii(string rule)
    {
        var labels = rule.Split('.');
        for (var i = 0; i < labels.Length; i++)
        {
            if (labels[i].Any(c => c > 0x7F))
            {
                var encoded = Punycode.Encode(labels[i]);
                if (encoded is null)
                {
                    return null;
                }
                labels[i] = "xn--" + encoded;
            }
        }
        return string.Join('.', labels);
    }

    private static PublicSuffixList LoadShipped()
    {
        using var stream =
            Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException(
                $"The build lacks the embedded resource {ResourceName}."
            );
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }
}
