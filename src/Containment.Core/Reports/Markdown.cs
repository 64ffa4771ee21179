namespace Containment.Core.Reports;

/// <summary>Markdown escaping for values that come from a config (messages, paths, hosts), so they render as written.</summary>
internal static class Markdown
{
    /// <summary>A code span that survives backticks in the value (CommonMark: a longer fence around it).</summary>
    public static string Code(string value)
    {
        var fence = value.Contains('`', StringComparison.Ordinal) ? "``" : "`";
        var pad = value.StartsWith('`') || value.EndsWith('`') ? " " : "";
        return $"{fence}{pad}{Cell(value)}{pad}{fence}";
    }

    /// <summary>Backslash-escapes the characters that would turn plain text into markup, HTML or a table break
    /// ('>' only quotes at the start of a line, and this text never starts one).</summary>
    public static string Text(string value)
    {
        var builder = new System.Text.StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '|' or '#')
            {
                builder.Append('\\');
            }
            builder.Append(c is '\n' or '\r' ? ' ' : c);
        }
        return builder.ToString();
    }

    /// <summary>Inside a table a pipe ends the cell even in a code span, so it is escaped there too.</summary>
    private static string Cell(string value) => value.Replace("|", "\\|", StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' ');
}
