using System.Text;

namespace Containment.Core.Reports;

/// <summary>A left-aligned table for terminals: columns padded to their widest cell, two spaces apart, no trailing blanks.
/// Cells hold config values, so each is escaped (<see cref="TextEscape"/>): a newline in a name cannot start a row.</summary>
internal sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public void Add(params string[] cells) => _rows.Add([.. cells.Select(TextEscape.Line)]);

    public void WriteTo(StringBuilder sb, string indent)
    {
        var widths = headers
            .Select(
                (h, i) => Math.Max(h.Length, _rows.Count == 0 ? 0 : _rows.Max(r => r[i].Length))
            )
            .ToArray();
        WriteRow(sb, indent, headers, widths);
        foreach (var row in _rows)
        {
            WriteRow(sb, indent, row, widths);
        }
    }

    private static void WriteRow(StringBuilder sb, string indent, string[] cells, int[] widths)
    {
        var line = new StringBuilder(indent);
        for (var i = 0; i < cells.Length; i++)
        {
            line.Append(i == cells.Length - 1 ? cells[i] : cells[i].PadRight(widths[i] + 2));
        }
        sb.Append(line.ToString().TrimEnd()).Append('\n');
    }
}
