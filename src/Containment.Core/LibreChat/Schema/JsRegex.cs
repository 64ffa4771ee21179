using System.Text;
using System.Text.RegularExpressions;

namespace Containment.Core.LibreChat.Schema;

/// <summary>Small JavaScript-vs-.NET text differences that change a verdict.</summary>
internal static class JsRegex
{
    // String.prototype.trim: WhiteSpace and LineTerminator code points (ECMA-262), which include U+FEFF
    // but not U+0085, unlike .NET's string.Trim().
    private static readonly char[] JsWhitespace =
    [
        '\t',
        '\n',
        '\v',
        '\f',
        '\r',
        ' ',
        '\u00A0',
        '\u1680',
        '\u2000',
        '\u2001',
        '\u2002',
        '\u2003',
        '\u2004',
        '\u2005',
        '\u2006',
        '\u2007',
        '\u2008',
        '\u2009',
        '\u200A',
        '\u2028',
        '\u2029',
        '\u202F',
        '\u205F',
        '\u3000',
        '\uFEFF',
    ];

    public static string Trim(string text) => text.Trim(JsWhitespace);

    /// <summary>JavaScript's <c>\d</c> is ASCII-only; .NET's matches any Unicode digit. Rewrite it.</summary>
    public static string ToDotNet(string pattern)
    {
        if (!pattern.Contains(@"\d", StringComparison.Ordinal))
        {
            return pattern;
        }
        var result = new StringBuilder(pattern.Length + 8);
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                var next = pattern[i + 1];
                result.Append(next == 'd' ? (inClass ? "0-9" : "[0-9]") : string.Concat(c, next));
                i++;
                continue;
            }
            inClass = c == '[' || (inClass && c != ']');
            result.Append(c);
        }
        return result.ToString();
    }

    /// <summary>
    /// Whether JavaScript's <c>new RegExp(pattern)</c> (no flags) would accept the pattern. .NET's parser
    /// stands in for JavaScript's; the one common construct .NET accepts and JavaScript rejects, inline
    /// options and other <c>(?x</c> groups, is checked first.
    /// </summary>
    public static bool IsValidJavaScriptRegex(string pattern)
    {
        for (var i = 0; i + 2 < pattern.Length; i++)
        {
            if (pattern[i] == '\\')
            {
                i++;
                continue;
            }
            if (
                pattern[i] == '('
                && pattern[i + 1] == '?'
                && !IsJavaScriptGroup(pattern.AsSpan(i + 2))
            )
            {
                return false;
            }
        }
        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    // (?:  (?=  (?!  (?<=  (?<!  (?<name>
    private static bool IsJavaScriptGroup(ReadOnlySpan<char> rest) =>
        rest[0] is ':' or '=' or '!'
        || (
            rest[0] == '<'
            && rest.Length > 1
            && (rest[1] is '=' or '!' || char.IsAsciiLetter(rest[1]) || rest[1] is '_' or '$')
        );
}
