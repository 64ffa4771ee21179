using System.Text.RegularExpressions;

namespace Containment.Core.Targets.Pulumi;

/// <summary>
/// How one deploy-time lookup token (as it appears in PolicyModel hosts, e.g. <c>{aws.accountId}</c>)
/// becomes a Pulumi invoke: the variable that holds the invoke result and the result field to read.
/// </summary>
public sealed record PulumiLookup(
    string Token,
    string Variable,
    string Function,
    PulumiObject Arguments,
    string Field
)
{
    public ReferencePart Reference => new(Variable, [Field]);
}

/// <summary>
/// The one table that maps lookup tokens to invokes. Tokens are agreed with the policy builder
/// (PolicyModel.Lookups); adjust here when a token is renamed or added.
/// Azure's registry look-up needs the registry name and resource group: they come from the stack's
/// <c>containment:registry</c> config object, read by the program as references, never copied.
/// </summary>
public static partial class PulumiLookups
{
    public const string AwsCallerIdentity = "aws:index/getCallerIdentity:getCallerIdentity";
    public const string AwsRegion = "aws:index/getRegion:getRegion";
    public const string AzureRegistry = "azure-native:containerregistry:getRegistry";
    public const string GcpClientConfig = "gcp:organizations/getClientConfig:getClientConfig";

    /// <summary>Stack config object the Azure registry look-up reads (<c>containment:registry</c>).</summary>
    public const string RegistryConfig = "registry";

    private static readonly PulumiObject NoArguments = new([]);

    private static readonly PulumiObject AzureRegistryArguments = new([
        ("registryName", PulumiValue.Ref(RegistryConfig, "azureRegistryName")),
        ("resourceGroupName", PulumiValue.Ref(RegistryConfig, "azureResourceGroup")),
    ]);

    /// <summary>
    /// Every known token, in table order: the policy builder's Catalog/LookupTokens.cs (a token that the
    /// stack's registry settings pin is substituted there and never reaches this table).
    /// </summary>
    public static IReadOnlyList<PulumiLookup> All { get; } =
    [
        new("{aws.accountId}", "awsCallerIdentity", AwsCallerIdentity, NoArguments, "accountId"),
        new("{aws.region}", "awsRegion", AwsRegion, NoArguments, "region"),
        // getRegistry needs the registry's name and resource group; the name usually pins the host directly,
        // so this look-up runs only when the stack gives them as config the policy did not substitute.
        new("{azure.registryName}", "azureRegistry", AzureRegistry, AzureRegistryArguments, "name"),
        new("{azure.region}", "azureRegistry", AzureRegistry, AzureRegistryArguments, "location"),
        // The provider's default region (gcp:region) stands for the Artifact Registry location.
        new("{gcp.location}", "gcpClientConfig", GcpClientConfig, NoArguments, "region"),
    ];

    public static PulumiLookup? Find(string token) =>
        All.FirstOrDefault(l => string.Equals(l.Token, token, StringComparison.Ordinal));

    /// <summary>Tokens look like <c>{provider.field}</c>: letters, digits, dots, dashes and underscores inside braces.</summary>
    [GeneratedRegex(@"\{[A-Za-z0-9_.\-]+\}", RegexOptions.CultureInvariant)]
    internal static partial Regex TokenPattern();

    /// <summary>Splits a host into literal text and lookup tokens, in order.</summary>
    public static IEnumerable<(string Text, bool IsToken)> Split(string host)
    {
        var position = 0;
        foreach (Match match in TokenPattern().Matches(host))
        {
            if (match.Index > position)
            {
                yield return (host[position..match.Index], false);
            }

            yield return (match.Value, true);
            position = match.Index + match.Length;
        }

        if (position < host.Length)
        {
            yield return (host[position..], false);
        }
    }
}
