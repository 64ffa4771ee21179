using Containment.Core.Model;
using Containment.Core.Settings;

namespace Containment.Core.Catalog;

/// <summary>
/// Tokens for values only the cloud can tell. A host that still holds one after substitution is
/// deferred: the model lists the token in <c>PolicyModel.Lookups</c> and a target resolves it
/// (the Pulumi writer with an invoke).
/// </summary>
public static class LookupTokens
{
    public const string AwsAccountId = "{aws.accountId}";
    public const string AwsRegion = "{aws.region}";
    public const string AzureRegistryName = "{azure.registryName}";
    public const string AzureRegion = "{azure.region}";
    public const string GcpLocation = "{gcp.location}";

    private static readonly Dictionary<string, string> Descriptions = new Dictionary<
        string,
        string
    >(StringComparer.Ordinal)
    {
        [AwsAccountId] =
            "AWS account id of the ECR registry (aws:getCallerIdentity); set registry.awsAccountId to pin it",
        [AwsRegion] =
            "AWS region of the ECR registry (aws:getRegion); set registry.awsRegion to pin it",
        [AzureRegistryName] =
            "Azure Container Registry name (azure-native:containerregistry:getRegistry with registry.azureResourceGroup); set registry.azureRegistryName to pin it",
        [AzureRegion] =
            "Azure region of the registry's dedicated data endpoint; set registry.azureRegion to pin it",
        [GcpLocation] =
            "Artifact Registry location (gcp:config region); set registry.gcpLocation to pin it",
    };

    public static IReadOnlyList<string> All { get; } =
    [.. Descriptions.Keys.Order(StringComparer.Ordinal)];

    public static string Describe(string token) =>
        Descriptions.TryGetValue(token, out var d) ? d : token;

    /// <summary>
    /// The tokens the stack settings pin, as placeholder values (name without braces, value, the setting that
    /// gave it). The inventory checks each value's shape before it fills a catalogue host.
    /// </summary>
    public static IEnumerable<(string Placeholder, string Value, string Field)> Pinned(
        RegistrySettings registry
    )
    {
        ArgumentNullException.ThrowIfNull(registry);
        (string Token, string? Value, string Field)[] pins =
        [
            (AwsAccountId, registry.AwsAccountId, "registry.awsAccountId"),
            (AwsRegion, registry.AwsRegion, "registry.awsRegion"),
            (AzureRegistryName, registry.AzureRegistryName, "registry.azureRegistryName"),
            (AzureRegion, registry.AzureRegion, "registry.azureRegion"),
            (GcpLocation, registry.GcpLocation, "registry.gcpLocation"),
        ];
        foreach (var (token, value, field) in pins)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                yield return (token.Trim('{', '}'), value.Trim().ToLowerInvariant(), field);
            }
        }
    }

    /// <summary>The tokens a host still holds, in ordinal order.</summary>
    public static IReadOnlyList<string> TokensIn(string host) =>
        [.. All.Where(t => host.Contains(t, StringComparison.Ordinal))];

    public static IReadOnlyList<DeployTimeLookup> LookupsFor(IEnumerable<string> hosts) =>
        [
            .. hosts
                .SelectMany(TokensIn)
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal)
                .Select(t => new DeployTimeLookup(t, Describe(t))),
        ];
}
