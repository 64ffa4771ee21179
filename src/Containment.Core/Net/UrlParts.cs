using System.Globalization;

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
    /// Parses <c>scheme://userinfo@host:port/path?query</c>, a bare <c>host:port</c> or a bare host.
    /// Returns null when no host can be found. The host is normalised with <see cref="HostName.Normalize"/>
    /// when possible and otherwise kept verbatim (so the caller can report it as invalid).
    /// </summary>
    public static UrlParts? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var s = text.Trim();
        string? scheme = null;
        var schemeEnd = s.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd > 0 && s[..schemeEnd].All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.'))
        {
            scheme = s[..schemeEnd].ToLowerInvariant();
            s = s[(schemeEnd + 3)..];
        }
        // WHATWG URL parsing (Node) treats a backslash like '/' in special schemes, so https://evil.example\@good.example
        // goes to evil.example; ending the authority there keeps the host the one Node connects to.
        var special = scheme is null or "http" or "https" or "ws" or "wss" or "ftp";
        var authorityEnd = special ? s.IndexOfAny(['/', '?', '#', '\\']) : s.IndexOfAny(['/', '?', '#']);
        var authority = authorityEnd >= 0 ? s[..authorityEnd] : s;
        var at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            authority = authority[(at + 1)..];
        }
        if (authority.Length == 0)
        {
            return null;
        }
        string hostText = authority;
        int? port = null;
        if (authority.StartsWith('['))
        {
            var close = authority.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                return null;
            }
            hostText = authority[1..close];
            var rest = authority[(close + 1)..];
            if (rest.StartsWith(':') && TryPort(rest[1..], out var p6))
            {
                port = p6;
            }
        }
        else
        {
            var colon = authority.LastIndexOf(':');
            if (colon >= 0 && authority.IndexOf(':', StringComparison.Ordinal) == colon)
            {
                var portText = authority[(colon + 1)..];
                hostText = authority[..colon];
                if (portText.Length > 0)
                {
                    if (!TryPort(portText, out var p))
                    {
                        return new UrlParts(scheme, authority, null);
                    }
                    port = p;
                }
            }
        }
        var host = HostName.Normalize(hostText) ?? hostText;
        return host.Length == 0 ? null : new UrlParts(scheme, host, port);
    }

    private static bool TryPort(string text, out int port) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port is > 0 and <= 65535;
}
