using System.Globalization;
using System.Text;
using Containment.Core.IO;

namespace Containment.Core.Reports;

/// <summary>
/// The one escaping helper for plain-text output (terminal, CI logs, stderr). Names and values from librechat.yaml,
/// the stack files and env files are data: a newline in them must not start a line of its own (where a CI runner
/// would read <c>::error ...</c> or <c>::add-mask::</c> as a workflow command), and ESC, CR, backspace or a bidi
/// override must not move the cursor or reorder what a reviewer reads. Such characters are shown as escapes
/// (<c>\n</c>, <c>\x1b</c>, <c>\u202e</c>) instead.
/// </summary>
public static class TextEscape
{
    /// <summary>One value or one finished line: every control, bidi or line-separator character becomes a visible escape.</summary>
    public static string Line(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return value ?? "";
        }
        if (!value.Any(NeedsEscape))
        {
            return value;
        }
        var sb = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            sb.Append(
                c switch
                {
                    '\n' => "\\n",
                    '\r' => "\\r",
                    '\t' => "\\t",
                    _ when !NeedsEscape(c) => c.ToString(),
                    _ when c < 0x100 => "\\x"
                        + ((int)c).ToString("x2", CultureInfo.InvariantCulture),
                    _ => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                }
            );
        }
        return sb.ToString();
    }

    /// <summary>
    /// A finished multi-line document: each line is passed through <see cref="Line"/> (so nothing a renderer missed can
    /// carry ESC or a bidi override), and a line that would begin with <c>::</c> (a GitHub workflow command, which the
    /// runner recognises after leading blanks) gets a backslash in front of it.
    /// </summary>
    public static string Document(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = Line(lines[i]);
            lines[i] = line.TrimStart().StartsWith("::", StringComparison.Ordinal)
                ? "\\" + line
                : line;
        }
        return string.Join('\n', lines);
    }

    /// <summary>C0 and C1 controls (including TAB, LF, CR, ESC, DEL) and every Unicode format character (the bidi
    /// embedding, override and isolate controls, the directional marks, zero-width space and joiners, U+FEFF), plus the
    /// Unicode line and paragraph separators: the one rule the target printers use too (<see cref="InvisibleCharacters"/>).</summary>
    public static bool NeedsEscape(char c) => InvisibleCharacters.Is(c);
}
