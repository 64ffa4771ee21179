using Containment.Core.Diagnostics;
using Containment.Core.Policy;

namespace Containment.Core.Reports;

/// <summary>
/// One side of a diff: what the pipeline produced for a config or a stack. <see cref="Model"/> is null when the
/// config did not get as far as a policy (it did not parse, or the policy builder refused it); the diagnostics
/// still say why.
/// </summary>
/// <param name="Label">How reports name this side, e.g. <c>base</c>, <c>main:infra/librechat.yaml</c> or <c>stack dev</c>.</param>
public sealed record PolicySnapshot(
    string Label,
    PolicyModel? Model,
    IReadOnlyList<Diagnostic> Diagnostics
)
{
    /// <summary>The stack this side was built for (<c>dev</c>), or null when no settings could be read.</summary>
    public string? Stack { get; init; }

    public bool IsInvalid => Model is null;

    public int ErrorCount => Diagnostics.Count(d => d.Severity == Severity.Error);
}
