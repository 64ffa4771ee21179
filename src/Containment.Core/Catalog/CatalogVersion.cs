namespace Containment.Core.Catalog;

/// <summary>The one version and date stamped on every built-in catalogue, bumped whenever any host changes.</summary>
public static class CatalogVersion
{
    public const string Version = "2026-11";
    public const string Date = "2026-11-25";
}
