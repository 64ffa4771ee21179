using System.Globalization;
using Containment.Core.Model;

namespace Containment.Core.Targets;

/// <summary>One short line per provenance, for comments in generated files (reviewers see why a host is there).</summary>
public static class ProvenanceText
{
    public static string Describe(Provenance provenance) =>
        provenance switch
        {
            ConfigProvenance c => string.Create(
                CultureInfo.InvariantCulture,
                $"{c.File}({c.Line},{c.Column}) {c.Path}"
            ),
            CatalogProvenance c => $"catalogue {c.Catalogue} {c.Version}: {c.Entry}",
            SettingProvenance s when s.Detail is not null => $"setting {s.Setting}: {s.Detail}",
            SettingProvenance s => $"setting {s.Setting}",
            _ => provenance.SortKey,
        };

    public static string Describe(IEnumerable<Provenance> sources) =>
        string.Join(
            "; ",
            sources
                .OrderBy(s => s.SortKey, StringComparer.Ordinal)
                .Select(Describe)
                .Distinct(StringComparer.Ordinal)
        );
}
