using System.Text;

namespace Containment.Core.Reports;

/// <summary>
/// The one escaping helper for Markdown output (PR comments, plan and check Markdown). Values from a config (names,
/// messages, paths, hosts) are data: a code span cannot be closed from inside, and text cannot open HTML, a link,
/// an image, emphasis, a heading or a new table cell. Control and bidi characters are shown as escapes first
/// (<see cref="TextEscape"/>), so a newline cannot start a block either.
/// </summary>
internal static class Markdown
{
    /// <summary>A code span that survives backticks in the value: CommonMark closes a span only on a backtick run of the
    /// same length, so the fence is one longer than the longest run inside (and padded when the value starts or ends with one).</summary>
    public static string Code(string value)
    {
        var cell = Cell(TextEscape.Line(value));
        var fence = new string('`', LongestRun(cell, '`') + 1);
        var pad = cell.StartsWith('`') || cell.EndsWith('`') || cell.Length == 0 ? " " : "";
        return $"{fence}{pad}{cell}{pad}{fence}";
    }

    /// <summary>Backslash-escapes every ASCII punctuation character that can start markup, HTML, an entity or a table
    /// break (CommonMark lets any ASCII punctuation be escaped), and breaks GitHub's autolinks (<c>https:</c>,
    /// <c>www.</c>, <c>user@host</c>) by escaping their ':' '@' and '.'.</summary>
    public static string Text(string value)
    {
        var line = TextEscape.Line(value);
        var builder = new StringBuilder(line.Length + 8);
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (
                c
                    is '\\'
                        or '`'
                        or '*'
                        or '_'
                        or '['
                        or ']'
                        or '<'
                        or '>'
                        or '|'
                        or '#'
                        or '&'
                        or '~'
                        or '!'
                        or ':'
                        or '@'
                || (c == '.' && AfterWww(line, i))
            )
            {
                builder.Append('\\');
            }
            builder.Append(c);
        }
        return builder.ToString();
    }

    /// <summary>A GitHub table header: <c>| a | b |</c> and its <c>|---|---|</c> delimiter row.</summary>
    public static string Header(params string[] columns) =>
        Row(columns) + "|" + string.Concat(columns.Select(_ => "---|")) + "\n";

    /// <summary>One table row of cells that are already Markdown (built with <see cref="Code"/> or <see cref="Text"/>).</summary>
    public static string Row(params string[] cells) => "| " + string.Join(" | ", cells) + " |\n";

    /// <summary>Inside a table a pipe ends the cell even in a code span (GFM), so it is escaped there too.</summary>
    private static string Cell(string value) => value.Replace("|", "\\|", StringComparison.Ordinal);

    private static bool AfterWww(string text, int dot) =>
        dot >= 3 && text.AsSpan(dot - 3, 3).Equals("www", StringComparison.OrdinalIgnoreCase);

    private static int LongestRun(string text, char c)
    {
        int longest = 0,
            run = 0;
        foreach (var ch in text)
        {
            run = ch == c ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }
        return longest;
    }
}
