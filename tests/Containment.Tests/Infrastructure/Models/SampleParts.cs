using Containment.Core.Model;
using Containment.Core.Policy;

namespace Containment.Tests.Infrastructure.Models;

/// <summary>
/// The pieces every hand-built sample policy shares (SamplePolicies, SamplePulumiPolicies, SampleReviewPolicies, the
/// robustness runner): the fields PolicyBuilder fixes for every stack, the registry catalogue's provenance, a host on
/// 443, a label set. One copy, so a sample differs from another only where its test needs it to.
/// </summary>
internal static class SampleParts
{
    public const string Namespace = "librechat";

    /// <summary>An empty policy with the fields Pipeline/PolicyBuilder sets from the stack: ruleset
    /// <c>containment-&lt;stack&gt;</c>, the <c>librechat</c> namespace, decryption off, rules before UI-managed ones.</summary>
    public static PolicyModel EmptyPolicy(
        string stack,
        EnforcementMode mode,
        CloudProvider cloud,
        Version controller
    ) =>
        new()
        {
            Stack = stack,
            Mode = mode,
            CloudProvider = cloud,
            ControllerVersion = controller,
            Decryption = DecryptionMode.Off,
            AttachmentPoint = "TERRAFORM_BEFORE_UI_MANAGED",
            RulesetName = $"containment-{stack}",
            Namespace = Namespace,
            SmartGroups = [],
            WebGroups = [],
            Rules = [],
        };

    /// <summary>A host the registry catalogue (version 2026-11) contributed through <paramref name="entry"/>.</summary>
    public static CatalogProvenance FromCatalog(string entry) =>
        new("registries", "2026-11", entry);

    /// <summary>A WebGroup host reached on 443 only, as the builder lays out most hosts.</summary>
    public static WebGroupHost Host(string host, Provenance source) => new(host, [source], [443]);

    public static WebGroupHost Host(
        string host,
        IReadOnlyList<Provenance> sources,
        IReadOnlyList<int> ports
    ) => new(host, sources, ports);

    public static Dictionary<string, string> Labels(params (string Key, string Value)[] labels) =>
        labels.ToDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal);

    /// <summary>The CA that decrypting permits trust, mounted into LibreChat from a ConfigMap named <paramref name="name"/>.</summary>
    public static DecryptionCa MitmCa(string name) =>
        new(name, Namespace, "ca.crt", "/etc/containment/ca", UseMitmCa: true);
}
