using Containment.Core.Model;
using Containment.Core.Policy;

namespace Containment.Core.Reports;

/// <summary>The rule that decided a check (name, priority, action) and whether it only watches (monitor mode).</summary>
public sealed record CheckRule(string Name, int Priority, RuleAction Action, bool Watch);

/// <summary>
/// What <c>containment check HOST</c> found: whether <see cref="Host"/> (normalised) on <see cref="Port"/> is permitted
/// from a workload, by which rule, and why: for a permit the WebGroup entry that matched and where it came from;
/// for a deny the nearest allowed hosts when one looks meant.
/// </summary>
public sealed record CheckResult
{
    public required string Host { get; init; }
    public required SmartGroupRole From { get; init; }
    public required int Port { get; init; }
    public required bool Permitted { get; init; }

    /// <summary>The first rule (by priority) that matched; null when none did and the attachment point's default applies.</summary>
    public CheckRule? Rule { get; init; }
    public string? WebGroup { get; init; }

    /// <summary>The WebGroup entry that matched (the host itself or a wildcard).</summary>
    public string? MatchedHost { get; init; }
    public IReadOnlyList<Provenance> Sources { get; init; } = [];
    public IReadOnlyList<HostSuggestion> Suggestions { get; init; } = [];

    /// <summary>Notes from normalising the argument and from the evaluation (never secret values).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
