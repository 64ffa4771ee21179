using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Containment.Core.Net;

/// <summary>Why a URL-field value names no host the firewall could allow.</summary>
public enum UrlProblem
{
    None,

    /// <summary>No scheme at all (<c>api.example.com/v1</c>): Node's <c>new URL</c> throws or reads the host as a scheme.</summary>
    NoScheme,

    /// <summary>A scheme other than http, https, ws, wss (<c>file:</c>, <c>gopher:</c>, <c>javascript:</c>, <c>mailto:</c>).</summary>
    UnsupportedScheme,

    /// <summary>Node's URL parser rejects the host or the port.</summary>
    Invalid,

    /// <summary>Node accepts it, but the host holds a '*' (<c>https://*.com/x</c>), which a WebGroup would read as a wildcard.</summary>
    WildcardHost,
}

/// <summary>A URL as Node's WHATWG parser reads it: scheme, hostname exactly as <c>url.hostname</c>, and explicit port.</summary>
public sealed record WhatwgUrlParts(string Scheme, string Host, int? Port);

/// <summary>
/// The WHATWG URL standard's host and authority parsing for special schemes, as Node's <c>new URL()</c> (ada)
/// does it, and so as LibreChat's fetch/axios clients reach a host: leading/trailing C0 and spaces stripped,
/// tabs and newlines removed, any run of '/' and '\' after <c>scheme:</c> skipped (<c>https:\\host</c>,
/// <c>https:/host</c> and <c>https:host</c> all reach <c>host</c>), the authority ends at '/', '\', '?' or '#',
/// userinfo ends at the last '@', then the host is percent-decoded, mapped with UTS #46 (<see cref="Uts46"/>),
/// checked for forbidden code points and read as IPv4 when it ends in a number. Checked against Node by
/// tests/Containment.Tests/Fixtures/net/node-url-hosts.jsonl (tools/uts46/generate-vectors.mjs).
/// </summary>
public static class WhatwgHost
{
    private static readonly string[] Special = ["http", "https", "ws", "wss", "ftp"];
    private static readonly string[] Network = ["http", "https", "ws", "wss"];

