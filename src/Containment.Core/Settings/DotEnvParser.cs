using System.Text.RegularExpressions;
using Containment.Core.Diagnostics;

namespace Containment.Core.Settings;

/// <summary>One variable read from an env file, with the line that set it (for provenance such as <c>.env:12 OPENAI_REVERSE_PROXY</c>).</summary>
public sealed record EnvEntry(string Name, string Value, string File, int Line)
{
    public string Origin => $"{File}:{Line}";
}

/// <summary>
/// The <c>dotenv</c> npm package's parser, which LibreChat loads its <c>.env</c> with (motdotla/dotenv lib/main.js,
/// v16 <c>LINE</c> regex and <c>parse</c>): optional <c>export</c>, <c>NAME=value</c> or <c>NAME: value</c>, values in
/// single, double or back quotes that may span lines (a JSON blob), <c>#</c> comments after unquoted values and
/// around quoted ones, <c>\n</c>/<c>\r</c> unescaped in double quotes only, the value trimmed, the last line for a
/// name wins. dotenv skips what it cannot read silently; we report each such line by number (never its text: env
/// files hold secrets) and keep every other variable.
/// </summary>
public static partial class DotEnvParser
{
    public static IReadOnlyList<EnvEntry> Parse(string text, string file, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var source = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var lineStarts = LineStarts(source);
        var covered = new bool[lineStarts.Count];
        var entries = new List<EnvEntry>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match m in LineRegex().Matches(source))
        {
            var name = m.Groups[1].Value;
            var line = LineOf(lineStarts, m.Groups[1].Index);
            if (!seen.Add(name))
            {
                diagnostics.Add(
                    DiagnosticBuilder.At(new SourceSpan(file, line, 1)).EnvFileDuplicate(name)
                );
            }
            for (
                var l = line;
                l <= LineOf(lineStarts, Math.Max(m.Index, m.Index + m.Length - 1));
                l++
            )
            {
                covered[l - 1] = true;
            }
            entries.Add(new EnvEntry(name, Unquote(m.Groups[2].Value), file, line));
        }
        for (var i = 0; i < lineStarts.Count; i++)
        {
            var end = i + 1 < lineStarts.Count ? lineStarts[i + 1] - 1 : source.Length;
            var content = source[lineStarts[i]..end].Trim();
            if (!covered[i] && content.Length > 0 && !content.StartsWith('#'))
            {
                var column =
                    source[lineStarts[i]..end].Length
                    - source[lineStarts[i]..end].TrimStart().Length
                    + 1;
                diagnostics.Add(
                    DiagnosticBuilder.At(new SourceSpan(file, i + 1, column)).EnvFileSyntax()
                );
            }
        }
        return entries;
    }

    /// <summary>dotenv's value step: trim, strip one pair of matching outer quotes, unescape \n and \r inside double quotes.</summary>
    private static string Unquote(string raw)
    {
        var value = raw.Trim();
        var quote = value.Length > 0 ? value[0] : '\0';
        if (value.Length >= 2 && quote is '\'' or '"' or '`' && value[^1] == quote)
        {
            value = value[1..^1];
        }
        if (quote == '"')
        {
            value = value
                .Replace("\\n", "\n", StringComparison.Ordinal)
                .Replace("\\r", "\r", StringComparison.Ordinal);
        }
        return value;
    }

    private static List<int> LineStarts(string source)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < source.Length; i++)
        {
            if (source[i] == '\n' && i + 1 <= source.Length)
            {
                starts.Add(i + 1);
            }
        }
        if (starts.Count > 1 && starts[^1] == source.Length)
        {
            starts.RemoveAt(starts.Count - 1);
        }
        return starts;
    }

    private static int LineOf(List<int> lineStarts, int index)
    {
        var found = lineStarts.BinarySearch(index);
        return (found >= 0 ? found : ~found - 1) + 1;
    }

    // dotenv's LINE, unchanged; ECMAScript makes \w and \s ASCII as in JavaScript. Its leading \s* may start on an
    // earlier blank line, so the name's own index (not the match's) gives the line number.
    [GeneratedRegex(
        """(?:^|^)\s*(?:export\s+)?([\w.-]+)(?:\s*=\s*?|:\s+?)(\s*'(?:\\'|[^'])*'|\s*"(?:\\"|[^"])*"|\s*`(?:\\`|[^`])*`|[^#\r\n]+)?\s*(?:#.*)?(?:$|$)""",
        RegexOptions.Multiline | RegexOptions.ECMAScript
    )]
    private static partial Regex LineRegex();
}
