using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Containment.Tests.Robustness;

/// <summary>
/// FsCheck generators that damage a good librechat.yaml the ways files really get damaged: flipped bytes
/// (encoding errors, NUL, stray quotes and indicators), deleted and duplicated lines (duplicate keys,
/// orphaned children), shifted indentation (tabs, wrong levels) and swapped keys. Each case applies one to
/// three mutations to one seed document and yields the raw bytes, because the loader starts at bytes.
/// </summary>
public static class TextMutations
{
    public enum Kind
    {
        ByteFlip,
        LineDeletion,
        LineDuplication,
        IndentShift,
        KeySwap,
    }

    /// <summary>Bytes that mean something to YAML or to a decoder; random bytes rarely hit these.</summary>
    private static readonly byte[] InterestingBytes =
    [
        0x00,
        0xFF,
        0xFE,
        0xC3,
        0xE2,
        0x80,
        0x09,
        0x0D,
        0x0A,
        (byte)':',
        (byte)'-',
        (byte)'&',
        (byte)'*',
        (byte)'[',
        (byte)']',
        (byte)'{',
        (byte)'}',
        (byte)'"',
        (byte)'\'',
        (byte)'#',
        (byte)'|',
        (byte)'>',
        (byte)'!',
        (byte)'%',
        (byte)'@',
        (byte)'`',
        (byte)'$',
        (byte)' ',
    ];

    /// <summary>One to three mutations of the given kinds applied to one of the seeds.</summary>
    public static Gen<byte[]> Mutate(IReadOnlyList<string> seeds, params Kind[] kinds)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        return from seed in Gen.Elements<string>(seeds)
            from count in Gen.Choose(1, 3)
            from steps in Gen.ListOf(Gen.Elements(kinds).SelectMany(Step), count)
            select steps.Aggregate(Encoding.UTF8.GetBytes(seed), (bytes, step) => step(bytes));
    }

    private static Gen<Func<byte[], byte[]>> Step(Kind kind) =>
        kind switch
        {
            Kind.ByteFlip => ByteFlip,
            Kind.LineDeletion => LineEdit(
                (lines, at, length) => lines.RemoveRange(at, Math.Min(length, lines.Count - at))
            ),
            Kind.LineDuplication => LineEdit(
                (lines, at, length) =>
                    lines.InsertRange(at, lines.GetRange(at, Math.Min(length, lines.Count - at)))
            ),
            Kind.IndentShift => IndentShift,
            _ => KeySwap,
        };

    private static Gen<Func<byte[], byte[]>> ByteFlip =>
        from position in Gen.Choose(0, int.MaxValue)
        from useInteresting in Gen.Elements(true, false)
        from value in useInteresting
            ? Gen.Elements(InterestingBytes)
            : Gen.Choose(0, 255).Select(b => (byte)b)
        select new Func<byte[], byte[]>(bytes =>
        {
            if (bytes.Length == 0)
            {
                return [value];
            }
            var copy = (byte[])bytes.Clone();
            copy[position % copy.Length] = value;
            return copy;
        });

    /// <summary>An edit on a run of 1-3 lines at a random place; works on text so line structure stays meaningful.</summary>
    private static Gen<Func<byte[], byte[]>> LineEdit(Action<List<string>, int, int> edit) =>
        from position in Gen.Choose(0, int.MaxValue)
        from length in Gen.Frequency(
            (6, Gen.Constant(1)),
            (2, Gen.Constant(2)),
            (1, Gen.Constant(3))
        )
        select new Func<byte[], byte[]>(bytes =>
        {
            var lines = Lines(bytes);
            if (lines.Count == 0)
            {
                return bytes;
            }
            edit(lines, position % lines.Count, length);
            return Join(lines);
        });

    private static Gen<Func<byte[], byte[]>> IndentShift =>
        from position in Gen.Choose(0, int.MaxValue)
        from length in Gen.Choose(1, 6)
        from shift in Gen.Elements(" ", "  ", "    ", "\t", "-1", "-2", "-4")
        select new Func<byte[], byte[]>(bytes =>
        {
            var lines = Lines(bytes);
            if (lines.Count == 0)
            {
                return bytes;
            }
            var at = position % lines.Count;
            for (var i = at; i < Math.Min(lines.Count, at + length); i++)
            {
                lines[i] = shift.StartsWith('-')
                    ? lines[i][
                        Math.Min(
                            int.Parse(
                                shift[1..],
                                System.Globalization.CultureInfo.InvariantCulture
                            ),
                            LeadingSpaces(lines[i])
                        )..
                    ]
                    : shift + lines[i];
            }
            return Join(lines);
        });

    /// <summary>Swaps the keys of two <c>key:</c> lines (values stay): a URL lands under "name", a list under "baseURL".</summary>
    private static Gen<Func<byte[], byte[]>> KeySwap =>
        from first in Gen.Choose(0, int.MaxValue)
        from second in Gen.Choose(0, int.MaxValue)
        select new Func<byte[], byte[]>(bytes =>
        {
            var lines = Lines(bytes);
            var keyed = Enumerable.Range(0, lines.Count).Where(i => KeyEnd(lines[i]) > 0).ToList();
            if (keyed.Count < 2)
            {
                return bytes;
            }
            var a = keyed[first % keyed.Count];
            var b = keyed[second % keyed.Count];
            var (indentA, keyA) = SplitKey(lines[a]);
            var (indentB, keyB) = SplitKey(lines[b]);
            lines[a] = indentA + keyB + lines[a][(indentA.Length + keyA.Length)..];
            lines[b] = indentB + keyA + lines[b][(indentB.Length + keyB.Length)..];
            return Join(lines);
        });

    private static (string Indent, string Key) SplitKey(string line)
    {
        var start = LeadingSpaces(line);
        if (line.AsSpan(start).StartsWith("- "))
        {
            start += 2;
        }
        return (line[..start], line[start..KeyEnd(line)]);
    }

    /// <summary>Index of the ':' that ends a plain key on this line, or -1.</summary>
    private static int KeyEnd(string line)
    {
        var start = LeadingSpaces(line);
        if (line.AsSpan(start).StartsWith("- "))
        {
            start += 2;
        }
        var colon = line.IndexOf(':', start);
        if (colon <= start || line[start] is '#' or '"' or '\'')
        {
            return -1;
        }
        return line.AsSpan(start, colon - start).ContainsAny(' ', '\t') ? -1 : colon;
    }

    private static int LeadingSpaces(string line)
    {
        var n = 0;
        while (n < line.Length && line[n] == ' ')
        {
            n++;
        }
        return n;
    }

    // Latin-1 keeps every byte as one char, so line edits never repair or add encoding damage by themselves.
    private static List<string> Lines(byte[] bytes) =>
        [.. Encoding.Latin1.GetString(bytes).Split('\n')];

    private static byte[] Join(List<string> lines) =>
        Encoding.Latin1.GetBytes(string.Join('\n', lines));
}
