namespace Containment.Core.Diagnostics;

/// <summary>CT2320-CT2329: non-LLM services LibreChat's environment switches on (OCR, file storage, workload identity, logins).</summary>
public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticDescriptor OcrKeyWithoutSection = new(
        "CT2320",
        Severity.Info,
        "OCR key without an ocr section",
        "LibreChat runs OCR only when librechat.yaml has an 'ocr' section; OCR_API_KEY or OCR_BASEURL alone switches nothing on, so nothing is allowed for OCR. Add an 'ocr' section if uploads should be read by OCR."
    );

    public static readonly DiagnosticDescriptor SamlBrowserOnly = new(
        "CT2321",
        Severity.Info,
        "SAML login needs no egress from the pod",
        "LibreChat registers SAML from its environment, but the identity provider is reached by the user's browser (the redirect to SAML_ENTRY_POINT and the posted response) and the certificate is read locally: the pod calls no IdP host, so none is allowed."
    );

    public static readonly DiagnosticDescriptor StorageConnectionStringUnreadable = new(
        "CT2322",
        Severity.Error,
        "Storage host not readable from the connection string",
        "The blob host is read from AZURE_STORAGE_CONNECTION_STRING (BlobEndpoint, or AccountName and EndpointSuffix) in memory; only that host is used and nothing else of the value is printed. Give a connection string that names the account, or AZURE_STORAGE_ACCOUNT_NAME."
    );

    public static readonly DiagnosticDescriptor OpenIdHostsAssumed = new(
        "CT2323",
        Severity.Info,
        "OpenID endpoints assumed on the issuer's host",
        "LibreChat discovers its OpenID provider from OPENID_ISSUER; discovery, token, userinfo and JWKS are allowed on the issuer's host. A provider that serves its token or JWKS endpoint elsewhere (Google: oauth2.googleapis.com, www.googleapis.com) needs those hosts under 'extraDestinations'."
    );

    public static readonly DiagnosticDescriptor WorkloadIdentityToken = new(
        "CT2324",
        Severity.Info,
        "Credentials from the pod's identity",
        "No static key is set, so the cloud SDK takes credentials from the pod's identity (AWS IRSA, Azure workload identity) and exchanges a token with the cloud's token service first; that token host is allowed."
    );
}

public sealed partial class DiagnosticBuilder
{
    public Diagnostic OcrKeyWithoutSection() =>
        Make(
            DiagnosticCatalog.OcrKeyWithoutSection,
            "OCR_API_KEY or OCR_BASEURL is set, but librechat.yaml has no 'ocr' section, so LibreChat runs no OCR and nothing is allowed for it."
        );

    public Diagnostic SamlBrowserOnly(string what) =>
        Make(
            DiagnosticCatalog.SamlBrowserOnly,
            $"{what}: the IdP is reached by the browser only; no host is allowed for it."
        );

    /// <param name="variable">The connection string's variable name; nothing of its value is shown.</param>
    /// <param name="fromSecret">True when the value is a Secret (unknown here), false when it names no blob endpoint.</param>
    public Diagnostic StorageConnectionStringUnreadable(
        string what,
        string variable,
        bool fromSecret
    ) =>
        Make(
            DiagnosticCatalog.StorageConnectionStringUnreadable,
            fromSecret
                ? $"{what}: {variable} is set from a Secret, so its blob host is unknown; give AZURE_STORAGE_ACCOUNT_NAME under 'env' (the account it names) or list the host under 'extraDestinations'."
                : $"{what}: {variable} names no blob endpoint (BlobEndpoint, or AccountName with DefaultEndpointsProtocol and EndpointSuffix), so its host is unknown."
        );

    public Diagnostic OpenIdHostsAssumed(string what) =>
        Make(
            DiagnosticCatalog.OpenIdHostsAssumed,
            $"{what}: discovery, token, userinfo and JWKS are allowed on the host of OPENID_ISSUER only."
        );

    public Diagnostic WorkloadIdentityToken(
        string what,
        WorkloadIdentityClient client,
        string host
    ) =>
        Make(
            DiagnosticCatalog.WorkloadIdentityToken,
            client switch
            {
                WorkloadIdentityClient.AzureStorage =>
                    $"{what}: no AZURE_STORAGE_CONNECTION_STRING, so LibreChat signs in with DefaultAzureCredential; its token host {host} is allowed.",
                WorkloadIdentityClient.Bedrock =>
                    $"{what}: no BEDROCK_AWS_SECRET_ACCESS_KEY, so the Bedrock client takes the pod's identity (IRSA); its token host {host} is allowed.",
                _ =>
                    $"{what}: no AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, so the S3 client takes the pod's identity (IRSA); its token host {host} is allowed.",
            }
        );
}

/// <summary>Which client signs in with the pod's identity, for <see cref="DiagnosticBuilder.WorkloadIdentityToken"/>.</summary>
public enum WorkloadIdentityClient
{
    AzureStorage,
    S3,
    Bedrock,
}
