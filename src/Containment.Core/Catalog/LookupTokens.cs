using Containment.Core.Policy;
using Containment.Core.Settings;

namespace Containment.Core.Catalog;

/// <summary>
/// Tokens for values only the cloud can tell. A host that still holds one after substitution is
/// deferred: the model lists the token in <see cref="PolicyModel.Lookups"/> and a target resolves it
/// (the Pulumi writer with an invoke).
/// </summary>
public static class LookupTokens
{
    public const string AwsAccountId = "{aws.accountId}";
    public const string AwsRegion = "{aws.region}";
    public const string AzureRegistryName = "{azure.registryName}";
    public const string AzureRegion = "{azure.region}";
    public const string GcpLocation = "{gcp.location}";

    private static readonly Dictionary<string, string> Descriptions = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [AwsAccountId] = "AWS account id of the ECR registry (aws:getCallerIdentity); set registry.awsAccountId to pin it",
        [AwsRegion] = "AWS region of the ECR registry (aws:getRegion); set registry.awsRegion to pin it",
        [AzureRegistryName] = "Azure Container Registry name (azure-native:containerregistry:getRegistry with registry.azureResourceGroup); set registry.azureRegistryName to pin it",
        [AzureRegion] = "Azure region of the registry's dedicated data endpoint; set registry.azureRegion to pin it",
        [GcpLocation] = "Artifact Registry location (gcp:config region); set registry.gcpLocation to pin it",
    };

    public static IReadOnlyList<string> All { get; } = [.. Descriptions.Keys.Order(StringComparer.Ordinal)];

    public static string Describe(string token) => Descriptions.TryGetValue(token, out var d) ? d : token;

    /// <summary>Replaces every token the settings pin; leaves the others in place.</summary>
    public static string Substitute(string template, RegistrySettings registry)
    {
        var result = template;
        result = Replace(result, AwsAccountId, registry.AwsAccountId);
        result = Replace(result, AwsRegion, registry.AwsRegion);
        result = Replace(result, AzureRegistryName, registry.AzureRegistryName);
        result = Replace(result, AzureRegion, registry.AzureRegion);
        result = Replace(result, GcpLocation, registry.GcpLocation);
        return result;
    }

    /// <summary>The tokens a host still holds, in ordinal order.</summary>
    public static IReadOnlyList<string> TokensIn(string host) => [.. All.Where(t => host.Contains(t, StringComparison.Ordinal))];

    public static IReadOnlyList<DeployTimeLookup> LookupsFor(IEnumerable<string> hosts) =>
        [
            .. hosts.SelectMany(TokensIn).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
                .Select(t => new DeployTimeLookup(t, Describe(t))),
        ];

    private static string Replace(string s, string token, string? value) =>
        string.IsNullOrWhiteSpace(value) ? s : s.Replace(token, value.Trim().ToLowerInvariant(), StringComparison.Ordinal);
}
