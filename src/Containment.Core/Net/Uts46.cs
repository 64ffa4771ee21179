using System.Globalization;
using System.Reflection;
using System.Text;

namespace Containment.Core.Net;

/// <summary>
/// UTS #46 "domain to ASCII" as Node's URL parser (ada) runs it for a special-scheme host: map every code point
/// (Net/uts46-mapping.txt, generated from Node by tools/uts46/generate-mapping.mjs), split on '.', check each label
/// and encode non-ASCII labels as punycode. <see cref="IdnMapping"/> is not used: it implements IDNA2008 without
/// the UTS #46 mapping, so it turns <c>ＥＶＩＬ.com</c> into <c>xn--…</c> where Node reaches <c>evil.com</c>.
/// .NET's invariant-globalization mode has no NFC either, so a label that could change under NFC (a code point
/// that composes with the one before it, or two marks in a row) is refused instead of guessed: the gate may
/// refuse a rare host Node accepts, but never produces a host Node would not connect to.
/// </summary>
internal static class Uts46
{
    private const string ResourceName = "Containment.Core.Net.uts46-mapping.txt";
    private static readonly Lazy<Table> LazyTable = new(Load);

    /// <summary>Node's ASCII form of <paramref name="domain"/> (lower case, punycode), or null where Node's URL parser fails.</summary>
    public static string? ToAscii(string domain)
    {
        ArgumentNullException.ThrowIfNull(domain);
        if (IsAscii(domain))
        {
            return AsciiLabels(domain.ToLowerInvariant());
        }
        var table = LazyTable.Value;
        var mapped = new StringBuilder(domain.Length);
        for (var i = 0; i < domain.Length; i++)
        {
            int cp;
            if (
                char.IsHighSurrogate(domain[i])
                && i + 1 < domain.Length
                && char.IsLowSurrogate(domain[i + 1])
            )
            {
                cp = char.ConvertToUtf32(domain[i], domain[i + 1]);
                i++;
            }
            else if (char.IsSurrogate(domain[i]))
            {
                return null;
            }
            else
            {
                cp = domain[i];
            }
            if (cp < 0x80)
            {
                mapped.Append(char.ToLowerInvariant((char)cp));
                continue;
            }
            switch (table.Lookup(cp, out var mapping))
            {
                case Status.Disallowed:
                    return null;
                case Status.Ignored:
                    break;
                case Status.Mapped:
                    mapped.Append(mapping);
                    break;
                default:
                    mapped.Append(char.ConvertFromUtf32(cp));
                    break;
            }
        }
        var labels = mapped.ToString().Split('.');
        for (var i = 0; i < labels.Length; i++)
        {
            var label = labels[i];
            if (label.StartsWith("xn--", StringComparison.Ordinal))
            {
                if (!ValidPunycodeLabel(label, table))
                {
                    return null;
                }
            }
            else if (!IsAscii(label))
            {
                if (
                    ValidUnicodeLabel(label, table) is not { } nfc
                    || Punycode.Encode(nfc) is not { } encoded
                )
                {
                    return null;
                }
                labels[i] = "xn--" + encoded;
            }
        }
        return string.Join('.', labels);
    }

    /// <summary>An all-ASCII domain: only its <c>xn--</c> labels need checking.</summary>
    private static string? AsciiLabels(string domain)
    {
        foreach (var label in domain.Split('.'))
        {
            if (
                label.StartsWith("xn--", StringComparison.Ordinal)
                && !ValidPunycodeLabel(label, LazyTable.Value)
            )
            {
                return null;
            }
        }
        return domain;
    }

    /// <summary>An <c>xn--</c> label must decode to a non-ASCII label of valid code points that is already in NFC.</summary>
    private static bool ValidPunycodeLabel(string label, Table table)
    {
        if (
            !IsAscii(label)
            || Punycode.Decode(label[4..]) is not { Length: > 0 } decoded
            || IsAscii(decoded)
        )
        {
            return false;
        }
        return string.Equals(Nfc(decoded, table), decoded, StringComparison.Ordinal);
    }

    /// <summary>A mapped, non-ASCII label in NFC and valid, or null when it is invalid or needs NFC this class does not do.</summary>
    private static string? ValidUnicodeLabel(string label, Table table) => Nfc(label, table);

