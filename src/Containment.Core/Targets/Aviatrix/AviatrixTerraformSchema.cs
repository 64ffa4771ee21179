namespace Containment.Core.Targets.Aviatrix;

/// <summary>
/// The Aviatrix Terraform provider facts as the Terraform target reads them (types and arguments keyed by Terraform name,
/// releases, look-up providers), all taken from the one <see cref="AviatrixSchemaFacts"/> the Pulumi target also reads.
/// The Terraform target checks its IR against them (Targets/Terraform/TerraformModuleCheck).
/// </summary>
public sealed class AviatrixTerraformSchema
{
    private static readonly Lazy<AviatrixTerraformSchema> Embedded = new(() =>
        new AviatrixTerraformSchema(AviatrixSchemaFacts.Default)
    );

    public static AviatrixTerraformSchema Instance => Embedded.Value;

    public AviatrixTerraformSchema(AviatrixSchemaFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ProviderSource = facts.Provider.Source;
        Releases = facts.Provider.Releases;
        ProviderConfiguration = facts.Provider.Configuration;
        Resources = facts.Resources.ToDictionary(
            t => t.TerraformType,
            t => t.ArgumentsByTerraformName,
            StringComparer.Ordinal
        );
        var dataSources = facts.DataSources.ToDictionary(
            t => t.TerraformType,
            t => t.ArgumentsByTerraformName,
            StringComparer.Ordinal
        );
        var dataSourceProvider = dataSources.Keys.ToDictionary(
            k => k,
            _ => "aviatrix",
            StringComparer.Ordinal
        );
        var lookupProviders = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var provider in facts.LookupProviders)
        {
            lookupProviders[provider.Name] = (provider.Source, provider.Version);
            foreach (var (type, args) in provider.DataSources)
            {
                dataSources[type] = args;
                dataSourceProvider[type] = provider.Name;
            }
        }

        DataSources = dataSources;
        LookupProviders = lookupProviders;
        DataSourceProvider = dataSourceProvider;
    }

    /// <summary><c>AviatrixSystems/aviatrix</c>.</summary>
    public string ProviderSource { get; }

    /// <summary>Every released provider version in the facts, ascending.</summary>
    public IReadOnlyList<Version> Releases { get; }

    public IReadOnlyDictionary<string, AviatrixArgument> ProviderConfiguration { get; }
    public IReadOnlyDictionary<
        string,
        IReadOnlyDictionary<string, AviatrixArgument>
    > Resources { get; }
    public IReadOnlyDictionary<
        string,
        IReadOnlyDictionary<string, AviatrixArgument>
    > DataSources { get; }

    /// <summary>Providers used only for deploy-time lookups (aws, google): local name → (source, version constraint).</summary>
    public IReadOnlyDictionary<string, (string Source, string Version)> LookupProviders { get; }

    /// <summary>Data source type → local provider name (aviatrix, aws, google).</summary>
    public IReadOnlyDictionary<string, string> DataSourceProvider { get; }

    /// <summary>
    /// The provider version to pin for a controller version: from 8.0 the provider version equals the controller
    /// version, so controller 8.2 gets <c>~&gt; 8.2.0</c> (any 8.2 patch). Null when the facts know no release of that
    /// series; callers then pin the latest release and warn.
    /// </summary>
    public Version? LowestReleaseFor(Version controller) =>
        Releases.FirstOrDefault(r => r.Major == controller.Major && r.Minor == controller.Minor);

    public Version LatestRelease => Releases[^1];
}
