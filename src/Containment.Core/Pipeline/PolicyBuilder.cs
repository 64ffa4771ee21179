using Containment.Core.Catalog;
using Containment.Core.Diagnostics;
using Containment.Core.Egress;
using Containment.Core.LibreChat;
using Containment.Core.Model;
using Containment.Core.Policy;
using Containment.Core.Settings;

namespace Containment.Core.Pipeline;

/// <summary>
/// Derives the target-neutral policy from a LibreChat config and stack settings: validates the settings,
/// builds the egress inventory, groups internet destinations into WebGroups and lays out the rules in
/// the order ARCHITECTURE.md gives. Returns null when any error was reported (nothing may be emitted).
/// It lives in the pipeline, not in Policy, because it is the one place that runs the reader's output through
/// the catalogues and the egress builder: Policy itself only shapes an inventory it is given (WebGroupAssembler,
/// RuleLayout), so it needs neither LibreChat nor Catalog (docs/architecture.md).
/// </summary>
public static class PolicyBuilder
{
    public static PolicyModel? Build(
        LibreChatConfig config,
        StackSettings settings,
        DiagnosticBag diagnostics
    ) => BuildWithInventory(config, settings, diagnostics).Model;

    /// <summary>Same as <see cref="Build"/>, also returning the inventory (reports show in-cluster destinations from it).</summary>
    public static (PolicyModel? Model, EgressInventory Inventory) BuildWithInventory(
        LibreChatConfig config,
        StackSettings settings,
        DiagnosticBag diagnostics
    )
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(diagnostics);
        PolicySettingsValidator.Validate(settings, diagnostics);
        var catalogs = CatalogSet.Create(settings.CatalogOverrides, diagnostics, settings.Source);
        var inventory = EgressInventoryBuilder.Build(config, settings, catalogs, diagnostics);
        if (diagnostics.HasErrors)
        {
            return (null, inventory);
        }
        var webGroups = WebGroupAssembler.Assemble(
            inventory,
            diagnostics,
            SourceSpan.FileOnly(settings.Source)
        );
        var smartGroups = SmartGroups(settings, EgressInventoryBuilder.RagApiPresent(settings));
        var rules = RuleLayout.Layout(settings, smartGroups, webGroups, diagnostics);
        if (rules is null)
        {
            return (null, inventory);
        }
        if (settings.Mode == EnforcementMode.Enforce)
        {
            diagnostics.Add(DiagnosticBuilder.AtFile(settings.Source).NodesDefaultDeny());
        }
        var decrypting =
            settings.Decryption == DecryptionMode.Permits
            && settings.ControllerVersion >= PolicySettingsValidator.DecryptionController;
        var model = new PolicyModel
        {
            Stack = settings.Stack,
            Mode = settings.Mode,
            CloudProvider = settings.CloudProvider,
            ControllerVersion = settings.ControllerVersion,
            Decryption = settings.Decryption,
            AgentGuard = settings.AgentGuard,
            AttachmentPoint = settings.AttachmentPoint,
            RulesetName = "containment-" + settings.Stack,
            Namespace = settings.Cluster.Namespace,
            SmartGroups = smartGroups,
            WebGroups = webGroups,
            Rules = rules,
            DecryptionCa = decrypting
                ? new DecryptionCa(
                    "containment-decryption-ca",
                    settings.Cluster.Namespace,
                    "ca.crt",
                    "/etc/containment/ca",
                    UseMitmCa: true
                )
                : null,
            Lookups = LookupTokens.LookupsFor(
                webGroups.SelectMany(g => g.Hosts).Select(h => h.Host)
            ),
        };
        return (model, inventory);
    }

    private static List<SmartGroup> SmartGroups(StackSettings settings, bool ragApi)
    {
        var cluster = settings.Cluster;
        var id = string.IsNullOrWhiteSpace(cluster.Id) ? null : cluster.Id.Trim();
        var groups = new List<SmartGroup>
        {
            new(
                PolicyNames.PodsGroup,
                SmartGroupRole.Pods,
                [new SmartGroupSelector("k8s", id, cluster.Namespace, Sorted(cluster.PodLabels))]
            ),
            new(
                PolicyNames.NodesGroup,
                SmartGroupRole.Nodes,
                [
                    new SmartGroupSelector(
                        "k8s_node",
                        id,
                        null,
                        new Dictionary<string, string>(StringComparer.Ordinal)
                    ),
                ]
            ),
        };
        if (ragApi)
        {
            groups.Add(
                new(
                    PolicyNames.RagApiGroup,
                    SmartGroupRole.RagApi,
                    [
                        new SmartGroupSelector(
                            "k8s",
                            id,
                            cluster.Namespace,
                            Sorted(cluster.RagApiLabels)
                        ),
                    ]
                )
            );
        }
        if (cluster.DataStores.Count > 0)
        {
            groups.Add(
                new(
                    PolicyNames.DataStoresGroup,
                    SmartGroupRole.DataStores,
                    [
                        .. cluster
                            .DataStores.OrderBy(d => d.Name, StringComparer.Ordinal)
                            .Select(d => new SmartGroupSelector(
                                "k8s",
                                id,
                                cluster.Namespace,
                                Sorted(d.Labels)
                            )),
                    ]
                )
            );
        }
        return [.. groups.OrderBy(g => g.Name, StringComparer.Ordinal)];
    }

    private static SortedDictionary<string, string> Sorted(
        IReadOnlyDictionary<string, string> labels
    ) =>
        new(
            labels.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
            StringComparer.Ordinal
        );
}
