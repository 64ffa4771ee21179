namespace Containment.Core.Catalog;

/// <summary>
/// One entry of a catalogue: a named set of host templates with the public source that justifies them.
/// Templates may carry lookup tokens (<c>{aws.region}</c>) or config placeholders (<c>{region}</c>) that the
/// caller substitutes; a mid-label wildcard is allowed only where the vendor forces one, and then
/// <see cref="Note"/> says why.
/// </summary>
public sealed record CatalogEntry(
    string Id,
    IReadOnlyList<string> Hosts,
    string Source,
    string? Note = null
);

/// <summary>
/// Versioned, dated data. The version appears in every provenance record that comes from the catalogue,
/// so a plan says which snapshot of the world it was built against.
/// </summary>
public sealed record Catalogue(
    string Name,
    string Version,
    string Date,
    IReadOnlyList<CatalogEntry> Entries
)
{
    public CatalogEntry? Find(string id) =>
        Entries.FirstOrDefault(e => string.Equals(e.Id, id, StringComparison.Ordinal));

    public CatalogEntry Get(string id) =>
        Find(id) ?? throw new KeyNotFoundException($"catalogue '{Name}' has no entry '{id}'");
}
