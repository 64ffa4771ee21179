using System.Buffers.Text;
using System.Net;
using System.Text;

namespace Containment.Core.Baseline;

/// <summary>
/// The L4 key=value line after <c>AviatrixGwMicrosegPacket:</c> (shared/reference/aviatrix-dcf-logs.md §1; the
/// official example is AviatrixSystems/Docs HowTos/AviatrixLogging.rst lines 194-196, the 8.2 samples are
/// aviatrix-siem-connector test-tools/sample-logs/test-samples.log). Keys are matched case-insensitively and in
/// any order; unknown keys (SESSION_*, whose codes and units the sources disagree on) are ignored, never
/// interpreted. Watch mode is <c>ACT=DENY ENFORCED=false</c>. The "legacy 7.x" SPT/DPT/ACTION spelling is
/// accepted for ports and action, but those samples carry no IPs and no ENFORCED, so they end up skipped.
/// </summary>
internal static class L4LineParser
{
    public static ParsedLine Parse(ReadOnlySpan<byte> fields, long? unixSeconds, TextPool pool)
    {
        ReadOnlySpan<byte> policy = default,
            srcIp = default,
            dstIp = default,
            proto = default,
            act = default,
            enforced = default;
        int? srcPort = null,
            dstPort = null;
        foreach (var range in fields.Split((byte)' '))
        {
            var token = fields[range];
            var eq = token.IndexOf((byte)'=');
            if (eq <= 0)
            {
                continue;
            }
            var key = token[..eq];
            var value = token[(eq + 1)..];
            if (Ascii.EqualsIgnoreCase(key, "POLICY"u8))
            {
                policy = value;
            }
            else if (Ascii.EqualsIgnoreCase(key, "SRC_IP"u8))
            {
                srcIp = value;
            }
            else if (Ascii.EqualsIgnoreCase(key, "DST_IP"u8))
            {
                dstIp = value;
            }
            else if (Ascii.EqualsIgnoreCase(key, "PROTO"u8))
            {
                proto = value;
            }
            else if (
                Ascii.EqualsIgnoreCase(key, "SRC_PORT"u8) || Ascii.EqualsIgnoreCase(key, "SPT"u8)
            )
            {
                srcPort = AsciiBytes.TryParsePort(value, out var p) ? p : -1;
            }
            else if (
                Ascii.EqualsIgnoreCase(key, "DST_PORT"u8) || Ascii.EqualsIgnoreCase(key, "DPT"u8)
            )
            {
                dstPort = AsciiBytes.TryParsePort(value, out var p) ? p : -1;
            }
            else if (
                Ascii.EqualsIgnoreCase(key, "ACT"u8) || Ascii.EqualsIgnoreCase(key, "ACTION"u8)
            )
            {
                act = value;
            }
            else if (Ascii.EqualsIgnoreCase(key, "ENFORCED"u8))
            {
                enforced = value;
            }
        }
        if (srcIp.IsEmpty || dstIp.IsEmpty)
        {
            return ParsedLine.Bad("L4 line without SRC_IP and DST_IP");
        }
        if (srcPort is null or < 0 || dstPort is null or < 0)
        {
            return ParsedLine.Bad("L4 line without valid SRC_PORT and DST_PORT");
        }
        if (FlowValues.Decision(act) is not { } deny)
        {
            return ParsedLine.Bad("L4 line whose ACT is not PERMIT or DENY");
        }
        bool? isEnforced =
            Ascii.EqualsIgnoreCase(enforced, "true"u8) ? true
            : Ascii.EqualsIgnoreCase(enforced, "false"u8) ? false
            : null;
        if (isEnforced is null)
        {
            return ParsedLine.Bad("L4 line without ENFORCED=true|false");
        }
        var client = FlowValues.Ip(srcIp, pool);
        var server = FlowValues.Ip(dstIp, pool);
        if (client is null || server is null)
        {
            return ParsedLine.Bad("L4 line whose SRC_IP or DST_IP is not an IP address");
        }
        var (clientIp, serverIp, serverPort) = FlowDirection.Normalize(
            client,
            srcPort.Value,
            server,
            dstPort.Value
        );
        var verdict =
            !deny ? FlowVerdict.Permit
            : isEnforced.Value ? FlowVerdict.EnforcedDeny
            : FlowVerdict.WouldDeny;
        return ParsedLine.Of(
            new FlowRecord(
                LogLayer.L4,
                verdict,
                FlowValues.Uuid(policy, pool),
                clientIp,
                serverIp,
                serverPort,
                FlowValues.Protocol(proto),
                null,
                unixSeconds
            )
        );
    }
}

/// <summary>Field values both formats share, validated and pooled.</summary>
internal static class FlowValues
{
    /// <summary>True for a deny (DENY, Deny, and DROP, which older L7 builds write per the SIEM connector's normaliser), false for a permit, null otherwise.</summary>
    public static bool? Decision(ReadOnlySpan<byte> action)
    {
        if (Ascii.EqualsIgnoreCase(action, "PERMIT"u8))
        {
            return false;
        }
        return Ascii.EqualsIgnoreCase(action, "DENY"u8) || Ascii.EqualsIgnoreCase(action, "DROP"u8)
            ? true
            : null;
    }

    public static string? Ip(ReadOnlySpan<byte> text, TextPool pool)
    {
        if (text.Length is 0 or > 45 || !IPAddress.TryParse(text, out _))
        {
            return null;
        }
        return pool.Get(text, static s => IPAddress.Parse(s).ToString());
    }

    /// <summary>A rule UUID in lower case; anything that is not a UUID is dropped rather than echoed.</summary>
    public static string? Uuid(ReadOnlySpan<byte> text, TextPool pool) =>
        text.Length == 36
        && Utf8Parser.TryParse(text, out Guid _, out var consumed)
        && consumed == 36
            ? pool.Get(text, static s => s.ToLowerInvariant())
            : null;

    public static string Protocol(ReadOnlySpan<byte> text) =>
        Ascii.EqualsIgnoreCase(text, "TCP"u8) ? "TCP"
        : Ascii.EqualsIgnoreCase(text, "UDP"u8) ? "UDP"
        : Ascii.EqualsIgnoreCase(text, "ICMP"u8) ? "ICMP"
        : text.IsEmpty ? "TCP"
        : "OTHER";
}
