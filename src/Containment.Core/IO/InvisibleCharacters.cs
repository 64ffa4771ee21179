using System.Globalization;
using System.Text;

namespace Containment.Core.IO;

/// <summary>
/// Characters a reader of a generated file cannot see but that change what is shown: Unicode format characters (bidi
/// embeddings, overrides and isolates such as U+202E, directional marks, zero-width space/joiners, U+FEFF, tag
/// characters), controls and the line and paragraph separators. The target printers write them as escapes so a
/// name from librechat.yaml (an MCP server key, a path in a provenance comment) cannot reorder or hide text in a
/// reviewed manifest.
/// </summary>
public static class InvisibleCharacters
{
    public static bool Is(int scalar) =>
        scalar is < 0 or > 0x10FFFF || (scalar is >= 0xD800 and <= 0xDFFF)
            ? false
            : CharUnicodeInfo.GetUnicodeCategory(scalar)
                is UnicodeCategory.Format
                    or UnicodeCategory.Control
                    or UnicodeCategory.LineSeparator
                    or UnicodeCategory.ParagraphSeparator;

    /// <summary>The scalar as <c>\uXXXX</c> per UTF-16 unit: visible, and what JSON and YAML double quotes decode back.</summary>
    public static string Escape(int scalar)
    {
        Span<char> units = stackalloc char[2];
        var count = new Rune(scalar).EncodeToUtf16(units);
        var escaped = new StringBuilder(12);
        foreach (var unit in units[..count])
        {
            escaped.Append("\\u").Append(((int)unit).ToString("x4", CultureInfo.InvariantCulture));
        }
        return escaped.ToString();
    }
}
