using System.Text;

namespace Containment.Core.Baseline;

/// <summary>
/// Hands out one string per distinct short value (IPs, rule UUIDs, hosts) so a million lines naming the same
/// hundred addresses allocate a hundred strings, not a million. Bounded: past <see cref="MaxEntries"/>
/// values are still returned, just not remembered, so memory stays flat on hostile input.
/// </summary>
internal sealed class TextPool
{
    public const int MaxEntries = 200_000;
    private const int MaxPooledLength = 256;
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public TextPool() => _lookup = _values.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The pooled string for these UTF-8 bytes after <paramref name="canonical"/> (identity when null).</summary>
    public string Get(ReadOnlySpan<byte> utf8, Func<string, string>? canonical = null)
    {
        if (utf8.Length > MaxPooledLength)
        {
            var text = Encoding.UTF8.GetString(utf8);
            return canonical is null ? text : canonical(text);
        }
        Span<char> chars = stackalloc char[MaxPooledLength * 2];
        var length = Encoding.UTF8.GetChars(utf8, chars);
        var key = chars[..length];
        if (_lookup.TryGetValue(key, out var pooled))
        {
            return pooled;
        }
        var raw = key.ToString();
        var value = canonical is null ? raw : canonical(raw);
        if (_values.Count < MaxEntries)
        {
            _values[raw] = value;
        }
        return value;
    }
}
