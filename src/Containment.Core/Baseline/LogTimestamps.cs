using System.Globalization;
using System.Text;

namespace Containment.Core.Baseline;

/// <summary>
/// The times a DCF line carries. L4: the program's own <c>YYYY/MM/DD HH:MM:SS</c> stamp just before the tag
/// (present in the official example and every 8.2 sample); failing that an RFC 3339 syslog header. The BSD
/// syslog header (<c>Mar  4 22:54:34</c>) has no year, so it is never used. [Inferred] the program stamp is UTC:
/// the samples' stamp equals their syslog header, and the official example's header is <c>+00:00</c>.
/// </summary>
internal static class LogTimestamps
{
    private const int ProgramStampLength = 19;

    public static long? BeforeTag(ReadOnlySpan<byte> header)
    {
        var trimmed = header.TrimEnd((byte)' ');
        if (
            trimmed.Length >= ProgramStampLength
            && ProgramStamp(trimmed[^ProgramStampLength..]) is { } stamp
        )
        {
            return stamp;
        }
        return Rfc3339Header(header);
    }

    /// <summary><c>2026/03/04 22:54:34</c> as Unix seconds, or null.</summary>
    private static long? ProgramStamp(ReadOnlySpan<byte> s)
    {
        Span<char> chars = stackalloc char[ProgramStampLength];
        if (Encoding.ASCII.GetChars(s, chars) != ProgramStampLength)
        {
            return null;
        }
        return DateTime.TryParseExact(
            chars,
            "yyyy/MM/dd HH:mm:ss",
            CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal,
            out var t
        )
            ? new DateTimeOffset(t, TimeSpan.Zero).ToUnixTimeSeconds()
            : null;
    }

    /// <summary>The first token after an optional <c>&lt;PRI&gt;</c> when it is an RFC 3339 time (rsyslog's default file format).</summary>
    private static long? Rfc3339Header(ReadOnlySpan<byte> header)
    {
        var rest = header;
        if (rest.Length > 0 && rest[0] == (byte)'<')
        {
            var close = rest.IndexOf((byte)'>');
            rest = close > 0 ? rest[(close + 1)..] : rest;
        }
        var end = rest.IndexOf((byte)' ');
        var token = end < 0 ? rest : rest[..end];
        if (token.Length is < 20 or > 40 || token[4] != (byte)'-' || token[10] != (byte)'T')
        {
            return null;
        }
        Span<char> chars = stackalloc char[token.Length];
        var length = Encoding.ASCII.GetChars(token, chars);
        return DateTimeOffset.TryParse(
            chars[..length],
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal,
            out var t
        )
            ? t.ToUnixTimeSeconds()
            : null;
    }
}
