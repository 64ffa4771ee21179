using System.Net;
using System.Net.Sockets;

namespace Containment.Core.Net;

/// <summary>
/// Host name rules shared by the reader, the policy model and the evaluator: one normal form
/// (lower case, punycode, no trailing dot) and one classification, so every stage agrees on what a host is.
/// </summary>
public static class HostName
{
    /// <summary>
    /// The host gate's name rule. Parses the host exactly as Node's URL parser does (<see cref="WhatwgHost.ParseHost"/>:
    /// percent-decoding, UTS #46 mapping, punycode, IPv4 number forms), then strips one trailing dot and keeps only
    /// names DNS and a WebGroup can hold (letters, digits, '-', '_', non-empty labels up to 63, 253 in all) and a
    /// leading "*." wildcard. Returns null for anything else. IP literals are returned as written (IPv6 without brackets).
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
        if (
            IPAddress.TryParse(host, out var ip)
            && (host.Contains(':', StringComparison.Ordinal) || LooksLikeDottedQuad(host))
        )
        {
            return ip.ToString();
        }
        var wildcard = host.StartsWith("*.", StringComparison.Ordinal);
        var parsed = WhatwgHost.ParseHost(wildcard ? host[2..] : host);
        if (
            parsed is null
            || parsed.StartsWith('[')
            || parsed.Contains('*', StringComparison.Ordinal)
        )
        {
            // A '*' that survives parsing was written mid-name or percent-encoded (%2a): only the literal
            // leading "*." above makes a wildcard.
            return null;
        }
        if (parsed.EndsWith('.'))
        {
            parsed = parsed[..^1];
        }
        if (IPAddress.TryParse(parsed, out _) && LooksLikeDottedQuad(parsed))
        {
            // WHATWG reads 2130706433, 0x7f.1 and 127.1 as 127.0.0.1: classifying them as names would misfile loopback.
            return wildcard ? null : parsed;
        }
        var ascii = (wildcard ? "*." : "") + parsed;
        return ascii.Length <= 253 && IsValidAsciiHost(ascii) ? ascii : null;
    }

    /// <summary>True for exact host names and the one wildcard form DCF WebGroups take everywhere: a leading <c>*.</c>.</summary>
    public static bool IsWildcard(string host) => host.StartsWith("*.", StringComparison.Ordinal);

    public static HostKind Classify(string? normalizedHost)
    {
        if (
            string.IsNullOrEmpty(normalizedHost)
            || normalizedHost.Contains("${", StringComparison.Ordinal)
        )
        {
            return HostKind.Invalid;
        }
        if (
            IPAddress.TryParse(normalizedHost, out var ip)
            && (
                normalizedHost.Contains(':', StringComparison.Ordinal)
                || LooksLikeDottedQuad(normalizedHost)
            )
        )
        {
            return ClassifyAddress(ip);
        }
        var host = normalizedHost;
        if (
            host is "localhost"
            || host.EndsWith(".localhost", StringComparison.Ordinal)
            || host
                is "host.docker.internal"
                    or "gateway.docker.internal"
                    or "host.containers.internal"
        )
        {
            return HostKind.Loopback;
        }
        if (
            !host.Contains('.', StringComparison.Ordinal)
            || host.EndsWith(".svc", StringComparison.Ordinal)
            || host.EndsWith(".cluster.local", StringComparison.Ordinal)
            || host.EndsWith(".internal", StringComparison.Ordinal)
            || host.EndsWith(".local", StringComparison.Ordinal)
        )
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
            return ip.IsIPv6LinkLocal || ip.IsIPv6SiteLocal || uniqueLocal
                ? HostKind.PrivateAddress
                : HostKind.PublicAddress;
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

    private static bool LooksLikeDottedQuad(string s)
    {
        var parts = s.Split('.');
        return parts.Length == 4
            && Array.TrueForAll(parts, p => p.Length is > 0 and <= 3 && p.All(char.IsAsciiDigit));
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
