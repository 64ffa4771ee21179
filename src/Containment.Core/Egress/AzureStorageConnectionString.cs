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
    private static readonly string[] Keys =
    [
        "BlobEndpoint",
        "AccountName",
        "DefaultEndpointsProtocol",
        "EndpointSuffix",
    ];

    /// <summary>
    /// getValueInConnString (storage-blob src/utils/utils.common.ts): the FIRST element that, trimmed, starts with the
    /// key (case-sensitive) gives the text after the first <c>key=</c> in it, up to a line break (JavaScript's
    /// <c>.*</c>); "" when no element starts with it; null when one does but holds no <c>key=</c> (the SDK throws).
    /// A later duplicate or a lower-case <c>blobendpoint=</c> is therefore ignored, as the SDK ignores it.
    /// </summary>
    private static string? ValueOf(string connectionString, string key)
    {
        foreach (var element in connectionString.Split(';'))
        {
            var trimmed = element.Trim();
            if (!trimmed.StartsWith(key, StringComparison.Ordinal))
            {
                continue;
            }
            var at = trimmed.IndexOf(key + "=", StringComparison.Ordinal);
            if (at < 0)
            {
                return null;
            }
            var value = trimmed[(at + key.Length + 1)..];
            var end = value.IndexOfAny(['\n', '\r', '\u2028', '\u2029']);
            return end < 0 ? value : value[..end];
        }
        return "";
    }

    /// <summary>The blob service's host and port, or null when the string names no account or endpoint.</summary>
    public static (string Host, int Port)? BlobHost(string connectionString)
    {
        // extractConnectionStringParts: only a string that starts with this exact text is the emulator.
        if (connectionString.StartsWith("UseDevelopmentStorage=true", StringComparison.Ordinal))
        {
            return ("127.0.0.1", 10000);
        }
        var parts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in Keys)
        {
            if (ValueOf(connectionString, key) is not { } value)
            {
                // The SDK's non-null assertion on match() throws: LibreChat cannot start file storage.
                return null;
            }
            parts[key] = value;
        }
        if (parts.TryGetValue("BlobEndpoint", out var endpoint) && endpoint.Length > 0)
        {
            return UrlParts.TryParseUrl(endpoint, out _) is { } url
                ? (url.Host, url.EffectivePort)
                : null;
        }
        var account = parts["AccountName"].ToLowerInvariant();
        if (!PlaceholderShapes.Fits(PlaceholderShapes.AzureStorageAccount, account))
        {
            return null;
        }
        var suffix = parts["EndpointSuffix"];
        var protocol = parts["DefaultEndpointsProtocol"].ToLowerInvariant();
        if (suffix.Length == 0 || protocol is not ("https" or "http"))
        {
            return null;
        }
        return UrlParts.TryParseUrl($"{protocol}://{account}.blob.{suffix}", out _) is { } built
            ? (built.Host, built.EffectivePort)
            : null;
    }
}
