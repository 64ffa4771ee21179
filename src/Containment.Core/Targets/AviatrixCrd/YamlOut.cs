using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Containment.Core.Targets.AviatrixCrd;

/// <summary>A tiny output-only YAML tree: ordered maps, sequences, typed scalars, and comments on entries.</summary>
internal abstract record YamlOut;

internal sealed record YamlOutScalar(string Text, bool IsString) : YamlOut
{
    public static YamlOutScalar Of(string text) => new(text, IsString: true);

    public static YamlOutScalar Of(int value) =>
        new(value.ToString(CultureInfo.InvariantCulture), IsString: false);

    public static YamlOutScalar Of(bool value) => new(value ? "true" : "false", IsString: false);
}

internal sealed record YamlOutEntry(string Key, YamlOut Value, IReadOnlyList<string> Comments);

internal sealed record YamlOutMap : YamlOut
{
    public List<YamlOutEntry> Entries { get; } = [];

    public YamlOutMap Add(string key, YamlOut value, params IReadOnlyList<string> comments)
    {
        Entries.Add(new YamlOutEntry(key, value, comments));
        return this;
    }

    public YamlOutMap Add(string key, string value) => Add(key, YamlOutScalar.Of(value));

    public static YamlOutMap FromLabels(IReadOnlyDictionary<string, string> labels)
    {
        var map = new YamlOutMap();
        foreach (var (key, value) in labels.OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            map.Add(key, value);
        }

        return map;
    }
}

internal sealed record YamlOutItem(YamlOut Value, IReadOnlyList<string> Comments);

internal sealed record YamlOutSeq : YamlOut
{
    public List<YamlOutItem> Items { get; } = [];

    public YamlOutSeq Add(YamlOut value, params IReadOnlyList<string> comments)
    {
        Items.Add(new YamlOutItem(value, comments));
        return this;
    }
}

/// <summary>
/// Deterministic block-style YAML: 2-space indent, sequences indented under their key, "\n" line ends, no anchors, no
/// tags. A string is written plain only when a YAML 1.1 or 1.2 reader could not take it for anything but that string;
/// otherwise it is double-quoted.
/// </summary>
internal static partial class YamlOutEmitter
{
    [GeneratedRegex(@"^[A-Za-z_/][A-Za-z0-9_./-]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex PlainSafe();

    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "y",
        "n",
        "yes",
        "no",
        "true",
        "false",
        "on",
        "off",
        "null",
        "nan",
        "inf",
    };

    public static string Emit(IReadOnlyList<string> headerComments, YamlOutMap root)
    {
        var sb = new StringBuilder();
        foreach (var line in headerComments)
        {
            WriteComment(sb, 0, line);
        }

        WriteMap(sb, root, 0);
        return sb.ToString();
    }

    public static string Scalar(YamlOutScalar scalar) =>
        scalar.IsString ? Quote(scalar.Text) : scalar.Text;

    public static string Quote(string text)
    {
        if (PlainSafe().IsMatch(text) && !Reserved.Contains(text))
        {
            return text;
        }

        // Everything outside printable ASCII is escaped: line separators, BOMs and control characters cannot change
        // how the string reads back, and the bytes stay the same on every platform. Runes keep surrogate pairs whole
        // (a lone surrogate, which no YAML file can hold, becomes U+FFFD).
        var sb = new StringBuilder("\"");
        foreach (var rune in text.EnumerateRunes())
        {
            var value = rune.Value;
            if (value == '"' || value == '\\')
            {
                sb.Append('\\').Append((char)value);
            }
            else if (value is >= 0x20 and <= 0x7E)
            {
                sb.Append((char)value);
            }
            else if (value <= 0xFFFF)
            {
                sb.Append(CultureInfo.InvariantCulture, $"\\u{value:X4}");
            }
            else
            {
                sb.Append(CultureInfo.InvariantCulture, $"\\U{value:X8}");
            }
        }

        return sb.Append('"').ToString();
    }

    private static void WriteMap(StringBuilder sb, YamlOutMap map, int indent)
    {
        foreach (var entry in map.Entries)
        {
            foreach (var comment in entry.Comments)
            {
                WriteComment(sb, indent, comment);
            }

            sb.Append(' ', indent).Append(Quote(entry.Key)).Append(':');
            WriteValueAfterKey(sb, entry.Value, indent);
        }
    }

    private static void WriteValueAfterKey(StringBuilder sb, YamlOut value, int indent)
    {
        switch (value)
        {
            case YamlOutScalar scalar:
                sb.Append(' ').Append(Scalar(scalar)).Append('\n');
                break;
            case YamlOutMap { Entries.Count: 0 }:
                sb.Append(" {}\n");
                break;
            case YamlOutSeq { Items.Count: 0 }:
                sb.Append(" []\n");
                break;
            case YamlOutMap map:
                sb.Append('\n');
                WriteMap(sb, map, indent + 2);
                break;
            case YamlOutSeq seq:
                sb.Append('\n');
                WriteSeq(sb, seq, indent + 2);
                break;
            default:
                throw new InvalidOperationException("Unknown YAML node.");
        }
    }

    private static void WriteSeq(StringBuilder sb, YamlOutSeq seq, int indent)
    {
        foreach (var item in seq.Items)
        {
            var firstEntryComments = item.Value is YamlOutMap { Entries.Count: > 0 } withEntries
                ? withEntries.Entries[0].Comments
                : [];
            foreach (var comment in item.Comments.Concat(firstEntryComments))
            {
                WriteComment(sb, indent, comment);
            }

            sb.Append(' ', indent).Append('-');
            switch (item.Value)
            {
                case YamlOutScalar scalar:
                    sb.Append(' ').Append(Scalar(scalar)).Append('\n');
                    break;
                case YamlOutMap { Entries.Count: > 0 } map:
                    // The first entry shares the dash line (its comments went above the dash); the rest align under it.
                    var first = true;
                    foreach (var entry in map.Entries)
                    {
                        if (!first)
                        {
                            foreach (var comment in entry.Comments)
                            {
                                WriteComment(sb, indent + 2, comment);
                            }

                            sb.Append(' ', indent + 2);
                        }
                        else
                        {
                            sb.Append(' ');
                        }

                        sb.Append(Quote(entry.Key)).Append(':');
                        WriteValueAfterKey(sb, entry.Value, indent + 2);
                        first = false;
                    }

                    break;
                case YamlOutMap:
                    sb.Append(" {}\n");
                    break;
                case YamlOutSeq { Items.Count: 0 }:
                    sb.Append(" []\n");
                    break;
                default:
                    throw new InvalidOperationException(
                        "Nested sequences are not used by Containment's manifests."
                    );
            }
        }
    }

    private static void WriteComment(StringBuilder sb, int indent, string comment)
    {
        // Comments carry model text (descriptions, config paths): a stray line break there would end the comment and
        // turn the rest into YAML, so every break-like or control character becomes a space.
        foreach (var raw in comment.Split('\n'))
        {
            var line = new string([
                .. raw.Select(c =>
                    char.IsControl(c) || c is '\u2028' or '\u2029' or '\uFEFF' ? ' ' : c
                ),
            ]);
            sb.Append(' ', indent).Append('#');
            if (line.Length > 0)
            {
                sb.Append(' ').Append(line.TrimEnd());
            }

            sb.Append('\n');
        }
    }
}
