using Containment.Core.Diagnostics;
using Containment.Core.Model;
using Containment.Core.Policy;

namespace Containment.Core.Reports;

public enum ChangeKind
{
    Added,
    Removed,
    Changed,
}

/// <summary>
/// The reviewable delta between two policies: what a pull request changes about egress. Every list is sorted
/// ordinally so the renderings are byte-stable.
/// </summary>
public sealed record EgressDiff
{
    public required string BaseLabel { get; init; }
    public required string HeadLabel { get; init; }

    /// <summary>The stack each side was built for; reports name the stack in their heading so several diffs in one
    /// PR comment (or one CI log) stay apart. Null when a side had no settings.</summary>
    public string? BaseStack { get; init; }
    public string? HeadStack { get; init; }

    /// <summary>How headings name the diff's stack: the head's (for a promotion the labels name both).</summary>
    public string StackTitle => HeadStack ?? BaseStack ?? "default";

    /// <summary>The base produced no policy: everything the head permits is listed as added.</summary>
    public bool BaseInvalid { get; init; }

    /// <summary>The head produced no policy: only diagnostics can be compared.</summary>
    public bool HeadInvalid { get; init; }
    public int BaseErrorCount { get; init; }
    public int HeadErrorCount { get; init; }
    public ValueChange? Mode { get; init; }

    /// <summary>Other model-level settings that changed (decryption, cloud provider, controller version...).</summary>
    public IReadOnlyList<ValueChange> Settings { get; init; } = [];

    /// <summary>The mode change (when there is one) followed by the other setting changes: what reports list under Settings.</summary>
    public IReadOnlyList<ValueChange> SettingChanges =>
        Mode is { } mode ? [mode, .. Settings] : Settings;
    public IReadOnlyList<WebGroupChange> WebGroups { get; init; } = [];
    public IReadOnlyList<RuleChange> Rules { get; init; } = [];
    public IReadOnlyList<SmartGroupChange> SmartGroups { get; init; } = [];

    /// <summary>Warnings and errors in the head that the base did not have (matched by code and message, not line).</summary>
    public IReadOnlyList<Diagnostic> NewDiagnostics { get; init; } = [];

    /// <summary>One entry per reason the head permits something the base did not; empty when nothing widens.</summary>
    public IReadOnlyList<NewEgressItem> NewEgress { get; init; } = [];

    public bool HasNewEgress => NewEgress.Count > 0;

    /// <summary>True when there is nothing to review: renderers then print a single line.</summary>
    public bool IsEmpty =>
        !BaseInvalid
        && !HeadInvalid
        && Mode is null
        && Settings.Count == 0
        && WebGroups.Count == 0
        && Rules.Count == 0
        && SmartGroups.Count == 0
        && NewDiagnostics.Count == 0;
}

/// <summary>A scalar that changed, already rendered as text (<c>monitor</c> to <c>enforce</c>).</summary>
public sealed record ValueChange(string Name, string From, string To);

/// <summary>A WebGroup that appeared, disappeared or whose hosts changed; <see cref="PermittedBy"/> names the head's permit rules using it.</summary>
public sealed record WebGroupChange(
    string Name,
    string Purpose,
    ChangeKind Kind,
    IReadOnlyList<WebGroupHost> AddedHosts,
    IReadOnlyList<WebGroupHost> RemovedHosts,
    IReadOnlyList<HostPortChange> ChangedHosts,
    IReadOnlyList<RuleReference> PermittedBy
)
{
    /// <summary>The ports a host is reachable on: its declared ports, else those of the permit rules using the group.</summary>
    public string PortsOf(IReadOnlyList<int> hostPorts) =>
        hostPorts.Count > 0 ? PolicyText.HostPorts(hostPorts)
        : PermittedBy.Count == 0 ? "none"
        : string.Join(", ", PermittedBy.Select(r => r.Ports).Distinct(StringComparer.Ordinal));
}

/// <summary>A host present on both sides whose ports differ.</summary>
public sealed record HostPortChange(
    string Host,
    IReadOnlyList<int> FromPorts,
    IReadOnlyList<int> ToPorts,
    IReadOnlyList<Provenance> Sources
);

/// <summary>A rule that uses a WebGroup; <see cref="Ports"/> is its port list as text (what a host without declared ports gets).</summary>
public sealed record RuleReference(
    string Name,
    int Priority,
    RuleAction Action,
    IReadOnlyList<string> Sources,
    string Ports
);

/// <summary>A rule (matched by its stable name) that was added, removed or changed; <see cref="Fields"/> lists changed fields.</summary>
public sealed record RuleChange(
    string Name,
    ChangeKind Kind,
    PolicyRule? Before,
    PolicyRule? After,
    IReadOnlyList<ValueChange> Fields
)
{
    /// <summary>The side that exists (the head's rule unless it was removed).</summary>
    public PolicyRule Rule =>
        After
        ?? Before
        ?? throw new InvalidOperationException("A rule change has at least one side.");
}

/// <summary>A SmartGroup (matched by name) whose role or selectors changed, or that appeared or disappeared.</summary>
public sealed record SmartGroupChange(
    string Name,
    ChangeKind Kind,
    IReadOnlyList<string> AddedSelectors,
    IReadOnlyList<string> RemovedSelectors,
    ValueChange? Role
);
