using Containment.Core.Diagnostics;
using Containment.Core.LibreChat;
using Containment.Core.Model;

namespace Containment.Core.Egress;

/// <summary>
/// Non-LLM services LibreChat's environment switches on or redirects (issue 12 item 6, the service half): OCR's
/// OCR_BASEURL, the blob host inside AZURE_STORAGE_CONNECTION_STRING, the token hosts of workload identity, and the
/// logins LibreChat registers from env whatever <c>registration.socialLogins</c> shows (<see cref="EnvServicesTable"/>).
/// </summary>
public sealed partial class EgressInventoryBuilder
{
    private const string LibreChatAt = EnvServicesTable.LibreChatCommit;

    /// <summary>Vertex Mistral OCR's region variables, first set wins (crud.ts performGoogleVertexOCR).</summary>
    private static readonly string[] OcrVertexRegionVariables =
    [
        "MISTRAL_VERTEX_REGION",
        "GOOGLE_LOC",
    ];

    private const string S3IdentitySource =
        LibreChatAt
        + " packages/api/src/cdn/s3.ts (without AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY the S3Client uses the SDK's default chain, IRSA); aws-sdk-js-v3 >= 3.511 (PR #5800): the default chain's inner STS client takes the S3 client's region, so AssumeRoleWithWebIdentity goes to sts.{region}.amazonaws.com (a standalone fromTokenFile() still defaults to us-east-1, issue #7452; LibreChat does not use one)";

    private const string AzureIdentitySource =
        LibreChatAt
        + " packages/api/src/cdn/azure.ts (without AZURE_STORAGE_CONNECTION_STRING: DefaultAzureCredential); @azure/identity: tokens from AZURE_AUTHORITY_HOST, default https://login.microsoftonline.com";

    private const string OcrSource =
        LibreChatAt
        + " packages/api/src/files/mistral/crud.ts loadAuthConfig (ocr.baseURL, else OCR_BASEURL, else https://api.mistral.ai/v1, for mistral_ocr and azure_mistral_ocr)";

    /// <summary>
    /// OCR with no <c>ocr.baseURL</c>: LibreChat reads OCR_BASEURL, else its Mistral default. Azure Mistral goes through
    /// the same loadAuthConfig, so it too falls back to api.mistral.ai rather than naming no host.
    /// </summary>
    private void AddOcrDefault(ConfigLocation where)
    {
        if (IsPresent("OCR_BASEURL"))
        {
            AddEnvUrl("OCR_BASEURL", EgressPurpose.Ocr, "ocr (OCR_BASEURL)");
            return;
        }
        AddCatalogEntry(
            Providers,
            "mistral-ocr",
            EgressPurpose.Ocr,
            Prov(where),
            where.Span,
            "ocr",
            null
        );
    }

    /// <summary>
    /// api/server/services/Files/process.js processAgentFileUpload runs OCR only when <c>appConfig.ocr != null</c>, and
    /// packages/data-schemas/src/app/ocr.ts loadOCRConfig returns undefined without an <c>ocr</c> section: OCR's
    /// variables alone switch nothing on. Said once, so nobody expects the key to be enough.
    /// </summary>
    private void ReportOcrKeyWithoutSection()
    {
        if (_config.Ocr is null && (IsPresent("OCR_API_KEY") || IsPresent("OCR_BASEURL")))
        {
            _diagnostics.Add(DiagnosticBuilder.At(SettingsSpan).OcrKeyWithoutSection());
        }
    }

    /// <summary>
    /// Azure Blob (packages/api/src/cdn/azure.ts initializeAzureBlobService): the connection string when set, else
    /// <c>https://{AZURE_STORAGE_ACCOUNT_NAME}.blob.core.windows.net</c> with DefaultAzureCredential.
    /// </summary>
    private void AddAzureBlob(ConfigValue<string> strategy, string what)
    {
        const string connection = "AZURE_STORAGE_CONNECTION_STRING";
        var span = strategy.Location.Span;
        if (!IsPresent(connection))
        {
            AddAzureBlobByAccount(strategy, what, withIdentity: true);
            return;
        }
        if (
            _settings.SecretEnv.Contains(connection, StringComparer.Ordinal)
            || !_settings.Env.TryGetValue(connection, out var value)
        )
        {
            // Set from a Secret: the value is unknown here. The account name, when given, is the same account.
            if (TryEnv("AZURE_STORAGE_ACCOUNT_NAME", out _))
            {
                AddAzureBlobByAccount(strategy, what, withIdentity: false);
                return;
            }
            _diagnostics.Add(
                DiagnosticBuilder
                    .At(span)
                    .StorageConnectionStringUnreadable(what, connection, fromSecret: true) with
                {
                    Severity = UnknownHostSeverity,
                }
            );
            return;
        }
        // Parsed in memory; only the resulting host leaves this method. Nothing of the value is printed.
        if (AzureStorageConnectionString.BlobHost(value) is not { } blob)
        {
            _diagnostics.Add(
                DiagnosticBuilder
                    .At(span)
                    .StorageConnectionStringUnreadable(what, connection, fromSecret: false) with
                {
                    Severity = UnknownHostSeverity,
                }
            );
            return;
        }
        AddHost(
            blob.Host,
            blob.Port,
            EgressPurpose.FileStorage,
            [
                Prov(strategy.Location),
                new SettingProvenance("env", $"{EnvOrigin(connection)} (blob host only)"),
            ],
            span,
            what
        );
    }

