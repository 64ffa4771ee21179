using Containment.Core.Diagnostics;
using Containment.Core.Egress;

namespace Containment.Core.Policy;

/// <summary>
/// Groups internet destinations into WebGroups: llm-providers, one mcp-&lt;server&gt; per MCP server,
/// app-services, registries. Duplicate hosts merge with all their provenance and ports.
/// </summary>
public static class WebGroupAssembler
{
    /// <summary>Ports Aviatrix WebGroups inspect (8.2 egress-migration guide).</summary>
    public static readonly IReadOnlyList<int> WebPorts = [80, 443, 8080, 8443];

    public static IReadOnlyList<WebGroup> Assemble(EgressInventory inventory, DiagnosticBag diagnostics, SourceSpan settingsSpan)
    {
        var internet = inventory.Internet.ToList();
        var mcpNames = McpGroupNames.Assign(internet.Where(d => d.Purpose == EgressPurpose.Mcp).Select(d => d.McpServer ?? ""));
        foreach (var (server, group) in mcpNames.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (McpGroupNames.WasChanged(server, group))
            {
                diagnostics.Add(DiagnosticCatalog.McpNameSanitised, settingsSpan, $"MCP server '{server}' gets WebGroup '{group}'.");
            }
        }
        var groups = new List<WebGroup>();
        foreach (var byGroup in internet.GroupBy(d => GroupName(d, mcpNames)).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var hosts = byGroup
                .GroupBy(d => d.Host, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(h => new WebGroupHost(
                    h.Key,
                    [.. h.SelectMany(d => d.Sources).Distinct().OrderBy(s => s.SortKey, StringComparer.Ordinal)],
                    [.. h.Select(d => d.Port).Distinct().Order()]))
                .ToList();
            foreach (var host in hosts)
            {
                foreach (var port in host.Ports.Where(p => !WebPorts.Contains(p)))
                {
                    diagnostics.Add(DiagnosticCatalog.NonWebPort, settingsSpan, $"'{host.Host}' in WebGroup '{byGroup.Key}' is reached on port {port}, where WebGroups never match; the permit cannot take effect for it.");
                }
            }
            groups.Add(new WebGroup(byGroup.Key, Purpose(byGroup.First().Purpose), hosts));
        }
        return groups;
    }

    private static string GroupName(EgressDestination d, IReadOnlyDictionary<string, string> mcpNames) =>
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
