using Containment.Core.Catalog;
using Containment.Core.Net;

namespace Containment.Core.Egress;

/// <summary>
/// The blob host of an Azure Storage connection string, read as @azure/storage-blob's
/// <c>BlobServiceClient.fromConnectionString</c> reads it (Azure/azure-sdk-for-js sdk/storage/storage-blob/src/utils/utils.common.ts
/// <c>extractConnectionStringParts</c>): <c>BlobEndpoint</c> when given, else
/// <c>{DefaultEndpointsProtocol}://{AccountName}.blob.{EndpointSuffix}</c>, where the SDK requires a protocol of https or
/// http and a non-empty EndpointSuffix (it throws "Invalid EndpointSuffix in the provided Connection String" otherwise);
/// <c>UseDevelopmentStorage=true</c> is Azurite on 127.0.0.1:10000. The value is a secret (it holds AccountKey or a SAS):
/// this type keeps nothing of it but the host and port, and never says which part was wrong.
/// </summary>
internal static class AzureStorageConnectionString
{
    /// <summary>The blob service's host and port, or null when the string names no account or endpoint.</summary>
    public static (string Host, int Port)? BlobHost(string connectionString)
    {
        var parts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                // The SDK keeps the first '=' as the separator: a base64 AccountKey ends in '='.
                parts[pair[..eq].Trim()] = pair[(eq + 1)..].Trim();
            }
        }
        if (
            parts.TryGetValue("UseDevelopmentStorage", out var dev)
            && string.Equals(dev, "true", StringComparison.OrdinalIgnoreCase)
        )
        {
            return ("127.0.0.1", 10000);
        }
        if (parts.TryGetValue("BlobEndpoint", out var endpoint) && endpoint.Length > 0)
        {
            return UrlParts.TryParseUrl(endpoint, out _) is { } url
                ? (url.Host, url.EffectivePort)
                : null;
        }
        if (!parts.TryGetValue("AccountName", out var account))
        {
            return null;
        }
        account = account.ToLowerInvariant();
        if (!PlaceholderShapes.Fits(PlaceholderShapes.AzureStorageAccount, account))
        {
            return null;
        }
        var suffix = parts.GetValueOrDefault("EndpointSuffix") ?? "";
        var protocol = (
            parts.GetValueOrDefault("DefaultEndpointsProtocol") ?? ""
        ).ToLowerInvariant();
        if (suffix.Length == 0 || protocol is not ("https" or "http"))
        {
            return null;
        }
        return UrlParts.TryParseUrl($"{protocol}://{account}.blob.{suffix}", out _) is { } built
            ? (built.Host, built.EffectivePort)
            : null;
    }
}
