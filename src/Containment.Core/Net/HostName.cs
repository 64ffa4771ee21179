using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Containment.Core.Net;

/// <summary>
/// Host name rules shared by the reader, the policy model and the evaluator: one normal form
/// (lower case, punycode, no trailing dot) and one classification, so every stage agrees on what a host is.
/// </summary>
public static class HostName
{
    private static readonly IdnMapping Idn = new() { AllowUnassigned = false, UseStd3AsciiRules = false };

    /// <summary>
    /// Lower-cases, converts IDNs to punycode and strips one trailing dot. Returns null for a value that
    /// cannot be a host name (empty, whitespace, control characters, characters outside LDH, '_' and a
    /// leading "*." wildcard). IP literals are returned as written (IPv6 without brackets).
    /// </summary>
    public static string? Normalize(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }
        var host = raw.Trim();
        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            host = host[1..^1];
        }
        if (IPAddress.TryParse(host, out var ip) && (host.Contains(':', StringComparison.Ordinal) || LooksLikeDottedQuad(host)))
        {
            return ip.ToString();
        }
        if (host.EndsWith('.'))
        {
            host = host[..^1];
        }
        if (host.Length == 0 || host.Length > 253)
        {
            return null;
        }
        if (EndsInANumber(host))
        {
            // WHATWG URL parsing (what Node's fetch and axios use) reads such hosts as IPv4: 2130706433,
            // 0x7f.1 and 127.1 all mean 127.0.0.1. Classifying them as names would misfile loopback as public.
            return WhatwgIPv4(host)?.ToString();
        }
        foreach (var c in host)
        {
            // Format characters (bidi overrides, zero-width joiners and spaces) are invisible: Node's URL parser
            // rejects most of them, and a host that reads differently from what it is must never reach a policy.
            if (char.IsControl(c) || char.IsWhiteSpace(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                return null;
            }
        }
        string ascii;
        try
        {
            var wildcard = host.StartsWith("*.", StringComparison.Ordinal);
            var body = wildcard ? host[2..] : host;
            ascii = (wildcard ? "*." : "") + (IsAscii(body) ? body : Idn.GetAscii(body));
        }
        catch (ArgumentException)
        {
            return null;
        }
        ascii = ascii.ToLowerInvariant();
        return IsValidAsciiHost(ascii) ? ascii : null;
    }

    /// <summary>True for exact host names and the one wildcard form DCF WebGroups take everywhere: a leading <c>*.</c>.</summary>
    public static bool IsWildcard(string host) => host.StartsWith("*.", StringComparison.Ordinal);

    public static HostKind Classify(string? normalizedHost)
    {
        if (string.IsNullOrEmpty(normalizedHost) || normalizedHost.Contains("${", StringComparison.Ordinal))
        {
            return HostKind.Invalid;
        }
        if (IPAddress.TryParse(normalizedHost, out var ip) && (normalizedHost.Contains(':', StringComparison.Ordinal) || LooksLikeDottedQuad(normalizedHost)))
        {
            return ClassifyAddress(ip);
        }
        var host = normalizedHost;
        if (host is "localhost" || host.EndsWith(".localhost", StringComparison.Ordinal) || host is "host.docker.internal" or "gateway.docker.internal" or "host.containers.internal")
        {
            return HostKind.Loopback;
        }
        if (!host.Contains('.', StringComparison.Ordinal)
            || host.EndsWith(".svc", StringComparison.Ordinal)
            || host.EndsWith(".cluster.local", StringComparison.Ordinal)
            || host.EndsWith(".internal", StringComparison.Ordinal)
            || host.EndsWith(".local", StringComparison.Ordinal))
        {
            return HostKind.InCluster;
        }
        return HostKind.Public;
    }

    private static HostKind ClassifyAddress(IPAddress ip)
    {
        if (IPAddress.IsLoopback(ip) || ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any))
        {
            return HostKind.Loopback;
        }
        if (ip.AddressFamily == AddressFamily.InterNetworkV6)
        {
            if (ip.IsIPv4MappedToIPv6)
            {
                return ClassifyAddress(ip.MapToIPv4());
            }
            var b6 = ip.GetAddressBytes();
            var uniqueLocal = (b6[0] & 0xFE) == 0xFC;
            return ip.IsIPv6LinkLocal || ip.IsIPv6SiteLocal || uniqueLocal ? HostKind.PrivateAddress : HostKind.PublicAddress;
        }
        var b = ip.GetAddressBytes();
        var isPrivate =
            b[0] == 10
            || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
            || (b[0] == 192 && b[1] == 168)
            || (b[0] == 169 && b[1] == 254)
            || (b[0] == 100 && b[1] >= 64 && b[1] <= 127);
        return isPrivate ? HostKind.PrivateAddress : HostKind.PublicAddress;
    }

    /// <summary>WHATWG "ends in a number": the last label is all digits or a 0x-prefixed hex number.</summary>
    private static bool EndsInANumber(string host)
    {
        var last = host[(host.LastIndexOf('.') + 1)..];
        if (last.Length == 0)
        {
            return false;
        }
        if (last.All(char.IsAsciiDigit))
        {
            return true;
        }
        return last.Length >= 2 && last[0] == '0' && last[1] is 'x' or 'X' && last[2..].All(char.IsAsciiHexDigit);
    }

    /// <summary>WHATWG IPv4 parser: 1 to 4 parts, each decimal, 0x hex or 0-prefixed octal; the last part fills the remaining bytes.</summary>
    private static IPAddress? WhatwgIPv4(string host)
    {
        var parts = host.Split('.');
        if (parts.Length > 4)
        {
            return null;
        }
        var numbers = new List<ulong>();
        foreach (var part in parts)
        {
            if (!TryWhatwgNumber(part, out var n))
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
        var lastLimit = 1UL << (8 * (5 - numbers.Count));
        if (numbers[^1] >= lastLimit)
        {
            return null;
        }
        var value = numbers[^1];
        for (var i = 0; i < numbers.Count - 1; i++)
        {
            value += numbers[i] << (8 * (3 - i));
        }
        return new IPAddress([(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value]);
    }

    private static bool TryWhatwgNumber(string part, out ulong value)
    {
        value = 0;
        if (part.Length == 0)
        {
            return false;
        }
        var (digits, radix) = part.Length >= 2 && part[0] == '0' && part[1] is 'x' or 'X' ? (part[2..], 16)
            : part.Length >= 2 && part[0] == '0' ? (part[1..], 8)
            : (part, 10);
        if (digits.Length == 0)
        {
            return true;
        }
        if (digits.Length > 16)
        {
            return false;
        }
        foreach (var c in digits)
        {
            var d = char.IsAsciiDigit(c) ? c - '0' : char.IsAsciiHexDigit(c) ? char.ToLowerInvariant(c) - 'a' + 10 : 99;
            if (d >= radix)
            {
                return false;
            }
            value = (value * (ulong)radix) + (ulong)d;
        }
        return true;
    }

    private static bool LooksLikeDottedQuad(string s)
    {
        var parts = s.Split('.');
        return parts.Length == 4 && Array.TrueForAll(parts, p => p.Length is > 0 and <= 3 && p.All(char.IsAsciiDigit));
    }

    private static bool IsAscii(string s)
    {
        foreach (var c in s)
        {
            if (c > 0x7F)
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsValidAsciiHost(string host)
    {
        var labels = host.Split('.');
        for (var i = 0; i < labels.Length; i++)
        {
            var label = labels[i];
            if (label.Length is 0 or > 63)
            {
                return false;
            }
            if (i == 0 && label == "*")
            {
                continue;
            }
            foreach (var c in label)
            {
                if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_'))
                {
                    return false;
                }
            }
        }
        return true;
    }
}
