using System.Globalization;
using System.Text;

namespace Containment.Tests.Robustness;

/// <summary>A generated YAML value before rendering (the grammar builds these, <see cref="YamlRender"/> writes them).</summary>
public abstract record GNode;

/// <summary>A scalar; <c>Plain</c> writes the text as is (true, 1.5, ~), otherwise the renderer picks a safe style.</summary>
public sealed record GScalar(string Text, bool Plain = false) : GNode;

public sealed record GSeq(IReadOnlyList<GNode> Items) : GNode;

public sealed record GMap(IReadOnlyList<(string Key, GNode Value)> Entries) : GNode;

/// <summary><c>&amp;name node</c>.</summary>
public sealed record GAnchor(string Name, GNode Node) : GNode;

/// <summary><c>*name</c>; written as null when no anchor of that name came earlier (an undefined alias is a parse error we test elsewhere).</summary>
public sealed record GAlias(string Name) : GNode;

/// <summary>
/// Writes a <see cref="GNode"/> tree as YAML text: block style for mappings and nested lists, flow style for
/// short scalar lists, and quoting that round-trips any string (double quotes with escapes for control
/// characters). The style choices depend only on the tree, so a generated case re-renders identically.
/// </summary>
public static class YamlRender
{
    public static string Render(GNode root)
    {
        var sb = new StringBuilder();
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        if (root is GMap { Entries.Count: 0 } or not GMap)
        {
            sb.Append(Inline(root, anchors) ?? "{}").Append('\n');
            return sb.ToString();
        }
        WriteMap((GMap)root, 0, sb, anchors);
        return sb.ToString();
    }

    private static void WriteMap(GMap map, int indent, StringBuilder sb, HashSet<string> anchors)
    {
        foreach (var (key, value) in map.Entries)
        {
            sb.Append(' ', indent).Append(key == "<<" ? key : Quote(key)).Append(':');
            WriteValue(value, indent, sb, anchors);
        }
    }

    /// <summary>Writes what follows "key:" or "-": an inline value on the same line, or a nested block.</summary>
    private static void WriteValue(
        GNode value,
        int indent,
        StringBuilder sb,
        HashSet<string> anchors
    )
    {
        var prefix = "";
        if (value is GAnchor anchor)
        {
            prefix = " &" + anchor.Name;
            value = anchor.Node;
            anchors.Add(anchor.Name);
        }
        var inline = Inline(value, anchors);
        if (inline is not null)
        {
            sb.Append(prefix).Append(' ').Append(inline).Append('\n');
            return;
        }
        sb.Append(prefix).Append('\n');
        switch (value)
        {
            case GMap map:
                WriteMap(map, indent + 2, sb, anchors);
                break;
            case GSeq seq:
                foreach (var item in seq.Items)
                {
                    sb.Append(' ', indent + 2).Append('-');
                    WriteValue(item, indent + 2, sb, anchors);
                }
                break;
        }
    }

    /// <summary>The one-line form of a value, or null when it needs a block.</summary>
    private static string? Inline(GNode node, HashSet<string> anchors) =>
        node switch
        {
            GScalar s => s.Plain ? s.Text : Quote(s.Text),
            GAlias a => anchors.Contains(a.Name) ? "*" + a.Name : "~",
            GSeq { Items.Count: 0 } => "[]",
            GMap { Entries.Count: 0 } => "{}",
            GSeq seq when seq.Items.Count <= 4 && seq.Items.All(i => i is GScalar) => "["
                + string.Join(", ", seq.Items.Select(i => Inline(i, anchors)))
                + "]",
            GAnchor => null,
            _ => null,
        };

    /// <summary>Plain when the text cannot be mistaken for anything else, single quotes for most text, double quotes when escapes are needed.</summary>
    public static string Quote(string text)
    {
        if (
            text.Length > 0
            && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/')
            && !char.IsAsciiDigit(text[0])
            && !IsReservedPlain(text)
        )
        {
            return text;
        }
        if (
            text.All(c =>
                c >= ' '
                && c != '\u007F'
                && !char.IsSurrogate(c)
                && c is not ('\u0085' or '\u2028' or '\u2029' or '\uFEFF')
            )
        )
        {
            return "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
        }
        var sb = new StringBuilder("\"");
        foreach (var c in text)
        {
            switch (c)
            {
                case '"':
                    sb.Append("\\\"");
                    break;
                case '\\':
                    sb.Append("\\\\");
                    break;
                case '\n':
                    sb.Append("\\n");
                    break;
                case '\t':
                    sb.Append("\\t");
                    break;
                case '\0':
                    sb.Append("\\0");
                    break;
                default:
                    if (
                        c < ' '
                        || c is '\u007F' or '\u0085' or '\u2028' or '\u2029' or '\uFEFF'
                        || char.IsSurrogate(c)
                    )
                    {
                        sb.Append("\\u")
                            .Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }
                    break;
            }
        }
        return sb.Append('"').ToString();
    }

    private static bool IsReservedPlain(string text) =>
        text.ToUpperInvariant()
            is "TRUE"
                or "FALSE"
                or "NULL"
                or "YES"
                or "NO"
                or "ON"
                or "OFF"
                or "Y"
                or "N"
                or ".INF"
                or ".NAN";
}
