using System.Buffers.Text;
using System.Text;

namespace Containment.Core.Baseline;

/// <summary>Byte-level helpers for log lines: the parsers work on UTF-8 bytes so a line is never decoded twice.</summary>
internal static class AsciiBytes
{
    /// <summary>Index of <paramref name="needle"/> in <paramref name="haystack"/>, ASCII case-insensitively; -1 when absent.</summary>
    public static int IndexOfIgnoreCase(ReadOnlySpan<byte> haystack, ReadOnlySpan<byte> needle)
    {
        if (needle.IsEmpty)
        {
            return 0;
        }
        var first = needle[0];
        ReadOnlySpan<byte> starts = [ToLower(first), ToUpper(first)];
        var offset = 0;
        while (offset <= haystack.Length - needle.Length)
        {
            var at = haystack[offset..].IndexOfAny(starts);
            if (at < 0 || offset + at > haystack.Length - needle.Length)
            {
                return -1;
            }
            var candidate = offset + at;
            if (Ascii.EqualsIgnoreCase(haystack.Slice(candidate, needle.Length), needle))
            {
                return candidate;
            }
            offset = candidate + 1;
        }
        return -1;
    }

    public static bool TryParsePort(ReadOnlySpan<byte> value, out int port) =>
        Utf8Parser.TryParse(value, out port, out var consumed)
        && consumed == value.Length
        && port is >= 0 and <= 65535;

    private static byte ToLower(byte b) => b is >= (byte)'A' and <= (byte)'Z' ? (byte)(b + 32) : b;

    private static byte ToUpper(byte b) => b is >= (byte)'a' and <= (byte)'z' ? (byte)(b - 32) : b;
}
