using System.Text.RegularExpressions;

namespace Containment.Core.Catalog;

/// <summary>
/// The shape every value must have before it may fill a host placeholder: one DNS label (no dots, no '*',
/// no URL syntax), of the form the cloud documents. A value that fills a host arrives from a pull request
/// (librechat.yaml, a stack setting, an env file), so without a shape <c>instanceName: "*.com/x"</c> turns
/// <c>{instanceName}.openai.azure.com</c> into a WebGroup entry <c>*.com</c>.
/// </summary>
public static partial class PlaceholderShapes
{
    /// <summary>Azure OpenAI / Cognitive Services custom subdomain (2-64 letters, digits, hyphens; one DNS label here).</summary>
    public const string AzureResourceName = "instanceName";

    /// <summary>AWS region (us-east-1, us-gov-west-1, cn-north-1).</summary>
    public const string AwsRegion = "awsRegion";

    /// <summary>GCP region for Vertex AI (us-central1, europe-west4).</summary>
    public const string GcpRegion = "gcpRegion";

    /// <summary>Vertex AI multi-region (us, eu).</summary>
    public const string GcpMultiRegion = "gcpMultiRegion";

    /// <summary>Azure storage account (3-24 lower-case letters and digits).</summary>
    public const string AzureStorageAccount = "azureStorageAccount";

    /// <summary>S3 bucket addressed virtual-hosted style (no dots: a dotted bucket cannot use the *.s3 certificate).</summary>
    public const string S3Bucket = "s3Bucket";

    private static readonly Dictionary<string, (Regex Shape, string Says)> Shapes = new(
        StringComparer.Ordinal
    )
    {
        [AzureResourceName] = (
            AzureResourceRegex(),
            "an Azure resource name (letters, digits and inner hyphens, one label)"
        ),
        [AwsRegion] = (AwsRegionRegex(), "an AWS region such as us-east-1"),
        [GcpRegion] = (GcpRegionRegex(), "a GCP region such as us-central1"),
        [GcpMultiRegion] = (GcpMultiRegionRegex(), "a Vertex AI multi-region: us or eu"),
        [AzureStorageAccount] = (
            AzureStorageRegex(),
            "an Azure storage account name (3-24 lower-case letters and digits)"
        ),
        [S3Bucket] = (
            S3BucketRegex(),
            "an S3 bucket name without dots (3-63 lower-case letters, digits, hyphens)"
        ),
        [Token(LookupTokens.AwsAccountId)] = (AwsAccountRegex(), "a 12-digit AWS account id"),
        [Token(LookupTokens.AwsRegion)] = (AwsRegionRegex(), "an AWS region such as us-east-1"),
        [Token(LookupTokens.AzureRegistryName)] = (
            AzureRegistryRegex(),
            "an Azure Container Registry name (5-50 letters and digits)"
        ),
        [Token(LookupTokens.AzureRegion)] = (
            AzureRegionRegex(),
            "an Azure region such as westeurope"
        ),
        [Token(LookupTokens.GcpLocation)] = (
            GcpLocationRegex(),
            "an Artifact Registry location such as us-central1 or europe"
        ),
    };

    /// <summary>Every placeholder name that has a shape (the text between the braces).</summary>
    public static IReadOnlyList<string> Names { get; } =
    [.. Shapes.Keys.Order(StringComparer.Ordinal)];

    /// <summary>True when <paramref name="value"/> (already trimmed and lower-cased) may fill <paramref name="placeholder"/>.</summary>
    public static bool Fits(string placeholder, string value) =>
        Shapes.TryGetValue(placeholder, out var s) && s.Shape.IsMatch(value);

    /// <summary>What the placeholder takes, for messages (never the offending value: it may be a secret).</summary>
    public static string Describe(string placeholder) =>
        Shapes.TryGetValue(placeholder, out var s) ? s.Says : "a value of a known shape";

    /// <summary>The placeholder name of a look-up token: <c>aws.accountId</c> for <c>{aws.accountId}</c>.</summary>
    public static string Token(string token) => token.Trim('{', '}');

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex AzureResourceRegex();

    [GeneratedRegex(@"^[a-z]{2}(?:-[a-z]+){1,3}-[0-9]{1,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex AwsRegionRegex();

    [GeneratedRegex("^[a-z]+-[a-z]+[0-9]{1,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex GcpRegionRegex();

    [GeneratedRegex("^(?:us|eu)$", RegexOptions.CultureInvariant)]
    private static partial Regex GcpMultiRegionRegex();

    [GeneratedRegex("^(?:[a-z]+-[a-z]+[0-9]{1,2}|us|europe|asia)$", RegexOptions.CultureInvariant)]
    private static partial Regex GcpLocationRegex();

    [GeneratedRegex("^[a-z0-9]{3,24}$", RegexOptions.CultureInvariant)]
    private static partial Regex AzureStorageRegex();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex S3BucketRegex();

    [GeneratedRegex("^[0-9]{12}$", RegexOptions.CultureInvariant)]
    private static partial Regex AwsAccountRegex();

    [GeneratedRegex("^[a-z0-9]{5,50}$", RegexOptions.CultureInvariant)]
    private static partial Regex AzureRegistryRegex();

    [GeneratedRegex("^[a-z][a-z0-9]{2,30}$", RegexOptions.CultureInvariant)]
    private static partial Regex AzureRegionRegex();
}
