namespace Containment.Core.Diagnostics;

/// <summary>
/// Where a diagnostic or a value comes from. Line and column are 1-based; both are 0 when only the
/// file is known (a missing file, an empty file), which renders as <c>file: error ...</c>.
/// </summary>
public readonly record struct SourceSpan(string File, int Line, int Column)
{
    /// <summary>The config path of the value (<c>endpoints.custom[0].baseURL</c>), or null when not known. It is
    /// a diagnostic's identity in <c>diff</c>: unlike the line, it does not move when a comment is inserted above.</summary>
    public string? ConfigPath { get; init; }

    /// <summary>1-based line of the value's end, 0 when not known. Only SARIF shows it (GitHub underlines the whole value).</summary>
    public int EndLine { get; init; }

    /// <summary>1-based column just past the value's last character (SARIF's exclusive <c>endColumn</c>), 0 when not known.</summary>
    public int EndColumn { get; init; }

    /// <summary>Where the span starts: what two reports about the same place share, whatever else each knows (path, end).</summary>
    public (string File, int Line, int Column) Start => (File, Line, Column);

    public static SourceSpan FileOnly(string file) => new(file, 0, 0);

    public bool HasPosition => Line > 0;

    public bool HasEnd => HasPosition && EndLine >= Line && EndColumn > 0;

    public override string ToString() =>
        HasPosition
            ? $"{File}({Line.ToString(System.Globalization.CultureInfo.InvariantCulture)},{Column.ToString(System.Globalization.CultureInfo.InvariantCulture)})"
            : File;
}
