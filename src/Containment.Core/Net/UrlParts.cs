namespace Containment.Core.Net;

/// <summary>
/// The network-relevant parts of a URL-ish config value: scheme, host and port only. Userinfo, path,
/// query and fragment are dropped on purpose: they are where tokens hide, and only hostnames may leave
/// the config.
/// </summary>
public sealed record UrlParts(string? Scheme, string Host, int? Port)
{
    /// <summary>The port a connection actually uses: the explicit one, or the scheme's default.</summary>
    public int EffectivePort =>
        Port
        ?? Scheme switch
        {
            "http" or "ws" => 80,
            _ => 443,
        };

    /// <summary>
    /// Leniently parses what people paste (the <c>check</c> argument, an Obot endpoint): a URL, a bare
    /// <c>host:port</c> or a bare host. The authority is split as Node splits it (backslashes, <c>https:/host</c>,
    /// the last '@'; <see cref="WhatwgHost"/>). Returns null when no host can be found. The host is normalised
    /// with <see cref="HostName.Normalize"/> when possible and otherwise kept verbatim (so the caller can report it).
    /// URL fields of the config use <see cref="TryParseUrl"/>, which also requires an http(s)/ws(s) scheme.
    /// </summary>
    public static UrlParts? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var s = WhatwgHost.Clean(text);
        string? scheme = null;
        string authority;
        var colon = s.IndexOf(':', StringComparison.Ordinal);
        var candidate =
            colon > 0 && WhatwgHost.IsScheme(s.AsSpan(0, colon))
                ? s[..colon].ToLowerInvariant()
                : null;
        if (candidate is not null && WhatwgHost.IsSpecialScheme(candidate))
        {
            scheme = candidate;
            authority = WhatwgHost.Authority(s[(colon + 1)..]);
        }
        else if (
            candidate is not null
            && s.AsSpan(colon + 1).StartsWith("//", StringComparison.Ordinal)
        )
        {
            scheme = candidate;
            var rest = s[(colon + 3)..];
            var end = rest.IndexOfAny(['/', '?', '#']);
            authority = end < 0 ? rest : rest[..end];
        }
        else
        {
            authority = WhatwgHost.Authority(s);
        }
        authority = authority[(authority.LastIndexOf('@') + 1)..];
        if (authority.Length == 0)
        {
            return null;
        }
        if (!WhatwgHost.SplitPort(authority, out var hostText, out var port) || port is 0)
        {
            return new UrlParts(scheme, authority, null);
        }
        if (hostText.Length == 0)
        {
            return null;
        }
        var host = HostName.Normalize(hostText) ?? hostText;
        return new UrlParts(scheme, host, port);
    }

    /// <summary>
    /// A URL field as LibreChat's clients reach it (Node's <c>new URL</c>): only http, https, ws and wss name a host;
    /// <c>file:</c>, <c>javascript:</c>, <c>mailto:</c> and a bare <c>host/v1</c> are <paramref name="problem"/>s.
    /// </summary>
    public static UrlParts? TryParseUrl(string text, out UrlProblem problem)
    {
        var (url, p) = WhatwgHost.ParseUrl(text);
        problem = p;
        if (url is not null && url.Host.Contains('*', StringComparison.Ordinal))
        {
            problem = UrlProblem.WildcardHost;
            return null;
        }
        return url is null
            ? null
            : new UrlParts(url.Scheme, HostName.Normalize(url.Host) ?? url.Host, url.Port);
    }
}
