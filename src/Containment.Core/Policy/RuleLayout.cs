using Containment.Core.Settings;

namespace Containment.Core.Policy;

/// <summary>
/// Lays out the ruleset in ARCHITECTURE.md order: in-cluster permits (pods to data stores), LLM-provider
/// permit, one permit per MCP WebGroup, app-service permit, registry permit (nodes), data-store deny,
/// node deny, and the pods' scoped default-deny base last. Priorities start at 100 and step by 10.
/// </summary>
public static class RuleLayout
{
    public static IReadOnlyList<PolicyRule> Layout(StackSettings settings, IReadOnlyList<SmartGroup> smartGroups, IReadOnlyList<WebGroup> webGroups)
    {
        var watch = settings.Mode == EnforcementMode.Monitor;
        var decryptPermits = settings.Decryption == DecryptionMode.Permits && settings.ControllerVersion >= PolicySettingsValidator.DecryptionController
            ? DecryptPolicy.Allowed
            : DecryptPolicy.Unspecified;
        var hasDataStores = smartGroups.Any(g => g.Role == SmartGroupRole.DataStores);
        var hasRagApi = smartGroups.Any(g => g.Role == SmartGroupRole.RagApi);
        var rules = new List<Func<int, PolicyRule>>();

        if (hasDataStores)
        {
            var ports = settings.Cluster.DataStores.Select(d => d.Port).Distinct().Order().Select(p => new PortRange(p)).ToList();
            rules.Add(p => new PolicyRule
            {
                Name = PolicyNames.PermitDataStores,
                Priority = p,
                Action = RuleAction.Permit,
                Sources = [PolicyNames.PodsGroup],
                Destinations = [PolicyNames.DataStoresGroup],
                Protocol = RuleProtocol.Tcp,
                Ports = ports,
                Watch = watch,
                Logging = true,
                // In-cluster database protocols: no TLS to inspect.
                Decrypt = DecryptPolicy.Unspecified,
                Description = "LibreChat pods reach their data stores inside the cluster.",
            });
        }
        if (hasDataStores && hasRagApi)
        {
            // rag_api keeps its vectors in PostgreSQL (pgvector); that store's port, or every store's when none is named so.
            var vector = settings.Cluster.DataStores.Where(d => d.Name == "vectordb").Select(d => d.Port).ToList();
            var ports = (vector.Count > 0 ? vector : settings.Cluster.DataStores.Select(d => d.Port)).Distinct().Order().Select(p => new PortRange(p)).ToList();
            rules.Add(p => new PolicyRule
            {
                Name = PolicyNames.PermitRagApiToDataStores,
                Priority = p,
                Action = RuleAction.Permit,
                Sources = [PolicyNames.RagApiGroup],
                Destinations = [PolicyNames.DataStoresGroup],
                Protocol = RuleProtocol.Tcp,
                Ports = ports,
                Watch = watch,
                Logging = true,
                Decrypt = DecryptPolicy.Unspecified,
                Description = "The RAG API reaches its vector database inside the cluster.",
            });
        }
        foreach (var group in OrderedPermitGroups(webGroups))
        {
            var source = group.Name switch
            {
                PolicyNames.RegistriesWebGroup => PolicyNames.NodesGroup,
                PolicyNames.RagEmbeddingsWebGroup => PolicyNames.RagApiGroup,
                _ => PolicyNames.PodsGroup,
            };
            rules.Add(p => new PolicyRule
            {
                Name = PolicyNames.PermitFor(group.Name),
                Priority = p,
                Action = RuleAction.Permit,
                Sources = [source],
                Destinations = [PredefinedGroups.PublicInternet],
                WebGroups = [group.Name],
                Protocol = RuleProtocol.Tcp,
                Ports = [.. group.Hosts.SelectMany(h => h.Ports).Distinct().Order().Select(port => new PortRange(port))],
                Watch = watch,
                Logging = true,
                Decrypt = decryptPermits,
                Description = Describe(group),
            });
        }
        if (hasDataStores)
        {
            rules.Add(p => Deny(PolicyNames.DenyDataStoresInternet, p, PolicyNames.DataStoresGroup, watch, "Data stores never reach the internet."));
        }
        if (hasRagApi)
        {
            rules.Add(p => Deny(PolicyNames.DenyRagApiDefault, p, PolicyNames.RagApiGroup, watch, "The RAG API reaches only its embeddings provider on the internet."));
        }
        rules.Add(p => Deny(PolicyNames.DenyNodesInternet, p, PolicyNames.NodesGroup, watch, "Nodes reach only the registries on the internet."));
        rules.Add(p => Deny(PolicyNames.DenyPodsDefault, p, PolicyNames.PodsGroup, watch, "Default-deny base: anything LibreChat's pods were not permitted is denied and logged."));

        return [.. rules.Select((make, i) => make(PolicyNames.FirstPriority + (i * PolicyNames.PriorityStep)))];
    }

    /// <summary>llm-providers, then mcp-* by name, then app-services, then registries.</summary>
    private static IEnumerable<WebGroup> OrderedPermitGroups(IReadOnlyList<WebGroup> webGroups) =>
        webGroups
            .Where(g => g.Hosts.Count > 0)
            .OrderBy(g => g.Name switch
            {
                PolicyNames.LlmProvidersWebGroup => 0,
                PolicyNames.AppServicesWebGroup => 2,
                PolicyNames.RegistriesWebGroup => 3,
                _ => 1,
            })
            .ThenBy(g => g.Name, StringComparer.Ordinal);

    /// <summary>
    /// The scoped deny: source group to the Public Internet, any protocol, logged, never decrypted. Public
    /// Internet rather than Anywhere, because an Anywhere deny would also cut in-cluster and inter-VPC paths
    /// this ruleset knows nothing about (Aviatrix blueprint warning).
    /// </summary>
    private static PolicyRule Deny(string name, int priority, string source, bool watch, string description) =>
        new()
        {
            Name = name,
            Priority = priority,
            Action = RuleAction.Deny,
            Sources = [source],
            Destinations = [PredefinedGroups.PublicInternet],
            Protocol = RuleProtocol.Any,
            Watch = watch,
            Logging = true,
            Decrypt = DecryptPolicy.NotAllowed,
            Description = description,
        };

    private static string Describe(WebGroup group) =>
        group.Purpose switch
        {
            "llm-provider" => "LibreChat pods call the configured LLM providers.",
            "registry" => "Nodes pull LibreChat's images.",
            "embeddings" => "The RAG API calls its embeddings provider.",
            "mcp" => $"LibreChat pods call MCP server group {group.Name}.",
            _ => "LibreChat pods call web search, speech, OCR, storage, identity and other app services.",
        };
}
