using Containment.Core.Diagnostics;
using Containment.Core.Model;
using Containment.Core.Settings;

namespace Containment.Core.Policy;

/// <summary>
/// Lays out the ruleset: data-store isolation (pods to data stores, data-store deny) before any egress permit;
/// the LLM-provider, app-service and registry (nodes) permits; one permit per MCP WebGroup; the node deny and the
/// pods' scoped default-deny base last. Priorities come from <see cref="RulePriorities"/>: a band per rule kind and
/// a slot from the rule's stable name, so adding or removing one server moves no other rule.
/// </summary>
public static class RuleLayout
{
    /// <summary>The ordered rules, or null after an error (a priority band overflowed).</summary>
    public static IReadOnlyList<PolicyRule>? Layout(
        StackSettings settings,
        IReadOnlyList<SmartGroup> smartGroups,
        IReadOnlyList<WebGroup> webGroups,
        DiagnosticBag diagnostics
    )
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var watch = settings.Mode == EnforcementMode.Monitor;
        var decryptPermits =
            settings.Decryption == DecryptionMode.Permits
            && settings.ControllerVersion >= PolicySettingsValidator.DecryptionController
                ? DecryptPolicy.Allowed
                : DecryptPolicy.Unspecified;
        var hasDataStores = smartGroups.Any(g => g.Role == SmartGroupRole.DataStores);
        var hasRagApi = smartGroups.Any(g => g.Role == SmartGroupRole.RagApi);
        var rules = new List<(PolicyRule Rule, PriorityBand Band, long Home)>();
        void Add(
            PolicyRule rule,
            PriorityBand band,
            string? splitOf = null,
            IReadOnlyList<int>? ports = null
        ) => rules.Add((rule, band, RulePriorities.HomeOf(band, rule.Name, splitOf, ports)));

        if (hasDataStores)
        {
            var ports = settings
                .Cluster.DataStores.Select(d => d.Port)
                .Distinct()
                .Order()
                .Select(p => new PortRange(p))
                .ToList();
            var storesPermit = new PolicyRule
            {
                Name = PolicyNames.PermitDataStores,
                Priority = 0,
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
            };
            Add(storesPermit, RulePriorities.Isolation);
            Add(
                Deny(
                    PolicyNames.DenyDataStoresInternet,
                    PolicyNames.DataStoresGroup,
                    watch,
                    "Data stores never reach the internet."
                ),
                RulePriorities.Isolation
            );
        }
        if (hasDataStores && hasRagApi)
        {
            // rag_api keeps its vectors in PostgreSQL (pgvector); that store's port, or every store's when none is named so.
            var vector = settings
                .Cluster.DataStores.Where(d => d.Name == "vectordb")
                .Select(d => d.Port)
                .ToList();
            var vectorPorts = (
                vector.Count > 0 ? vector : settings.Cluster.DataStores.Select(d => d.Port)
            )
                .Distinct()
                .Order()
                .Select(p => new PortRange(p))
                .ToList();
            Add(
                new PolicyRule
                {
                    Name = PolicyNames.PermitRagApiToDataStores,
                    Priority = 0,
                    Action = RuleAction.Permit,
                    Sources = [PolicyNames.RagApiGroup],
                    Destinations = [PolicyNames.DataStoresGroup],
                    Protocol = RuleProtocol.Tcp,
                    Ports = vectorPorts,
                    Watch = watch,
                    Logging = true,
                    Decrypt = DecryptPolicy.Unspecified,
                    Description = "The RAG API reaches its vector database inside the cluster.",
                },
                RulePriorities.Isolation
            );
        }
        foreach (var group in webGroups.Where(g => g.Hosts.Count > 0))
        {
            var baseName = WebGroupAssembler.BaseNameOf(group.Name);
            var source = baseName switch
            {
                PolicyNames.RegistriesWebGroup => PolicyNames.NodesGroup,
                PolicyNames.RagEmbeddingsWebGroup => PolicyNames.RagApiGroup,
                _ => PolicyNames.PodsGroup,
            };
            var ports = group.Hosts.SelectMany(h => h.Ports).Distinct().Order().ToList();
            var permit = new PolicyRule
            {
                Name = PolicyNames.PermitFor(group.Name),
                Priority = 0,
                Action = RuleAction.Permit,
                Sources = [source],
                Destinations = [PredefinedGroups.PublicInternet],
                WebGroups = [group.Name],
                Protocol = RuleProtocol.Tcp,
                Ports = [.. ports.Select(port => new PortRange(port))],
                Watch = watch,
                Logging = true,
                Decrypt = decryptPermits,
                Description = Describe(group),
            };
            var band =
                group.Purpose == "mcp" ? RulePriorities.McpEgress : RulePriorities.CoreEgress;
            Add(
                permit,
                band,
                baseName == group.Name ? null : PolicyNames.PermitFor(baseName),
                ports
            );
        }
        if (hasRagApi)
        {
            Add(
                Deny(
                    PolicyNames.DenyRagApiDefault,
                    PolicyNames.RagApiGroup,
                    watch,
                    "The RAG API reaches only its embeddings provider on the internet."
                ),
                RulePriorities.FinalDeny
            );
        }
        Add(
            Deny(
                PolicyNames.DenyNodesInternet,
                PolicyNames.NodesGroup,
                watch,
                "Nodes reach only the registries on the internet."
            ),
            RulePriorities.FinalDeny
        );
        Add(
            Deny(
                PolicyNames.DenyPodsDefault,
                PolicyNames.PodsGroup,
                watch,
                "Default-deny base: anything LibreChat's pods were not permitted is denied and logged."
            ),
            RulePriorities.FinalDeny
        );

        return RulePriorities.Assign(rules, diagnostics, SourceSpan.FileOnly(settings.Source));
    }

    /// <summary>
    /// The scoped deny: source group to the Public Internet, any protocol, logged, never decrypted. Public
    /// Internet rather than Anywhere, because an Anywhere deny would also cut in-cluster and inter-VPC paths
    /// this ruleset knows nothing about (Aviatrix blueprint warning).
    /// </summary>
    private static PolicyRule Deny(string name, string source, bool watch, string description) =>
        new()
        {
            Name = name,
            Priority = 0,
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
            _ =>
                "LibreChat pods call web search, speech, OCR, storage, identity and other app services.",
        };
}
