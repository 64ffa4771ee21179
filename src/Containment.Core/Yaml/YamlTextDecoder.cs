using System.Text;
using Containment.Core.Diagnostics;

namespace Containment.Core.Yaml;

/// <summary>
/// Turns file bytes into text the way LibreChat effectively does (Node reads UTF-8), but strictly: a UTF-8
/// BOM is dropped, invalid UTF-8 and binary data (NUL bytes) are refused with one diagnostic instead of being
/// decoded into replacement characters.
/// </summary>
internal static class YamlTextDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(
        encoderShouldEmitUTF8Identifier: false,
        throwOnInvalidBytes: true
    );

    public static string? Decode(byte[] bytes, string file, DiagnosticBag diagnostics)
    {
        var start =
            bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        var nul = Array.IndexOf(bytes, (byte)0, start);
        if (nul >= 0)
        {
            var (line, column) = PositionOf(bytes, start, nul);
            diagnostics.Add(
                DiagnosticBuilder.At(new SourceSpan(file, line, column)).BinaryContent()
            );
            return null;
        }
        try
        {
            return StrictUtf8.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException ex)
        {
            var offset = ex.Index >= 0 ? start + ex.Index : start;
            var (line, column) = PositionOf(bytes, start, Math.Min(offset, bytes.Length));
            diagnostics.Add(
                DiagnosticBuilder.At(new SourceSpan(file, line, column)).InvalidUtf8("the file")
            );
            return null;
        }
    }

    /// <summary>1-based line and column (in bytes on the line, good enough for pointing at a bad byte).</summary>
    private static (int Line, int Column) PositionOf(byte[] bytes, int start, int offset)
    {
        var line = 1;
        var lineStart = start;
        for (var i = start; i < offset; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                line++;
                lineStart = i + 1;
            }
        }
        return (line, offset - lineStart + 1);
    }
}
