namespace Containment.Core.Baseline;

/// <summary>Which DCF engine wrote a line: L4 (<c>AviatrixGwMicrosegPacket</c>) or L7 (<c>traffic_server</c> JSON).</summary>
public enum LogLayer
{
    L4,
    L7,
}

/// <summary>What a flow line says happened, in the terms that matter before flipping a stack to enforce.</summary>
public enum FlowVerdict
{
    Permit,

    /// <summary>A deny by a rule in watch mode: the flow passed, and enforcement would block it.</summary>
    WouldDeny,

    /// <summary>A deny by an enforced rule: the flow is blocked already.</summary>
    EnforcedDeny,

    /// <summary>An L7 engine event with no deciding rule (e.g. <c>CONNECTION_SYN_ONLY_TIMEOUT</c>): no policy decision.</summary>
    NoDecision,
}

/// <summary>
/// One DCF flow line, already normalised client to server. <see cref="UnixSeconds"/> is null when the line
/// carries no time this parser trusts. Strings are owned copies: nothing here points into a read buffer.
/// </summary>
public readonly record struct FlowRecord(
    LogLayer Layer,
    FlowVerdict Verdict,
    string? RuleUuid,
    string ClientIp,
    string ServerIp,
    int ServerPort,
    string Protocol,
    string? SniHost,
    long? UnixSeconds
);
