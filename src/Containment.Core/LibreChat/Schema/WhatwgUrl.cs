using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Containment.Core.LibreChat.Schema;

/// <summary>
/// Whether JavaScript's <c>new URL(text)</c> would throw, which is all zod's <c>.url()</c> checks.
/// A faithful subset of the WHATWG URL parser: scheme syntax, and for the special schemes (http, https,
/// ws, wss, ftp) a non-empty, well-formed host and a numeric port. <see cref="System.Uri"/> is not used
/// because it disagrees with browsers and Node in both directions (e.g. it rejects <c>localhost:3000</c>,
/// which Node parses as scheme "localhost").
/// </summary>
internal static class WhatwgUrl
{
    private static readonly string[] SpecialNetworkSchemes = ["http", "https", "ws", "wss", "ftp"];

    /// <summary>Returns the lower-cased scheme (e.g. "https") when the text parses, otherwise null.</summary>
    public static string? Parse(string text)
    {
        var input = Clean(text);
        var colon = input.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !IsScheme(input.AsSpan(0, colon)))
        {
            return null;
        }
        var scheme = input[..colon].ToLowerInvariant();
        var rest = input[(colon + 1)..];
        if (scheme == "file")
        {
            return scheme;
        }
        if (Array.IndexOf(SpecialNetworkSchemes, scheme) >= 0)
        {
            return IsValidAuthority(rest.TrimStart('/', '\\'), special: true) ? scheme : null;
        }
        if (rest.StartsWith("//", StringComparison.Ordinal))
        {
            return IsValidAuthority(rest[2..], special: false) ? scheme : null;
        }
        return scheme;
    }

    public static bool IsValid(string text) => Parse(text) is not null;

    // The parser strips leading/trailing C0 controls and spaces, and drops tabs and newlines anywhere.
    private static string Clean(string text)
    {
        var trimmed = text.Trim(TrimChars);
        return trimmed
            .Replace("\t", string.Empty, StringComparison.Ordinal)
            .Replace("\n", string.Empty, StringComparison.Ordinal)
            .Replace("\r", string.Empty, StringComparison.Ordinal);
    }

    private static readonly char[] TrimChars = [.. Enumerable.Range(0, 0x21).Select(i => (char)i)];

    private static bool IsScheme(ReadOnlySpan<char> scheme)
    {
        if (!char.IsAsciiLetter(scheme[0]))
        {
            return false;
        }
        foreach (var c in scheme)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('+' or '-' or '.'))
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsValidAuthority(string rest, bool special)
    {
        var end = rest.IndexOfAny(special ? ['/', '\\', '?', '#'] : ['/', '?', '#']);
        var authority = end < 0 ? rest : rest[..end];
        var at = authority.LastIndexOf('@');
        var hostPort = at < 0 ? authority : authority[(at + 1)..];
        string host;
        string port;
        if (hostPort.StartsWith('['))
        {
            var close = hostPort.IndexOf(']', StringComparison.Ordinal);
            if (
                close < 0
                || !IPAddress.TryParse(hostPort[1..close], out var v6)
                || v6.AddressFamily != AddressFamily.InterNetworkV6
            )
            {
                return false;
            }
            host = hostPort[..(close + 1)];
            var after = hostPort[(close + 1)..];
            if (after.Length > 0 && after[0] != ':')
            {
                return false;
            }
            port = after.Length > 0 ? after[1..] : string.Empty;
        }
        else
        {
            var portColon = hostPort.LastIndexOf(':');
            host = portColon < 0 ? hostPort : hostPort[..portColon];
            port = portColon < 0 ? string.Empty : hostPort[(portColon + 1)..];
            if (!IsValidHost(host, special))
            {
                return false;
            }
        }
        return port.Length == 0
            || (
                port.All(char.IsAsciiDigit)
                && int.TryParse(
                    port,
                    NumberStyles.None,
                    CultureInfo.InvariantCulture,
                    out var number
                )
                && number <= 65535
            )
            || (port.All(char.IsAsciiDigit) && port.TrimStart('0').Length == 0);
    }

    private static bool IsValidHost(string host, bool special)
    {
        if (special)
        {
            // One host parser for the whole tool: the gate's, which mirrors Node's (percent-decoding, UTS #46, IPv4).
            return Net.WhatwgHost.ParseHost(host) is not null;
        }
        return !host.Any(Net.WhatwgHost.IsForbiddenHostCodePoint);
    }
}