    /// <summary>Parses a URL field. Only http, https, ws and wss URLs name a host LibreChat connects to.</summary>
    public static (WhatwgUrlParts? Url, UrlProblem Problem) ParseUrl(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Trim(TrimChars).AsSpan().IndexOfAny('\t', '\n', '\r') >= 0)
        {
            // Node drops tabs and newlines inside a URL ("exa\rmple.com" reaches example.com). What a reviewer reads
            // would then differ from the host allowed, so the gate refuses such values instead of following Node.
            return (null, UrlProblem.Invalid);
        }
        var input = Clean(text);
        var colon = input.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !IsScheme(input.AsSpan(0, colon)))
        {
            return (null, UrlProblem.NoScheme);
        }
        var scheme = input[..colon].ToLowerInvariant();
        if (Array.IndexOf(Network, scheme) < 0)
        {
            return (null, UrlProblem.UnsupportedScheme);
        }
        var authority = Authority(input[(colon + 1)..]);
        var at = authority.LastIndexOf('@');
        var hostPort = at < 0 ? authority : authority[(at + 1)..];
        if (!SplitPort(hostPort, out var hostText, out var port))
        {
            return (null, UrlProblem.Invalid);
        }
        var host = ParseHost(hostText);
        if (host is null)
        {
            return (null, UrlProblem.Invalid);
        }
        var defaultPort = scheme is "http" or "ws" ? 80 : 443;
        return (
            new WhatwgUrlParts(scheme, host, port == defaultPort ? null : port),
            UrlProblem.None
        );
    }

    /// <summary>True for the schemes whose URLs the WHATWG parser treats as special (host required, '\' is '/').</summary>
    public static bool IsSpecialScheme(string scheme) => Array.IndexOf(Special, scheme) >= 0;

    /// <summary>The authority part after <c>scheme:</c> of a special URL.</summary>
    internal static string Authority(string afterScheme)
    {
        var rest = afterScheme.TrimStart('/', '\\');
        var end = rest.IndexOfAny(['/', '\\', '?', '#']);
        return end < 0 ? rest : rest[..end];
    }

    /// <summary>Splits <c>host:port</c> (IPv6 in brackets); false when the port is not a number up to 65535.</summary>
    internal static bool SplitPort(string hostPort, out string host, out int? port)
    {
        port = null;
        var close = hostPort.StartsWith('[') ? hostPort.IndexOf(']', StringComparison.Ordinal) : -1;
        var colon = hostPort.IndexOf(':', close < 0 ? 0 : close);
        host = colon < 0 ? hostPort : hostPort[..colon];
        if (colon < 0)
        {
            return true;
        }
        var portText = hostPort[(colon + 1)..];
        if (portText.Length == 0)
        {
            return true;
        }
        if (!portText.All(char.IsAsciiDigit))
        {
            return false;
        }
        var trimmed = portText.TrimStart('0');
        if (
            trimmed.Length > 5
            || (trimmed.Length > 0 && int.Parse(trimmed, CultureInfo.InvariantCulture) > 65535)
        )
        {
            return false;
        }
        port = trimmed.Length == 0 ? 0 : int.Parse(trimmed, CultureInfo.InvariantCulture);
        return true;
    }

    /// <summary>
    /// The host parser for special schemes: exactly Node's <c>url.hostname</c> for <paramref name="input"/>
    /// (IPv6 in brackets, IPv4 in dotted decimal, names in lower-case ASCII), or null where Node throws.
    /// </summary>
    public static string? ParseHost(string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.StartsWith('['))
        {
            return
                input.EndsWith(']')
                && IPAddress.TryParse(input[1..^1], out var v6)
                && v6.AddressFamily == AddressFamily.InterNetworkV6
                && v6.ScopeId == 0
                ? "[" + SerializeIPv6(v6) + "]"
                : null;
        }
        if (
            input.Length == 0
            || PercentDecode(input) is not { } decoded
            || Uts46.ToAscii(decoded) is not { Length: > 0 } ascii
        )
        {
            return null;
        }
        if (ascii.Any(IsForbiddenDomainCodePoint))
        {
            return null;
        }
        if (EndsInANumber(ascii))
        {
            return IPv4(ascii)?.ToString();
        }
        return ascii;
    }

    /// <summary>WHATWG "ends in a number": the last non-empty label is all digits or a 0x-prefixed hex number.</summary>
    internal static bool EndsInANumber(string host)
    {
        var labels = host.Split('.');
        var last = labels[^1].Length == 0 && labels.Length > 1 ? labels[^2] : labels[^1];
        if (last.Length == 0)
        {
            return false;
        }
        if (last.All(char.IsAsciiDigit))
        {
            return true;
        }
        return last.Length >= 2
            && last[0] == '0'
            && last[1] is 'x' or 'X'
            && last[2..].All(char.IsAsciiHexDigit);
    }

    /// <summary>WHATWG IPv4 parser: 1 to 4 parts, each decimal, 0x hex or 0-prefixed octal; the last part fills the remaining bytes.</summary>
    internal static IPAddress? IPv4(string host)
    {
        var parts = host.Split('.').ToList();
        if (parts.Count > 1 && parts[^1].Length == 0)
        {
            parts.RemoveAt(parts.Count - 1);
        }
        if (parts.Count > 4)
        {
            return null;
        }
        var numbers = new List<ulong>();
        foreach (var part in parts)
        {
            if (!TryNumber(part, out var n))
            {
                return null;
            }
            numbers.Add(n);
        }
        for (var i = 0; i < numbers.Count - 1; i++)
        {
            if (numbers[i] > 255)
            {
                return null;
            }
        }
        if (numbers[^1] >= 1UL << (8 * (5 - numbers.Count)))
        {
            return null;
        }
        var value = numbers[^1];
        for (var i = 0; i < numbers.Count - 1; i++)
        {
            value += numbers[i] << (8 * (3 - i));
        }
        return new IPAddress([
            (byte)(value >> 24),
            (byte)(value >> 16),
            (byte)(value >> 8),
            (byte)value,
        ]);
    }

    private static bool TryNumber(string part, out ulong value)
    {
        value = 0;
        if (part.Length == 0)
        {
            return false;
        }
        var (digits, radix) =
            part.Length >= 2 && part[0] == '0' && part[1] is 'x' or 'X' ? (part[2..], 16)
            : part.Length >= 2 && part[0] == '0' ? (part[1..], 8)
            : (part, 10);
        if (digits.Length == 0)
        {
            return true;
        }
        if (digits.TrimStart('0').Length > 16)
        {
            return false;
        }
        foreach (var c in digits)
        {
            var d =
                char.IsAsciiDigit(c) ? c - '0'
                : char.IsAsciiHexDigit(c) ? char.ToLowerInvariant(c) - 'a' + 10
                : 99;
            if (d >= radix)
            {
                return false;
            }
            value = (value * (ulong)radix) + (ulong)d;
        }
        return true;
    }

    /// <summary>WHATWG IPv6 serializer: lower-case hex pieces, the first longest run of two or more zero pieces as "::".</summary>
    private static string SerializeIPv6(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        var pieces = new int[8];
        for (var i = 0; i < 8; i++)
        {
            pieces[i] = (bytes[2 * i] << 8) | bytes[(2 * i) + 1];
        }
        int bestStart = -1,
            bestLength = 1;
        for (var i = 0; i < 8; )
        {
            var j = i;
            while (j < 8 && pieces[j] == 0)
            {
                j++;
            }
            if (j - i > bestLength)
            {
                (bestStart, bestLength) = (i, j - i);
            }
            i = j == i ? i + 1 : j;
        }
        var sb = new StringBuilder();
        for (var i = 0; i < 8; i++)
        {
            if (i == bestStart)
            {
                sb.Append(i == 0 ? "::" : ":");
                i += bestLength - 1;
                continue;
            }
            sb.Append(pieces[i].ToString("x", CultureInfo.InvariantCulture));
            if (i < 7)
            {
                sb.Append(':');
            }
        }
        return sb.ToString();
    }

    /// <summary>Percent-decodes to UTF-8 bytes and back; invalid UTF-8 becomes U+FFFD, which UTS #46 then refuses.</summary>
    private static string? PercentDecode(string input)
    {
        if (!input.Contains('%', StringComparison.Ordinal))
        {
            return input;
        }
        var bytes = new List<byte>(input.Length);
        var raw = Encoding.UTF8.GetBytes(input);
        for (var i = 0; i < raw.Length; i++)
        {
            if (
                raw[i] == '%'
                && i + 2 < raw.Length
                && char.IsAsciiHexDigit((char)raw[i + 1])
                && char.IsAsciiHexDigit((char)raw[i + 2])
            )
            {
                bytes.Add(
                    byte.Parse(
                        Encoding.ASCII.GetString(raw, i + 1, 2),
                        NumberStyles.HexNumber,
                        CultureInfo.InvariantCulture
                    )
                );
                i += 2;
            }
            else
            {
                bytes.Add(raw[i]);
            }
        }
        return Encoding.UTF8.GetString([.. bytes]);
    }

    /// <summary>The URL parser strips leading/trailing C0 controls and spaces, and drops tabs and newlines anywhere.</summary>
    internal static string Clean(string text) =>
        text.Trim(TrimChars)
            .Replace("\t", string.Empty, StringComparison.Ordinal)
            .Replace("\n", string.Empty, StringComparison.Ordinal)
            .Replace("\r", string.Empty, StringComparison.Ordinal);

    private static readonly char[] TrimChars = [.. Enumerable.Range(0, 0x21).Select(i => (char)i)];

    internal static bool IsScheme(ReadOnlySpan<char> scheme)
    {
        if (scheme.IsEmpty || !char.IsAsciiLetter(scheme[0]))
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

    /// <summary>WHATWG URL "forbidden host code point" (with every C0 control and DEL), what an opaque host may not hold.</summary>
    internal static bool IsForbiddenHostCodePoint(char c) =>
        c <= 0x20
        || c == 0x7F
        || c is '#' or '/' or ':' or '<' or '>' or '?' or '@' or '[' or '\\' or ']' or '^' or '|';

    /// <summary>WHATWG URL "forbidden domain code point": a forbidden host code point or '%'.</summary>
    internal static bool IsForbiddenDomainCodePoint(char c) =>
        IsForbiddenHostCodePoint(c) || c == '%';
}
