using System.Globalization;
using System.Text;
using Containment.Core.Diagnostics;

namespace Containment.Tests.Infrastructure;

/// <summary>
/// Prints a source file with each diagnostic under the line it points at, the way bicep's
/// <c>.diagnostics.bicep</c> baselines do (Azure/bicep, src/Bicep.Core.Samples), so a reviewer sees the value a
/// diagnostic is about without counting lines. Diagnostics without a position, or about another file, come first.
/// </summary>
internal static class AnnotatedSource
{
    public const string Marker = "//@";

    public static string Render(string source, string file, IEnumerable<Diagnostic> diagnostics)
    {
        var sorted = diagnostics
            .OrderBy(d => d.Span.Line)
            .ThenBy(d => d.Span.Column)
            .ThenBy(d => d.Code, StringComparer.Ordinal)
            .ThenBy(d => d.Message, StringComparer.Ordinal)
            .ToList();
        var lines = source.TrimStart('\uFEFF').ReplaceLineEndings("\n").Split('\n');
        var inFile = sorted.Where(d =>
            d.Span.HasPosition && d.Span.File == file && d.Span.Line <= lines.Length
        );
        var byLine = inFile.ToLookup(d => d.Span.Line);

        var text = new StringBuilder();
        foreach (var d in sorted.Except(inFile))
        {
            text.Append(Marker).Append(' ').Append(d.Render()).Append('\n');
        }

        for (var i = 0; i < lines.Length; i++)
        {
            // A file ending in a newline has no line after it to print.
            if (i == lines.Length - 1 && lines[i].Length == 0 && !byLine[i + 1].Any())
            {
                break;
            }

            text.Append(lines[i]).Append('\n');
            foreach (var d in byLine[i + 1])
            {
                text.Append(
                    CultureInfo.InvariantCulture,
                    $"{Marker}[{d.Span.Column}] {Diagnostic.SeverityWord(d.Severity)} {d.Code}: {d.Message}\n"
                );
            }
        }

        return text.ToString();
    }
}