    private void AddAzureBlobByAccount(ConfigValue<string> strategy, string what, bool withIdentity)
    {
        var span = strategy.Location.Span;
        if (!TryEnv("AZURE_STORAGE_ACCOUNT_NAME", out var account))
        {
            _diagnostics.Add(
                DiagnosticBuilder
                    .At(span)
                    .EnvOnlyDestination(
                        what,
                        "the storage host",
                        ["AZURE_STORAGE_CONNECTION_STRING", "AZURE_STORAGE_ACCOUNT_NAME"]
                    )
            );
            return;
        }
        var value = new PlaceholderValue(
            Catalog.PlaceholderShapes.AzureStorageAccount,
            account.ToLowerInvariant(),
            "AZURE_STORAGE_ACCOUNT_NAME"
        );
        if (
            Fill("{azureStorageAccount}.blob.core.windows.net", [value], span, what)
            is not { } blobHost
        )
        {
            return;
        }
        AddHost(
            blobHost,
            443,
            EgressPurpose.FileStorage,
            [Prov(strategy.Location), EnvProvenance("AZURE_STORAGE_ACCOUNT_NAME")],
            span,
            what
        );
        if (withIdentity)
        {
            AddEntraTokenHost(strategy, what);
        }
    }

    /// <summary>DefaultAzureCredential (workload identity, a client secret or certificate) asks Entra ID for a token first.</summary>
    private void AddEntraTokenHost(ConfigValue<string> strategy, string what)
    {
        var span = strategy.Location.Span;
        var host = "login.microsoftonline.com";
        var port = 443;
        Provenance source = new SettingProvenance("librechat", AzureIdentitySource);
        if (TryEnv("AZURE_AUTHORITY_HOST", out var authority))
        {
            if (EnvUrl("AZURE_AUTHORITY_HOST", authority, span, what) is not { } parts)
            {
                return;
            }
            (host, port) = (parts.Host, parts.EffectivePort);
            source = EnvProvenance("AZURE_AUTHORITY_HOST");
        }
        _diagnostics.Add(
            DiagnosticBuilder
                .At(span)
                .WorkloadIdentityToken(what, WorkloadIdentityClient.AzureStorage, host)
        );
        AddHost(
            host,
            port,
            EgressPurpose.FileStorage,
            [Prov(strategy.Location), source],
            span,
            what + " (Entra ID token)"
        );
    }

    /// <summary>
    /// S3 without static keys: the SDK's default chain; under IRSA it calls STS in the client's region first. A custom
    /// AWS_ENDPOINT_URL (MinIO and the like) with no IRSA variables is taken to need no STS.
    /// </summary>
    private void AddS3TokenHost(ConfigValue<string> strategy, string region, string what)
    {
        var staticKeys = IsPresent("AWS_ACCESS_KEY_ID") && IsPresent("AWS_SECRET_ACCESS_KEY");
        if (!UsesPodIdentity(staticKeys, assumeIrsa: !IsPresent("AWS_ENDPOINT_URL")))
        {
            return;
        }
        AddAwsStsHost(
            region,
            "AWS_REGION",
            EgressPurpose.FileStorage,
            [
                Prov(strategy.Location),
                EnvProvenance(IsIrsa ? "AWS_ROLE_ARN" : "AWS_REGION"),
                new SettingProvenance("librechat", S3IdentitySource),
            ],
            strategy.Location.Span,
            what,
            WorkloadIdentityClient.S3
        );
    }

    /// <summary>IRSA: AWS_ROLE_ARN and AWS_WEB_IDENTITY_TOKEN_FILE, which EKS injects into the pod and a .env rarely shows.</summary>
    private bool IsIrsa => IsPresent("AWS_ROLE_ARN") && IsPresent("AWS_WEB_IDENTITY_TOKEN_FILE");

    /// <summary>
    /// Whether an AWS client without <paramref name="staticKeys"/> takes the pod's identity (IRSA) through the SDK's
    /// default chain: when the IRSA variables are in sight, or, with <paramref name="assumeIrsa"/>, even when they are
    /// not (EKS's webhook injects them, a .env rarely shows them).
    /// </summary>
    private bool UsesPodIdentity(bool staticKeys, bool assumeIrsa) =>
        !staticKeys && (IsIrsa || assumeIrsa);

