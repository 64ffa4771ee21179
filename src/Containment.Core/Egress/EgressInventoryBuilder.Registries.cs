using Containment.Core.Catalog;
using Containment.Core.Diagnostics;
using Containment.Core.LibreChat;
using Containment.Core.Model;
using Containment.Core.Policy;
using Containment.Core.Settings;

namespace Containment.Core.Egress;

/// <summary>Registries the nodes pull from, and the runtime-only egress no config can name.</summary>
public sealed partial class EgressInventoryBuilder
{
    private void AddRegistries()
    {
        var chart = _settings.ChartImages;
        var entries = RegistryCatalog
            .PublicEntryIds.Where(id => !ReplacedByValues(id, chart))
            .ToList();
        if (RegistryCatalog.CloudEntryId(_settings.CloudProvider) is { } cloudEntry)
        {
            entries.Add(cloudEntry);
        }
        else
        {
            _diagnostics.Add(DiagnosticBuilder.At(SettingsSpan).NoCloudProvider());
        }
        foreach (var id in entries)
        {
            AddCatalogEntry(
                RegistryCatalog.Name,
                id,
                EgressPurpose.Registry,
                null,
                SettingsSpan,
                "registries " + id,
                workload: SmartGroupRole.Nodes
            );
        }
        if (chart.LibreChat is { } own)
        {
            AddChartRegistry(own, "LibreChat's image", "registry.librechat.ai");
        }
        if (chart.Global is { } global)
        {
            AddChartRegistry(
                global,
                "the Bitnami subcharts' images (mongodb, redis)",
                MeilisearchRuns
                    ? "their Docker Hub images (meilisearch still pulls from Docker Hub)"
                    : "Docker Hub"
            );
        }
        foreach (var added in _catalogs.RegistryAdditions)
        {
            AddPattern(
                added.Template,
                443,
                EgressPurpose.Registry,
                [added.Source],
                SettingsSpan,
                "catalogOverrides registries",
                fromCatalogue: false,
                SmartGroupRole.Nodes
            );
        }
        foreach (
            var token in LookupTokens.LookupsFor(
                _items.Where(i => i.Purpose == EgressPurpose.Registry).Select(i => i.Host)
            )
        )
        {
            // An unpinned look-up lets the deploying credentials choose which registry is allowed: an error once rules enforce.
            var lookup = DiagnosticBuilder
                .At(SettingsSpan)
                .DeployTimeLookup(token.Token, token.Description);
            _diagnostics.Add(
                _settings.Mode == EnforcementMode.Enforce
                    ? lookup with
                    {
                        Severity = Severity.Error,
                    }
                    : lookup
            );
        }
    }

    /// <summary>
    /// Whether the values' registries take over a public catalogue entry: <c>image.registry</c> takes LibreChat's own
    /// image, and <c>global.imageRegistry</c> takes Docker Hub's (mongodb, redis) unless the chart still runs meilisearch,
    /// whose chart never reads it (see <see cref="ChartImageRegistries"/> for the templates). ghcr stays: the RAG API
    /// subchart's images are not covered by either key.
    /// </summary>
    private bool ReplacedByValues(string entryId, ChartImageRegistries chart) =>
        entryId switch
        {
            "librechat" => chart.LibreChat is not null,
            "docker-hub" => chart.Global is not null && !MeilisearchRuns,
            _ => false,
        };

    private bool MeilisearchRuns => _settings.Cluster.DataStores.Any(d => d.Name == "meilisearch");

    /// <summary>
    /// A registry from the values as written in an image reference (host[:port][/prefix], no scheme), through the same
    /// host gate as every other concrete host: a '*', an unset ${VAR}, an address are handled by <see cref="AddHost"/>.
    /// </summary>
    private void AddChartRegistry(ChartImageRegistry registry, string images, string replaces)
    {
        var key = registry.Origin[(registry.Origin.LastIndexOf(' ') + 1)..];
        if (
            registry.Value.Contains("://", StringComparison.Ordinal)
            || Net.UrlParts.TryParse("https://" + registry.Value) is not { } parts
        )
        {
            _diagnostics.Add(DiagnosticBuilder.At(registry.At).ImageRegistryNotAHost(key));
            return;
        }
        var before = _items.Count;
        AddHost(
            parts.Host,
            parts.EffectivePort,
            EgressPurpose.Registry,
            [new SettingProvenance("helmValues", registry.Origin, registry.At)],
            registry.At,
            "registries " + key,
            workload: SmartGroupRole.Nodes
        );
        if (_items.Count > before)
        {
            _diagnostics.Add(
                DiagnosticBuilder.At(registry.At).ChartImageRegistry(key, images, replaces)
            );
        }
    }

    private void WarnRuntimeOnlyEgress()
    {
        var create = _config.UsersCanCreateMcpServers;
        if (create is null || create.Value)
        {
            var span = create?.Location.Span ?? FileSpan;
            var why = create is null
                ? "interface.mcpServers.create is not set and LibreChat's default is true"
                : "interface.mcpServers.create is true";
            _diagnostics.Add(DiagnosticBuilder.At(span).UsersCreateMcpServers(why));
        }
        if (_config.ActionsAllowedDomains.Count == 0)
        {
            _diagnostics.Add(DiagnosticBuilder.At(FileSpan).RuntimeActions());
        }
    }
}
