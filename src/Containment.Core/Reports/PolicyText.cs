using System.Globalization;
using Containment.Core.Model;
using Containment.Core.Policy;

namespace Containment.Core.Reports;

/// <summary>
/// The words every report uses for policy values, in one place so Markdown, text, JSON and tables agree
/// (and match the plan JSON of CLI.md: <c>monitor</c>, <c>PERMIT</c>, <c>DECRYPT_ALLOWED</c>...).
/// </summary>
public static class PolicyText
{
    public static string Word(EnforcementMode mode) =>
        mode == EnforcementMode.Enforce ? "enforce" : "monitor";

    public static string Word(DecryptionMode mode) =>
        mode == DecryptionMode.Permits ? "permits" : "off";

    public static string Word(CloudProvider provider) => provider.ToString().ToLowerInvariant();

    public static string Word(RuleAction action) => action == RuleAction.Permit ? "PERMIT" : "DENY";

    public static string Word(RuleProtocol protocol) => protocol.ToString().ToUpperInvariant();

    public static string Word(SmartGroupRole role) =>
        role switch
        {
            SmartGroupRole.Pods => "pods",
            SmartGroupRole.DataStores => "data-stores",
            SmartGroupRole.RagApi => "rag-api",
            _ => "nodes",
        };

    public static string Word(DecryptPolicy decrypt) =>
        decrypt switch
        {
            DecryptPolicy.Allowed => "DECRYPT_ALLOWED",
            DecryptPolicy.NotAllowed => "DECRYPT_NOT_ALLOWED",
            _ => "DECRYPT_UNSPECIFIED",
        };

    public static string Word(bool value) => value ? "true" : "false";

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary><c>1 error</c>, <c>2 errors</c>.</summary>
    public static string Count(int count, string noun) =>
        count == 1 ? $"1 {noun}" : $"{Number(count)} {noun}s";

    /// <summary>A rule's ports: <c>443, 8000-8100</c>, or <c>any</c> when the rule names none.</summary>
    public static string Ports(IReadOnlyList<PortRange> ports) =>
        ports.Count == 0 ? "any" : string.Join(", ", ports.Select(Port));

    public static string Port(PortRange range) =>
        range.High is { } high && high != range.Low
            ? $"{Number(range.Low)}-{Number(high)}"
            : Number(range.Low);

    /// <summary>A host's declared ports, sorted (see <see cref="WebGroupChange.PortsOf"/> for hosts that declare none).</summary>
    public static string HostPorts(IReadOnlyList<int> ports) =>
        string.Join(", ", ports.Order().Select(Number));

    /// <summary>The sign reviewers read in a diff: <c>+</c> added, <c>-</c> removed, <c>~</c> changed.</summary>
    public static char Sign(ChangeKind kind) =>
        kind switch
        {
            ChangeKind.Added => '+',
            ChangeKind.Removed => '-',
            _ => '~',
        };

    public static string List(IReadOnlyList<string> items) =>
        items.Count == 0 ? "none" : string.Join(", ", items);

    /// <summary>One SmartGroup selector as a line: <c>k8s cluster=c1 namespace=librechat app=x</c> (labels sorted).</summary>
    public static string Selector(SmartGroupSelector selector)
    {
        var parts = new List<string> { selector.Type };
        if (selector.ClusterId is { } cluster)
        {
            parts.Add($"cluster={cluster}");
        }
        if (selector.Namespace is { } ns)
        {
            parts.Add($"namespace={ns}");
        }
        parts.AddRange(
            selector
                .Labels.OrderBy(l => l.Key, StringComparer.Ordinal)
                .Select(l => $"{l.Key}={l.Value}")
        );
        return string.Join(' ', parts);
    }

    /// <summary>Why a host is allowed, for people: <c>infra/librechat.yaml:42 (endpoints.custom[0].baseURL)</c>.</summary>
    public static string Source(Provenance provenance) =>
        provenance switch
        {
            ConfigProvenance c => $"{c.File}:{Number(c.Line)} ({c.Path})",
            CatalogProvenance c => $"catalogue {c.Catalogue} {c.Version}: {c.Entry}",
            SettingProvenance s =>
                $"setting {s.Setting}{(s.Detail is { } detail ? ": " + detail : "")}{(s.At is { HasPosition: true } at ? $" ({at.File}:{Number(at.Line)})" : "")}",
            _ => provenance.SortKey,
        };

    public static IEnumerable<Provenance> Sorted(IEnumerable<Provenance> sources) =>
        sources.OrderBy(p => p.SortKey, StringComparer.Ordinal);

    /// <summary>What a rule does, in one line: <c>PERMIT librechat-pods -> public-internet via llm-providers, TCP 443</c>.</summary>
    public static string RuleSummary(PolicyRule rule)
    {
        var via = rule.WebGroups.Count == 0 ? "" : $" via {List(rule.WebGroups)}";
        return $"{Word(rule.Action)} {List(rule.Sources)} -> {List(rule.Destinations)}{via}, {Word(rule.Protocol)} {Ports(rule.Ports)}";
    }
}
