namespace Containment.Core.Baseline;

/// <summary>What a line turned out to be.</summary>
public enum LineKind
{
    /// <summary>A DCF flow line that parsed.</summary>
    Flow,

    /// <summary>Empty or whitespace.</summary>
    Blank,

    /// <summary>Readable text that is not a DCF flow line (other syslog programs): ignored, counted apart.</summary>
    Other,

    /// <summary>A DCF tag with fields missing or wrong, binary garbage or an oversized line: counted in <c>skippedLines</c>.</summary>
    Malformed,
}

/// <summary>The parse of one line: a flow, or why there is none.</summary>
public readonly record struct ParsedLine(LineKind Kind, FlowRecord Flow, string? Problem)
{
    public static ParsedLine Blank { get; } = new(LineKind.Blank, default, null);

    public static ParsedLine Other { get; } = new(LineKind.Other, default, null);

    public static ParsedLine Of(FlowRecord flow) => new(LineKind.Flow, flow, null);

    public static ParsedLine Bad(string problem) => new(LineKind.Malformed, default, problem);
}
