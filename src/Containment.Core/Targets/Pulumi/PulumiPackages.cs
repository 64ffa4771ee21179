namespace Containment.Core.Targets.Pulumi;

/// <summary>
/// Every package and version the Pulumi target uses, pinned in this one place. Pulumi.yaml's
/// <c>packages:</c> entry and the <c>sdks/</c> lock file must name the same Aviatrix versions
/// (a test reads Pulumi.yaml and compares).
/// </summary>
public static class PulumiPackages
{
    /// <summary>The Any-Terraform-Provider bridge plugin (<c>terraform-provider</c>), latest tag seen v1.1.3.</summary>
    public const string TerraformProviderBridge = "1.1.3";

    /// <summary>Terraform registry address of the Aviatrix provider (OpenTofu registry, lower-cased namespace).</summary>
    public const string AviatrixRegistryAddress = "aviatrixsystems/aviatrix";

    /// <summary>
    /// Aviatrix Terraform provider version. From 8.0 the provider version equals the controller version,
    /// so this is the controller release the stacks run against (9.0 is needed for the MITM CA resources).
    /// </summary>
    public const string AviatrixProvider = "9.0.10";

    /// <summary>Package name the bridge gives the Aviatrix provider (prefix of every aviatrix:* token).</summary>
    public const string AviatrixPackage = "aviatrix";

    public const string Aws = "7.48.0";
    public const string AzureNative = "3.28.0";
    public const string Gcp = "9.37.0";
    public const string Kubernetes = "4.34.2";

    /// <summary>Plugin version for a type token's package, or null for parameterized packages (version from sdks/).</summary>
    public static string? VersionFor(string typeToken) =>
        PackageOf(typeToken) switch
        {
            "aws" => Aws,
            "azure-native" => AzureNative,
            "gcp" => Gcp,
            "kubernetes" => Kubernetes,
            _ => null,
        };

    /// <summary>The package part of a token: <c>aws</c> for <c>aws:index/getRegion:getRegion</c>.</summary>
    public static string PackageOf(string typeToken)
    {
        var colon = typeToken.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? typeToken : typeToken[..colon];
    }

    /// <summary>Aviatrix provider version as a <see cref="System.Version"/>, to compare with argument release tags.</summary>
    public static Version AviatrixProviderVersion { get; } = Version.Parse(AviatrixProvider);
}