    /// <summary>
    /// NFC for the labels it can compute exactly, and the UTS #46 validity checks: every code point valid, no
    /// leading mark, no right-to-left code point (ada's bidi rule is not implemented, so such labels are refused).
    /// Composition uses Node's primary-composite pairs and the Hangul algorithm; two marks in a row could need
    /// canonical reordering, which needs combining classes this build does not carry, so they are refused.
    /// </summary>
    private static string? Nfc(string label, Table table)
    {
        var output = new List<int>(label.Length);
        var previousWasMark = false;
        for (var i = 0; i < label.Length; i += char.IsSurrogatePair(label, i) ? 2 : 1)
        {
            var cp = char.ConvertToUtf32(label, i);
            if (cp < 0x80)
            {
                if (char.IsAsciiLetterUpper((char)cp))
                {
                    return null;
                }
                output.Add(cp);
                previousWasMark = false;
                continue;
            }
            var (status, mark, rtl) = table.Properties(cp);
            if (
                status is not (Status.Valid or Status.ValidComposing)
                || rtl
                || (mark && (output.Count == 0 || previousWasMark))
            )
            {
                return null;
            }
            previousWasMark = mark;
            if (
                status == Status.ValidComposing
                && output.Count > 0
                && table.Compose(output[^1], cp) is { } composite
            )
            {
                output[^1] = composite;
                continue;
            }
            output.Add(cp);
        }
        var sb = new StringBuilder(label.Length);
        foreach (var cp in output)
        {
            sb.Append(char.ConvertFromUtf32(cp));
        }
        return sb.ToString();
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

    private enum Status : byte
    {
        Valid,
        ValidComposing,
        Ignored,
        Disallowed,
        Mapped,
    }

    private sealed class Table(
        int[] starts,
        Status[] statuses,
        byte[] flags,
        Dictionary<int, string> mappings,
        Dictionary<(int, int), int> compositions
    )
    {
        public const byte Mark = 1;
        public const byte Rtl = 2;

        private const int SBase = 0xAC00,
            LBase = 0x1100,
            VBase = 0x1161,
            TBase = 0x11A7,
            LCount = 19,
            VCount = 21,
            TCount = 28;

        public Status Lookup(int cp, out string? mapping)
        {
            mapping = null;
            if (mappings.TryGetValue(cp, out var m))
            {
                mapping = m;
                return Status.Mapped;
            }
            var index = Index(cp);
            return index < 0 ? Status.Disallowed : statuses[index];
        }

        public (Status Status, bool Mark, bool Rtl) Properties(int cp)
        {
            var index = Index(cp);
            return index < 0 || mappings.ContainsKey(cp)
                ? (Status.Disallowed, false, false)
                : (statuses[index], (flags[index] & Mark) != 0, (flags[index] & Rtl) != 0);
        }

        /// <summary>The primary composite of two code points (Hangul by the Unicode algorithm), or null.</summary>
        public int? Compose(int first, int second)
        {
            if (first is >= LBase and < LBase + LCount && second is >= VBase and < VBase + VCount)
            {
                return SBase + ((((first - LBase) * VCount) + (second - VBase)) * TCount);
            }
            if (
                first is >= SBase and < SBase + (LCount * VCount * TCount)
                && (first - SBase) % TCount == 0
                && second is > TBase and < TBase + TCount
            )
            {
                return first + (second - TBase);
            }
            return compositions.TryGetValue((first, second), out var composite) ? composite : null;
        }

        private int Index(int cp)
        {
            var index = Array.BinarySearch(starts, cp);
            return index < 0 ? ~index - 1 : index;
        }
    }

    private static Table Load()
    {
        using var stream =
            Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException(
                $"The build lacks the embedded resource {ResourceName}."
            );
        using var reader = new StreamReader(stream);
        var starts = new List<int>();
        var statuses = new List<Status>();
        var flags = new List<byte>();
        var mappings = new Dictionary<int, string>();
        var compositions = new Dictionary<(int, int), int>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }
            var fields = line.Split(' ');
            if (fields[0] == "P")
            {
                compositions[(Hex(fields[1]), Hex(fields[2]))] = Hex(fields[3]);
                continue;
            }
            var first = Hex(fields[0].Split("..")[0]);
            starts.Add(first);
            if (fields[1] == "M")
            {
                // A mapped code point ends the run before it; the next line starts a new one.
                mappings[first] = string.Concat(
                    fields.Skip(2).Select(h => char.ConvertFromUtf32(Hex(h)))
                );
                statuses.Add(Status.Mapped);
                flags.Add(0);
                continue;
            }
            var kind = fields[1];
            statuses.Add(
                kind switch
                {
                    "I" => Status.Ignored,
                    "D" => Status.Disallowed,
                    _ when kind.Contains('c', StringComparison.Ordinal) => Status.ValidComposing,
                    _ => Status.Valid,
                }
            );
            flags.Add(
                (byte)(
                    (kind.Contains('m', StringComparison.Ordinal) ? Table.Mark : 0)
                    | (kind.Contains('r', StringComparison.Ordinal) ? Table.Rtl : 0)
                )
            );
        }
        return new Table([.. starts], [.. statuses], [.. flags], mappings, compositions);
    }

    private static int Hex(string s) =>
        int.Parse(s, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
}
