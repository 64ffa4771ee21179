using System.Buffers;
using System.Text.Unicode;

namespace Containment.Core.Baseline;

/// <summary>
/// Classifies one log line and parses the DCF ones. The parser anchors on the tag, never on the syslog header,
/// because the header varies (with or without <c>&lt;PRI&gt;</c>, a relay prefix, the program's PID, the
/// <c>-sink</c> hostname suffix: shared/reference/aviatrix-dcf-logs.md §1.2 and §1.4).
/// <list type="bullet">
/// <item>L4: <c>AviatrixGwMicrosegPacket:</c>, case-insensitively (docs write <c>MicroSeg</c>, logs <c>Microseg</c>).</item>
/// <item>L7: <c>traffic_server[PID]:</c> (or without the PID, as the connector's AVX_L7_HEADER allows) then a JSON object.</item>
/// </list>
/// Lines with NUL or other control bytes, or that are not UTF-8, are binary garbage and count as malformed.
/// </summary>
public sealed class DcfLineParser
{
    private static readonly SearchValues<byte> ControlBytes = SearchValues.Create([
        0,
        1,
        2,
        3,
        4,
        5,
        6,
        7,
        8,
        11,
        12,
        13,
        14,
        15,
        16,
        17,
        18,
        19,
        20,
        21,
        22,
        23,
        24,
        25,
        26,
        27,
        28,
        29,
        30,
        31,
        127,
    ]);

    private readonly TextPool _pool = new();

    public ParsedLine Parse(ReadOnlySpan<byte> line)
    {
        if (line.Length > 0 && line[^1] == (byte)'\r')
        {
            line = line[..^1];
        }
        if (line.Trim((byte)' ').Trim((byte)'\t').IsEmpty)
        {
            return ParsedLine.Blank;
        }
        if (line.ContainsAny(ControlBytes) || !Utf8.IsValid(line))
        {
            return ParsedLine.Bad("binary data or text that is not UTF-8");
        }
        var l4 = AsciiBytes.IndexOfIgnoreCase(line, "AviatrixGwMicrosegPacket:"u8);
        if (l4 >= 0)
        {
            var header = line[..l4];
            return L4LineParser.Parse(
                line[(l4 + "AviatrixGwMicrosegPacket:"u8.Length)..],
                LogTimestamps.BeforeTag(header),
                _pool
            );
        }
        var l7 = AsciiBytes.IndexOfIgnoreCase(line, "traffic_server"u8);
        if (l7 >= 0 && JsonPayload(line[(l7 + "traffic_server"u8.Length)..]) is { } start)
        {
            var payload = line[(l7 + "traffic_server"u8.Length + start)..];
            var parsed = L7LineParser.Parse(payload, _pool);
            if (parsed.Kind == LineKind.Flow && parsed.Flow.UnixSeconds is null)
            {
                return ParsedLine.Of(
                    parsed.Flow with
                    {
                        UnixSeconds = LogTimestamps.BeforeTag(line[..l7]),
                    }
                );
            }
            return parsed;
        }
        return ParsedLine.Other;
    }

    /// <summary>Offset of the JSON object after <c>[PID]:</c> or <c>:</c>; null when what follows is not one (a plain-text message).</summary>
    private static int? JsonPayload(ReadOnlySpan<byte> rest)
    {
        var i = 0;
        if (i < rest.Length && rest[i] == (byte)'[')
        {
            var close = rest.IndexOf((byte)']');
            if (close < 2 || !IsDigits(rest[1..close]))
            {
                return null;
            }
            i = close + 1;
        }
        if (i >= rest.Length || rest[i] != (byte)':')
        {
            return null;
        }
        i++;
        while (i < rest.Length && rest[i] == (byte)' ')
        {
            i++;
        }
        return i < rest.Length && rest[i] == (byte)'{' ? i : null;
    }

    private static bool IsDigits(ReadOnlySpan<byte> s) =>
        s.IndexOfAnyExceptInRange((byte)'0', (byte)'9') < 0;
}
