using Containment.Core.Model;

namespace Containment.Core.Policy;

/// <summary>
/// The target-neutral policy: what every writer (Pulumi, Aviatrix CRDs, Terraform JSON, reports) renders.
/// Lists are kept sorted (groups by name, hosts by host, rules by priority) so output is deterministic.
/// </summary>
public sealed record PolicyModel
{
    public required string Stack { get; init; }
    public required EnforcementMode Mode { get; init; }
    public required CloudProvider CloudProvider { get; init; }
    public required Version ControllerVersion { get; init; }
    public required DecryptionMode Decryption { get; init; }

    /// <summary>AgentGuard is validated and reported only (a roadmap setting): it changes no rule yet.</summary>
    public bool AgentGuard { get; init; }
    public required string AttachmentPoint { get; init; }

    /// <summary>Ruleset name in Aviatrix, stable per stack (e.g. <c>containment-dev</c>).</summary>
    public required string RulesetName { get; init; }

    /// <summary>LibreChat's namespace (where the decryption CA ConfigMap goes).</summary>
    public required string Namespace { get; init; }
    public required IReadOnlyList<SmartGroup> SmartGroups { get; init; }
    public required IReadOnlyList<WebGroup> WebGroups { get; init; }
    public required IReadOnlyList<PolicyRule> Rules { get; init; }

    /// <summary>Present when decryption is on: how the CA reaches LibreChat.</summary>
    public DecryptionCa? DecryptionCa { get; init; }

    /// <summary>Values that only the cloud can tell (account, region, registry login server) and that hosts refer to.</summary>
    public IReadOnlyList<DeployTimeLookup> Lookups { get; init; } = [];
}

/// <summary>A SmartGroup; its selectors are ORed, each selector's fields ANDed (Aviatrix match_expressions).</summary>
public sealed record SmartGroup(
    string Name,
    SmartGroupRole Role,
    IReadOnlyList<SmartGroupSelector> Selectors
);

/// <summary>One match expression: <c>type</c> is <c>k8s</c> or <c>k8s_node</c>; <c>Labels</c> become Aviatrix <c>tags</c> (pod labels).</summary>
public sealed record SmartGroupSelector(
    string Type,
    string? ClusterId,
    string? Namespace,
    IReadOnlyDictionary<string, string> Labels
);

/// <summary>A WebGroup of SNI domains (never URLs). Hosts are exact or leading-wildcard, never a bare <c>*</c>.</summary>
public sealed record WebGroup(string Name, string Purpose, IReadOnlyList<WebGroupHost> Hosts);

/// <summary>
/// An allowed host and every reason it is allowed. A host may contain lookup tokens such as
/// <c>{aws.accountId}</c> (see <see cref="DeployTimeLookup"/>) that a target resolves at deploy time.
/// </summary>
public sealed record WebGroupHost(
    string Host,
    IReadOnlyList<Provenance> Sources,
    IReadOnlyList<int> Ports
)
{
    public bool IsDeferred => Host.Contains('{', StringComparison.Ordinal);
}

public enum RuleAction
{
    Permit,
    Deny,
}

public enum RuleProtocol
{
    Tcp,
    Udp,
    Any,
}

public enum DecryptPolicy
{
    Unspecified,
    Allowed,
    NotAllowed,
}

public sealed record PortRange(int Low, int? High = null);

/// <summary>
/// One DCF rule. Sources and destinations name SmartGroups of the model or a predefined group
/// (<see cref="PredefinedGroups"/>); WebGroups name WebGroups of the model.
/// </summary>
public sealed record PolicyRule
{
    public required string Name { get; init; }
    public required int Priority { get; init; }
    public required RuleAction Action { get; init; }
    public required IReadOnlyList<string> Sources { get; init; }
    public required IReadOnlyList<string> Destinations { get; init; }
    public IReadOnlyList<string> WebGroups { get; init; } = [];
    public required RuleProtocol Protocol { get; init; }
    public IReadOnlyList<PortRange> Ports { get; init; } = [];
    public required bool Watch { get; init; }
    public required bool Logging { get; init; }
    public required DecryptPolicy Decrypt { get; init; }

    /// <summary>One line for people: why the rule exists.</summary>
    public required string Description { get; init; }
}

/// <summary>
/// The firewall's system groups by neutral name; each target maps them to its own identifiers
/// (Aviatrix UUIDs live in <c>Targets/Aviatrix/PredefinedGroupUuids.cs</c>).
/// </summary>
public static class PredefinedGroups
{
    public const string PublicInternet = "public-internet";
    public const string Anywhere = "anywhere";
}

/// <summary>How the decryption CA reaches LibreChat: a ConfigMap mounted as a file that NODE_EXTRA_CA_CERTS names.</summary>
public sealed record DecryptionCa(
    string ConfigMapName,
    string Namespace,
    string FileName,
    string MountPath,
    bool UseMitmCa
);
