namespace Containment.Core.Targets.AviatrixCrd;

/// <summary>
/// The Aviatrix CRD target as a typed graph: one <c>networking.aviatrix.com/v1alpha1</c> <c>FirewallPolicy</c> and
/// the <c>kustomization.yaml</c> that applies it. <see cref="FirewallPolicyManifestBuilder"/> builds it from the policy,
/// <see cref="FirewallPolicyManifestCheck"/> validates it against the CRD facts, <see cref="FirewallPolicyYamlPrinter"/>
/// prints it with YamlDotNet's emitter. Comments are part of the graph: they say what the CRD cannot express.
/// </summary>
public sealed record FirewallPolicyManifest(FirewallPolicy Policy, Kustomization Kustomization);

/// <summary>Key-value pairs printed in the order given (the builder sorts label keys ordinally).</summary>
public sealed record CrdLabels(IReadOnlyList<KeyValuePair<string, string>> Pairs)
{
    public static CrdLabels Of(IReadOnlyDictionary<string, string> labels) =>
        new([.. labels.OrderBy(l => l.Key, StringComparer.Ordinal)]);
}

public sealed record FirewallPolicy
{
    /// <summary>Comment lines above the document.</summary>
    public required IReadOnlyList<string> Header { get; init; }
    public required string Name { get; init; }
    public required string Namespace { get; init; }
    public required CrdLabels Labels { get; init; }

    /// <summary>Comment lines above <c>spec.rules</c>: the rules left out and why.</summary>
    public IReadOnlyList<string> OmittedRules { get; init; } = [];
    public IReadOnlyList<CrdRule> Rules { get; init; } = [];
    public IReadOnlyList<CrdSmartGroup> SmartGroups { get; init; } = [];
    public IReadOnlyList<CrdWebGroup> WebGroups { get; init; } = [];
}

/// <summary>One rule; <see cref="Comment"/> (its priority and purpose) prints above it.</summary>
public sealed record CrdRule
{
    public required string Comment { get; init; }
    public required string Name { get; init; }

    /// <summary><c>permit</c>, <c>deny</c>.</summary>
    public required string Action { get; init; }

    /// <summary><c>tcp</c>, <c>udp</c>, <c>any</c>.</summary>
    public required string Protocol { get; init; }
    public int? Port { get; init; }
    public int? EndPort { get; init; }
    public required CrdLabels MatchLabels { get; init; }
    public required IReadOnlyList<CrdGroupRef> Destinations { get; init; }
    public IReadOnlyList<string> WebGroups { get; init; } = [];
    public required bool Logging { get; init; }
    public required bool Watch { get; init; }

    /// <summary><c>decryptAllowed</c>, <c>decryptNotAllowed</c>, or null (not written).</summary>
    public string? DecryptPolicy { get; init; }
}

/// <summary>A destination: a SmartGroup of the manifest by name, or a predefined group by UUID (its name as a comment).</summary>
public sealed record CrdGroupRef(string? Name, string? Uuid, string? Comment = null);

public sealed record CrdSmartGroup(
    string Comment,
    string Name,
    IReadOnlyList<CrdSelector> Selectors
);

public sealed record CrdSelector(
    string Type,
    string? K8sClusterId,
    string? K8sNamespace,
    CrdLabels Tags
);

/// <summary>A WebGroup; <see cref="Comments"/> (its purpose, the hosts left out) print above it.</summary>
public sealed record CrdWebGroup(
    IReadOnlyList<string> Comments,
    string Name,
    IReadOnlyList<CrdDomain> Domains
);

/// <summary>An SNI domain; <see cref="Comment"/> says where in the configuration it came from.</summary>
public sealed record CrdDomain(string Host, string Comment);

public sealed record Kustomization(
    IReadOnlyList<string> Header,
    string Namespace,
    IReadOnlyList<string> Resources
);