    /// <summary>
    /// The regional STS host an AWS client's default chain calls for its web-identity token (aws-sdk-js-v3 >= 3.511,
    /// PR #5800: the inner STS client takes the outer client's region), shared by every AWS client LibreChat makes.
    /// </summary>
    /// <param name="client">Which client signs in, for the diagnostic.</param>
    private void AddAwsStsHost(
        string region,
        string regionField,
        EgressPurpose purpose,
        IReadOnlyList<Provenance> sources,
        SourceSpan span,
        string what,
        WorkloadIdentityClient client
    )
    {
        var r = new PlaceholderValue(
            Catalog.PlaceholderShapes.AwsRegion,
            region.Trim().ToLowerInvariant(),
            regionField
        );
        if (Fill("sts.{awsRegion}.amazonaws.com", [r], span, what) is not { } sts)
        {
            return;
        }
        _diagnostics.Add(DiagnosticBuilder.At(span).WorkloadIdentityToken(what, client, sts));
        AddHost(sts, 443, purpose, sources, span, what + " (STS token)");
    }

    /// <summary>Logins LibreChat registers from its environment (<see cref="EnvServicesTable.Logins"/>).</summary>
    private void AddEnvLogins()
    {
        ReportPartialLogins();
        foreach (var login in EnvServicesTable.Registered(IsPresent))
        {
            var what = $"{login.Id} (registered from {string.Join(", ", login.RequiredAll)})";
            if (login.Id == EnvServicesTable.Saml)
            {
                _diagnostics.Add(DiagnosticBuilder.At(SettingsSpan).SamlBrowserOnly(what));
                continue;
            }
            AddLoginAvatars(login, what);
            if (login.UrlVariable is { } variable && IsPresent(variable))
            {
                if (variable == "LDAP_URL")
                {
                    AddLdap(what);
                    continue;
                }
                AddEnvUrl(variable, EgressPurpose.Identity, what);
                if (variable == "OPENID_ISSUER")
                {
                    _diagnostics.Add(DiagnosticBuilder.At(SettingsSpan).OpenIdHostsAssumed(what));
                }
                continue;
            }
            IReadOnlyList<Provenance> sources =
            [
                EnvProvenance(login.RequiredAll[0]),
                new SettingProvenance("librechat", login.Source),
            ];
            foreach (var host in login.DefaultHosts)
            {
                AddHost(host, 443, EgressPurpose.Identity, sources, SettingsSpan, what);
            }
        }
    }

    /// <summary>
    /// A login with some of its variables set and others missing decides egress by what is unset: LibreChat skips it
    /// (socialLogins.js checks every one), so lint says so instead of allowing nothing silently (issue 12 "Done when").
    /// </summary>
    private void ReportPartialLogins()
    {
        foreach (var login in EnvServicesTable.Logins)
        {
            var set = login.RequiredAll.Where(IsPresent).ToList();
            if (set.Count > 0 && set.Count < login.RequiredAll.Count)
            {
                _diagnostics.Add(
                    DiagnosticBuilder
                        .At(SettingsSpan)
                        .LoginNotRegistered(
                            login.Id,
                            set,
                            [.. login.RequiredAll.Where(v => !IsPresent(v))]
                        )
                );
            }
        }
    }

    /// <summary>
    /// api/strategies/process.js: with <c>fileStrategy</c> other than local the pod downloads each social login's
    /// avatar (resizeAvatar fetches the provider's URL) before storing it; a failed fetch fails the sign-in.
    /// </summary>
    private void AddLoginAvatars(EnvService login, string what)
    {
        if (
            login.AvatarHosts is not { Count: > 0 } avatars
            || _config.FileStorage.Strategies.FirstOrDefault(s =>
                s.Location.Path == "fileStrategy" && s.Value != "local"
            )
                is not { } strategy
        )
        {
            return;
        }
        IReadOnlyList<Provenance> sources =
        [
            Prov(strategy.Location),
            EnvProvenance(login.RequiredAll[0]),
            new SettingProvenance(
                "librechat",
                LibreChatAt + " api/strategies/process.js resizeAvatar"
            ),
        ];
        foreach (var host in avatars)
        {
            AddHost(
                host,
                443,
                EgressPurpose.Identity,
                sources,
                strategy.Location.Span,
                what + " (avatar)"
            );
        }
    }

    /// <summary>passport-ldapauth binds from the pod to LDAP_URL: ldap:// on 389, ldaps:// on 636 unless a port is given.</summary>
    private void AddLdap(string what)
    {
        const string name = "LDAP_URL";
        if (EnvSecret(name))
        {
            _diagnostics.Add(DiagnosticBuilder.At(SettingsSpan).SecretInHost(what, [name]));
            return;
        }
        var parts = Net.UrlParts.TryParse(_settings.Env[name].Trim());
        if (parts is not { Scheme: "ldap" or "ldaps" })
        {
            _diagnostics.Add(
                DiagnosticBuilder
                    .At(SettingsSpan)
                    .UnsupportedUrlScheme(what, name, ["ldap", "ldaps"])
            );
            return;
        }
        AddHost(
            parts.Host,
            parts.Port ?? (parts.Scheme == "ldaps" ? 636 : 389),
            EgressPurpose.Identity,
            [EnvProvenance(name)],
            SettingsSpan,
            what
        );
    }
}
