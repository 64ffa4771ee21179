namespace Containment.Core.Diagnostics;

/// <summary>
/// Where a diagnostic or a value comes from. Line and column are 1-based; both are 0 when only the
/// file is known (a missing file, an empty file), which renders as <c>file: error ...</c>.
/// </summary>
public readonly record struct SourceSpan(string File, int Line, int Column)
{
    public static SourceSpan FileOnly(string file) => new(file, 0, 0);

    public bool HasPosition => Line > 0;

    public override string ToString() =>
        HasPosition ? $"{File}({Line.ToString(System.Globalization.CultureInfo.InvariantCulture)},{Column.ToString(System.Globalization.CultureInfo.InvariantCulture)})" : File;
}
