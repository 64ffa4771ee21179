namespace Containment.Core.Baseline;

/// <summary>Where a flow went: the SNI host when an L7 line named one, the server IP and port always.</summary>
public sealed record FlowDestination(string? Host, string Ip, int Port);

/// <summary>
/// One aggregated flow. <see cref="Rules"/> are rule names when <c>--rules</c> knew the UUID, else the UUIDs.
/// Times are Unix seconds (null when no line of the flow carried a usable time). <see cref="Suggestion"/> is
/// set for would-be denies only: what would allow the flow if it is legitimate.
/// </summary>
public sealed record BaselineFlow(
    string Workload,
    FlowDestination Destination,
    long Count,
    long? FirstSeen,
    long? LastSeen,
    IReadOnlyList<string> Rules,
    string? Suggestion
);

public sealed record RulePermits(string Rule, long Count);

/// <summary>A line that could not be read: which file, which line, and why (never the line's content).</summary>
public sealed record SkippedLine(string File, long Line, string Reason);

/// <summary>The span of the logs read and what was in them.</summary>
public sealed record BaselineWindow(
    long? From,
    long? To,
    IReadOnlyList<string> Files,
    long Lines,
    long FlowLines,
    long OtherLines,
    long NoDecisionLines,
    long UnaggregatedLines
);

/// <summary>What <c>containment baseline</c> found; every list is sorted so output is byte-deterministic.</summary>
public sealed record BaselineReport(
    string Stack,
    IReadOnlyList<BaselineFlow> WouldDeny,
    IReadOnlyList<BaselineFlow> EnforcedDenies,
    IReadOnlyList<RulePermits> Permits,
    long SkippedLines,
    IReadOnlyList<SkippedLine> FirstSkipped,
    bool Ready,
    string Verdict,
    BaselineWindow Window,
    IReadOnlyList<string> Notes
);
