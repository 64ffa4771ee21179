using System.Text;

namespace Containment.Core.Reports;

/// <summary>Builds a plain-text report line by line; each line is escaped whole (<see cref="TextEscape"/>) before its
/// newline, so a value can never end a line early, and the finished text is guarded against workflow commands.</summary>
internal sealed class LineWriter
{
    private readonly StringBuilder _text = new();

    public void Line(string line) => _text.Append(TextEscape.Line(line)).Append('\n');

    public override string ToString() => TextEscape.Document(_text.ToString());
}
