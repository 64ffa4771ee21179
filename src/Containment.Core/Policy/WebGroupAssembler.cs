using System.Globalization;
using Containment.Core.Diagnostics;
using Containment.Core.Egress;

namespace Containment.Core.Policy;

/// <summary>
/// Groups internet destinations into WebGroups: llm-providers, one mcp-&lt;server&gt; per MCP server,
/// app-services, registries. Duplicate hosts merge with all their provenance and ports. Each of those groups
/// is then split by port set, because a DCF rule permits every host of its WebGroups on every port of the
/// rule: one WebGroup per (purpose, port set) gets one rule with exactly those ports, so the (host, port)
/// pairs the rules permit are exactly the pairs the plan lists (issue 10 item 5).
/// </summary>
public static class WebGroupAssembler
{
    /// <summary>Ports Aviatrix WebGroups inspect (8.2 egress-migration guide).</summary>
    public static readonly IReadOnlyList<int> WebPorts = [80, 443, 8080, 8443];

    /// <summary>The port set that keeps a group's plain name: HTTPS only, by far the common case.</summary>
    private static readonly IReadOnlyList<int> PlainPorts = [443];

    /// <summary>
    /// Separates a group's name from its port set (<c>llm-providers--80</c>). No unsplit name contains it:
    /// the fixed names do not, and <see cref="McpGroupNames"/> hashes a server name that does, so a split
    /// name never equals another group's name.
    /// </summary>
    public const string PortSeparator = "--";

    /// <summary>The name a group had before its port split: <c>llm-providers--80</c> gives <c>llm-providers</c>.</summary>
    public static string BaseNameOf(string groupName)
    {
        ArgumentNullException.ThrowIfNull(groupName);
        var separator = groupName.IndexOf(PortSeparator, StringComparison.Ordinal);
        return separator < 0 ? groupName : groupName[..separator];
    }

    /// <summary>
    /// The WebGroup name for the hosts of <paramref name="baseName"/> reached on exactly <paramref name="ports"/>
    /// (ascending): the plain name for 443 alone, else the name, <see cref="PortSeparator"/> and the ports
    /// joined by '-'. Every port is spelt out so two port sets never share a name.
    /// </summary>
    public static string NameFor(string baseName, IReadOnlyList<int> ports)
    {
        ArgumentNullException.ThrowIfNull(baseName);
        ArgumentNullException.ThrowIfNull(ports);
        return ports.SequenceEqual(PlainPorts)
            ? baseName
            : baseName
                + PortSeparator
                + string.Join('-', ports.Select(p => p.ToString(CultureInfo.InvariantCulture)));
    }

    public static IReadOnlyList<WebGroup> Assemble(
        EgressInventory inventory,
        DiagnosticBag diagnostics,
        SourceSpan settingsSpan
    )
    {
        var internet = inventory.Internet.ToList();
        var mcpNames = McpGroupNames.Assign(
            internet.Where(d => d.Purpose == EgressPurpose.Mcp).Select(d => d.McpServer ?? "")
        );
        foreach (var (server, group) in mcpNames.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (McpGroupNames.WasChanged(server, group))
            {
                diagnostics.Add(DiagnosticBuilder.At(settingsSpan).McpNameSanitised(server, group));
            }
        }
        var groups = new List<WebGroup>();
        foreach (var byGroup in internet.GroupBy(d => GroupName(d, mcpNames)))
        {
            var hosts = byGroup
                .GroupBy(d => d.Host, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(h => new WebGroupHost(
                    h.Key,
                    [
                        .. h.SelectMany(d => d.Sources)
                            .Distinct()
                            .OrderBy(s => s.SortKey, StringComparer.Ordinal),
                    ],
                    [.. h.Select(d => d.Port).Distinct().Order()]
                ))
                .ToList();
            var purpose = Purpose(byGroup.First().Purpose);
            foreach (
                var byPorts in hosts.GroupBy(
                    h => NameFor(byGroup.Key, h.Ports),
                    StringComparer.Ordinal
                )
            )
            {
                groups.Add(new WebGroup(byPorts.Key, purpose, [.. byPorts]));
            }
        }
        groups.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        foreach (var group in groups)
        {
            foreach (var host in group.Hosts)
            {
                foreach (var port in host.Ports.Where(p => !WebPorts.Contains(p)))
                {
                    diagnostics.Add(
                        DiagnosticBuilder.At(settingsSpan).NonWebPort(host.Host, group.Name, port)
                    );
                }
            }
        }
        return groups;
    }

    private static string GroupName(
        EgressDestination d,
        IReadOnlyDictionary<string, string> mcpNames
    ) =>
        d.Purpose switch
        {
            EgressPurpose.LlmProvider => PolicyNames.LlmProvidersWebGroup,
            EgressPurpose.Registry => PolicyNames.RegistriesWebGroup,
            EgressPurpose.Embeddings => PolicyNames.RagEmbeddingsWebGroup,
            EgressPurpose.Mcp => mcpNames[d.McpServer ?? ""],
            _ => PolicyNames.AppServicesWebGroup,
        };

    private static string Purpose(EgressPurpose p) =>
        p switch
        {
            EgressPurpose.LlmProvider => "llm-provider",
            EgressPurpose.Registry => "registry",
            EgressPurpose.Embeddings => "embeddings",
            EgressPurpose.Mcp => "mcp",
            _ => "app-service",
        };
}
