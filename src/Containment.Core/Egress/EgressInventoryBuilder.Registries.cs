using Containment.Core.Catalog;
using Containment.Core.Diagnostics;
using Containment.Core.LibreChat;
using Containment.Core.Model;
using Containment.Core.Policy;

namespace Containment.Core.Egress;

/// <summary>Registries the nodes pull from, and the runtime-only egress no config can name.</summary>
public sealed partial class EgressInventoryBuilder
{
    private void AddRegistries()
    {
        var entries = RegistryCatalog.PublicEntryIds.ToList();
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
