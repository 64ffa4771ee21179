using System.Text;

namespace Containment.Core.Net;

/// <summary>
/// RFC 3492 Punycode for one label (without the <c>xn--</c> prefix). Written here rather than taken from
/// <see cref="System.Globalization.IdnMapping"/> because that class applies its own IDNA2003/2008 validity rules,
/// which differ from the UTS #46 rules Node's URL parser uses; the host gate applies those itself.
/// </summary>
internal static class Punycode
{
    private const int Base = 36;
    private const int TMin = 1;
    private const int TMax = 26;
    private const int Skew = 38;
    private const int Damp = 700;
    private const int InitialBias = 72;
    private const int InitialN = 0x80;

    /// <summary>Encodes the code points of <paramref name="label"/>; null when it holds a lone surrogate or overflows.</summary>
    public static string? Encode(string label)
    {
        var input = new List<int>(label.Length);
        for (var i = 0; i < label.Length; i++)
        {
            if (
                char.IsHighSurrogate(label[i])
                && i + 1 < label.Length
                && char.IsLowSurrogate(label[i + 1])
            )
            {
                input.Add(char.ConvertToUtf32(label[i], label[i + 1]));
                i++;
            }
            else if (char.IsSurrogate(label[i]))
            {
                return null;
            }
            else
            {
                input.Add(label[i]);
            }
        }
        var output = new StringBuilder();
        foreach (var c in input)
        {
            if (c < 0x80)
            {
                output.Append((char)c);
            }
        }
        var basic = output.Length;
        var handled = basic;
        if (basic > 0)
        {
            output.Append('-');
        }
        long n = InitialN;
        long delta = 0;
        var bias = InitialBias;
        while (handled < input.Count)
        {
            long m = int.MaxValue;
            foreach (var c in input)
            {
                if (c >= n && c < m)
                {
                    m = c;
                }
            }
            delta += (m - n) * (handled + 1);
            n = m;
            foreach (var c in input)
            {
                if (c < n && ++delta > int.MaxValue)
                {
                    return null;
                }
                if (c != n)
                {
                    continue;
                }
                var q = delta;
                for (var k = Base; ; k += Base)
                {
                    var t =
                        k <= bias ? TMin
                        : k >= bias + TMax ? TMax
                        : k - bias;
                    if (q < t)
                    {
                        break;
                    }
                    output.Append(Digit(t + ((q - t) % (Base - t))));
                    q = (q - t) / (Base - t);
                }
                output.Append(Digit(q));
                bias = Adapt(delta, handled + 1, handled == basic);
                delta = 0;
                handled++;
            }
            delta++;
            n++;
        }
        return output.ToString();
    }

    /// <summary>Decodes a Punycode label; null when it is not valid Punycode.</summary>
    public static string? Decode(string encoded)
    {
        var output = new List<int>();
        var lastDash = encoded.LastIndexOf('-');
        var start = 0;
        if (lastDash > 0)
        {
            foreach (var c in encoded.AsSpan(0, lastDash))
            {
                if (c >= 0x80)
                {
                    return null;
                }
                output.Add(c);
            }
            start = lastDash + 1;
        }
        long n = InitialN;
        long i = 0;
        var bias = InitialBias;
        var pos = start;
        while (pos < encoded.Length)
        {
            var oldI = i;
            long w = 1;
            for (var k = Base; ; k += Base)
            {
                if (pos >= encoded.Length)
                {
                    return null;
                }
                var digit = DigitValue(encoded[pos++]);
                if (digit < 0)
                {
                    return null;
                }
                i += digit * w;
                if (i > int.MaxValue)
                {
                    return null;
                }
                var t =
                    k <= bias ? TMin
                    : k >= bias + TMax ? TMax
                    : k - bias;
                if (digit < t)
                {
                    break;
                }
                w *= Base - t;
                if (w > int.MaxValue)
                {
                    return null;
                }
            }
            bias = Adapt(i - oldI, output.Count + 1, oldI == 0);
            n += i / (output.Count + 1);
            i %= output.Count + 1;
            if (n > 0x10FFFF || n is >= 0xD800 and <= 0xDFFF)
            {
                return null;
            }
            output.Insert((int)i, (int)n);
            i++;
        }
        var sb = new StringBuilder(output.Count);
        foreach (var cp in output)
        {
            sb.Append(char.ConvertFromUtf32(cp));
        }
        return sb.ToString();
    }

    private static char Digit(long d) => (char)(d < 26 ? 'a' + d : '0' + (d - 26));

    private static int DigitValue(char c) =>
        c switch
        {
            >= 'a' and <= 'z' => c - 'a',
            >= 'A' and <= 'Z' => c - 'A',
            >= '0' and <= '9' => c - '0' + 26,
            _ => -1,
        };

    private static int Adapt(long delta, int numPoints, bool first)
    {
        delta = first ? delta / Damp : delta / 2;
        delta += delta / numPoints;
        var k = 0;
        while (delta > ((Base - TMin) * TMax) / 2)
        {
            delta /= Base - TMin;
            k += Base;
        }
        return (int)(k + (((Base - TMin + 1) * delta) / (delta + Skew)));
    }
}
