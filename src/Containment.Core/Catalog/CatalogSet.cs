using Containment.Core.Diagnostics;
using Containment.Core.Model;
using Containment.Core.Settings;

namespace Containment.Core.Catalog;

/// <summary>A host template from a catalogue entry (or added by a stack override) and why it is there.</summary>
public sealed record CatalogHost(string Template, Provenance Source);

/// <summary>
/// The built-in catalogues with a stack's <c>catalogOverrides</c> applied. An override's <c>catalog</c>
/// names an entry (<c>docker-hub</c> or <c>registries/docker-hub</c>) or the whole <c>registries</c>
/// catalogue; <c>add</c> hosts carry the setting as provenance, <c>remove</c> hosts disappear.
/// </summary>
public sealed class CatalogSet
{
    private const string WholeRegistries = RegistryCatalog.Name;
    private readonly Dictionary<string, List<CatalogHost>> _hosts = new(StringComparer.Ordinal);

    private CatalogSet() { }

    public static IReadOnlyList<Catalogue> BuiltIn { get; } =
    [ProviderCatalog.Instance, RegistryCatalog.Instance];

    public static CatalogSet Create(
        IReadOnlyList<CatalogOverride> overrides,
        DiagnosticBag diagnostics,
        string settingsSource
    )
    {
        var set = new CatalogSet();
        foreach (var catalogue in BuiltIn)
        {
            foreach (var entry in catalogue.Entries)
            {
                set._hosts[Key(catalogue.Name, entry.Id)] =
                [
                    .. entry.Hosts.Select(h => new CatalogHost(
                        h,
                        new CatalogProvenance(catalogue.Name, catalogue.Version, entry.Id)
                    )),
                ];
            }
        }
        set._hosts[Key(WholeRegistries, "overrides")] = [];
        foreach (var o in overrides)
        {
            set.Apply(o, diagnostics, settingsSource);
        }
        return set;
    }

    /// <summary>Hosts of one entry after overrides; empty for an unknown entry.</summary>
    public IReadOnlyList<CatalogHost> Hosts(string catalogue, string entryId) =>
        _hosts.TryGetValue(Key(catalogue, entryId), out var list) ? list : [];

    /// <summary>Hosts a stack added to the registries catalogue as a whole.</summary>
    public IReadOnlyList<CatalogHost> RegistryAdditions => Hosts(WholeRegistries, "overrides");

    private void Apply(CatalogOverride o, DiagnosticBag diagnostics, string settingsSource)
    {
        var keys = Resolve(o.Catalog);
        if (keys.Count == 0)
        {
            diagnostics.Add(
                DiagnosticBuilder
                    .AtFile(settingsSource)
                    .UnknownCatalogOverride(o.Catalog, KnownTargets())
            );
            return;
        }
        var provenance = new SettingProvenance("catalogOverrides", o.Catalog);
        var addTo = keys.Count == 1 ? keys[0] : Key(WholeRegistries, "overrides");
        foreach (var add in o.Add)
        {
            _hosts[addTo].Add(new CatalogHost(add, provenance));
        }
        foreach (var remove in o.Remove)
        {
            var removed = 0;
            foreach (var key in keys)
            {
                removed += _hosts[key]
                    .RemoveAll(h =>
                        string.Equals(
                            h.Template,
                            remove.Trim().ToLowerInvariant(),
                            StringComparison.Ordinal
                        )
                    );
            }
            if (removed == 0)
            {
                diagnostics.Add(
                    DiagnosticBuilder
                        .AtFile(settingsSource)
                        .CatalogOverrideRemovesNothing(remove, o.Catalog)
                );
            }
        }
    }

    private List<string> Resolve(string target)
    {
        var t = target.Trim();
        if (string.Equals(t, WholeRegistries, StringComparison.Ordinal))
        {
            return
            [
                .. _hosts
                    .Keys.Where(k => k.StartsWith(WholeRegistries + "/", StringComparison.Ordinal))
                    .Order(StringComparer.Ordinal),
            ];
        }
        if (t.Contains('/', StringComparison.Ordinal))
        {
            return _hosts.ContainsKey(t) ? [t] : [];
        }
        return
        [
            .. _hosts.Keys.Where(k =>
                k.EndsWith("/" + t, StringComparison.Ordinal)
                && !k.EndsWith("/overrides", StringComparison.Ordinal)
            ),
        ];
    }

    private IEnumerable<string> KnownTargets() =>
        _hosts
            .Keys.Where(k => !k.EndsWith("/overrides", StringComparison.Ordinal))
            .Append(WholeRegistries)
            .Order(StringComparer.Ordinal);

    private static string Key(string catalogue, string entry) => catalogue + "/" + entry;
}
