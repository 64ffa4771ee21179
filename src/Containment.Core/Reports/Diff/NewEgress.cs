using Containment.Core.Model;
using Containment.Core.Policy;

namespace Containment.Core.Reports;

/// <summary>Why an entry counts as new egress.</summary>
public enum NewEgressKind
{
    /// <summary>The head permits a host (or group) on a port the base did not.</summary>
    Permit,

    /// <summary>A deny rule that blocked is now in watch mode: it only logs.</summary>
    DenyWatched,

    /// <summary>A blocking deny rule is gone.</summary>
    DenyRemoved,

    /// <summary>The base produced no policy, so everything the head permits counts as new.</summary>
    BaseInvalid,
}

/// <summary>
/// One reason the head permits something the base did not: the data the diff JSON's <c>newEgress</c> array carries
/// and the text and Markdown verdicts are rendered from (never prose parsed back).
/// </summary>
/// <param name="Destination">A host (<c>paste.evil.example</c>, <c>*.example.com</c>) or a predefined group (<c>public-internet</c>); empty for rule-level entries.</param>
/// <param name="Ports">The port or range as text (<c>443</c>, <c>8000-8100</c>, <c>any port</c>).</param>
/// <param name="SmartGroup">The source SmartGroup (<c>librechat-pods</c>).</param>
/// <param name="Workload">Its workload word (<c>pods</c>, <c>data-stores</c>, <c>nodes</c>), or the SmartGroup name when it has no known role.</param>
/// <param name="Sources">Where the host came from in the head: the file and line (librechat.yaml, a stack file), a catalogue or a setting.</param>
/// <param name="Widens">Hosts of the base that a new wildcard covers.</param>
public sealed record NewEgressItem(
    NewEgressKind Kind,
    string Destination,
    string Protocol,
    string Ports,
    string SmartGroup,
    string Workload,
    string Rule,
    IReadOnlyList<Provenance> Sources,
    IReadOnlyList<string> Widens
)
{
    /// <summary>The entry as one sentence, for text and Markdown (also written to JSON as <c>text</c>).</summary>
    public string Sentence =>
        Kind switch
        {
            NewEgressKind.DenyWatched =>
                $"deny rule {Rule} is now in watch mode: it logs what it used to block",
            NewEgressKind.DenyRemoved =>
                $"deny rule {Rule} was removed: what it blocked is no longer denied by this ruleset",
            NewEgressKind.BaseInvalid =>
                "The base produced no policy, so everything the head permits counts as new.",
            _ => $"{Destination} {Protocol} {Ports} from {SmartGroup}, by {Rule}"
                + (Widens.Count == 0 ? "" : $" (a wildcard widening {string.Join(", ", Widens)})"),
        };

    public static NewEgressItem ForRule(NewEgressKind kind, string rule) =>
        new(kind, "", "", "", "", "", rule, [], []);
}
