using Containment.Core.Diagnostics;
using Containment.Core.LibreChat;
using Containment.Core.Model;

namespace Containment.Core.Egress;

/// <summary>App services: web search, speech, OCR, file storage, identity, actions, CONFIG_PATH, extra destinations.</summary>
public sealed partial class EgressInventoryBuilder
{
    /// <summary>Web-search URL fields and the provider whose default host they replace.</summary>
    private static readonly Dictionary<string, string> WebSearchUrlFields = new Dictionary<
        string,
        string
    >(StringComparer.Ordinal)
    {
        ["firecrawlApiUrl"] = "firecrawl",
        ["jinaApiUrl"] = "jina",
        ["keenableApiUrl"] = "keenable",
        ["searxngInstanceUrl"] = "searxng",
        ["tavilyExtractUrl"] = "tavily",
        ["tavilySearchUrl"] = "tavily",
    };

    /// <summary>
    /// URL fields LibreChat's loadWebSearchConfig fills with a <c>${VAR}</c> default when the section leaves them out
    /// (danny-avila/LibreChat packages/data-schemas/src/app/web.ts and its web.spec.ts "apply defaults for all fields").
    /// </summary>
    private static readonly Dictionary<string, string> WebSearchUrlDefaults = new Dictionary<
        string,
        string
    >(StringComparer.Ordinal)
    {
        ["firecrawlApiUrl"] = "FIRECRAWL_API_URL",
        ["jinaApiUrl"] = "JINA_API_URL",
        ["searxngInstanceUrl"] = "SEARXNG_INSTANCE_URL",
    };

    /// <summary>API-key fields that switch a provider on when no provider is named.</summary>
    private static readonly Dictionary<string, string> WebSearchKeyFields = new Dictionary<
        string,
        string
    >(StringComparer.Ordinal)
    {
        ["cohereApiKey"] = "cohere",
        ["firecrawlApiKey"] = "firecrawl",
        ["jinaApiKey"] = "jina",
        ["keenableApiKey"] = "keenable",
        ["serperApiKey"] = "serper",
        ["tavilyApiKey"] = "tavily",
    };

    private void AddWebSearch()
    {
        if (_config.WebSearch is not { } ws)
        {
            return;
        }
        var services = new SortedDictionary<string, ConfigLocation>(StringComparer.Ordinal);
        void Use(string service, ConfigLocation where) => services.TryAdd(service, where);
        foreach (var choice in new[] { ws.SearchProvider, ws.ScraperProvider, ws.RerankerType })
        {
            if (choice is { } c && !string.Equals(c.Value, "none", StringComparison.Ordinal))
            {
                Use(c.Value.Trim().ToLowerInvariant(), c.Location);
            }
        }
        if (ws.ScraperProvider?.Value is "serper")
        {
            Use("serper-scrape", ws.ScraperProvider.Location);
        }
        foreach (var key in ws.KeyFields)
        {
            if (WebSearchKeyFields.TryGetValue(key.Value, out var service))
            {
                Use(service, key.Location);
            }
        }
        foreach (var (field, url) in ws.Urls.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            AddUrl(url, EgressPurpose.WebSearch, "webSearch." + field);
            if (WebSearchUrlFields.TryGetValue(field, out var replaced))
            {
                services.Remove(replaced);
            }
        }
        foreach (var (field, variable) in WebSearchUrlDefaults)
        {
            // The section leaves the field out, so LibreChat reads the variable: it redirects the service as it would
            // with no section at all.
            var service = WebSearchUrlFields[field];
            if (!ws.Urls.ContainsKey(field) && services.ContainsKey(service) && IsPresent(variable))
            {
                AddEnvUrl(
                    variable,
                    EgressPurpose.WebSearch,
                    $"webSearch.{field} (default ${{{variable}}})"
                );
                services.Remove(service);
            }
        }
        foreach (var (service, where) in services)
        {
            if (service == "searxng")
            {
                _diagnostics.Add(
                    DiagnosticBuilder
                        .At(where.Span)
                        .NoHost(
                            "webSearch: SearXNG",
                            "default host and no 'searxngInstanceUrl' (set it to '${SEARXNG_INSTANCE_URL}' and give the variable under 'env')"
                        )
                );
            }
            else if (_catalogs.Hosts(Providers, service).Count > 0)
            {
                AddCatalogEntry(
                    Providers,
                    service,
                    EgressPurpose.WebSearch,
                    Prov(where),
                    where.Span,
                    "webSearch " + service
                );
            }
        }
    }

    private void AddSpeech()
    {
        foreach (var s in _config.Speech)
        {
            var what = $"speech.{s.Section}.{s.Provider}";
            if (s.Url is { } url)
            {
                AddUrl(url, EgressPurpose.Speech, what + " url");
                continue;
            }
            switch (s.Provider)
            {
                case "openai":
                    AddCatalogEntry(
                        Providers,
                        "openai",
                        EgressPurpose.Speech,
                        Prov(s.Location),
                        s.Location.Span,
                        what
                    );
                    break;
                case "elevenlabs":
                    AddCatalogEntry(
                        Providers,
                        "elevenlabs",
                        EgressPurpose.Speech,
                        Prov(s.Location),
                        s.Location.Span,
                        what
                    );
                    break;
                case "azureOpenAI" when s.InstanceName is { } instance:
                    PlaceholderValue[] fill =
                    [
                        new(
                            Catalog.PlaceholderShapes.AzureResourceName,
                            instance.Value.Trim().ToLowerInvariant(),
                            "'instanceName'"
                        ),
                    ];
                    if (instance.Value.Contains("${", StringComparison.Ordinal))
                    {
                        _diagnostics.Add(
                            DiagnosticBuilder
                                .At(instance.Location.Span)
                                .UnresolvedHost(what, "'instanceName'", []) with
                            {
                                Severity = UnknownHostSeverity,
                            }
                        );
                        break;
                    }
                    AddCatalogEntry(
                        Providers,
                        "azure-openai",
                        EgressPurpose.Speech,
                        Prov(instance.Location),
                        instance.Location.Span,
                        what,
                        fill
                    );
                    break;
                default:
                    _diagnostics.Add(
                        DiagnosticBuilder.At(s.Location.Span).NoHost(what, "URL or instance")
                    );
                    break;
            }
        }
    }

    private void AddOcr()
    {
        if (_config.Ocr is not { } ocr)
        {
            ReportOcrKeyWithoutSection();
            return;
        }
        var strategy = ocr.Strategy?.Value ?? "mistral_ocr";
        var where = ocr.Strategy?.Location ?? ocr.Location;
        switch (strategy)
        {
            case "vertexai_mistral_ocr":
                // crud.ts performGoogleVertexOCR: MISTRAL_VERTEX_REGION, then GOOGLE_LOC, then us-central1.
                var regionVariable = OcrVertexRegionVariables.FirstOrDefault(v => TryEnv(v, out _));
                var location =
                    regionVariable is not null && TryEnv(regionVariable, out var loc)
                        ? loc
                        : "us-central1";
                AddVertex(
                    location,
                    regionVariable ?? "GOOGLE_LOC",
                    Prov(where),
                    where.Span,
                    "ocr (Vertex AI)",
                    EgressPurpose.Ocr
                );
                return;
            case "document_parser":
                return;
        }
        if (ocr.BaseUrl is { } baseUrl)
        {
            AddUrl(baseUrl, EgressPurpose.Ocr, "ocr.baseURL");
        }
        else if (strategy is "mistral_ocr" or "azure_mistral_ocr")
        {
            AddOcrDefault(where);
        }
        else
        {
            _diagnostics.Add(
                DiagnosticBuilder.At(where.Span).NoHost($"ocr strategy '{strategy}'", "'baseURL'")
            );
        }
    }

    private void AddFileStorage()
    {
        foreach (var strategy in _config.FileStorage.Strategies.DistinctBy(s => s.Value))
        {
            var what = "fileStrategy " + strategy.Value;
            switch (strategy.Value)
            {
                case "s3" or "cloudfront":
                    AddS3(strategy, what);
                    break;
                case "azure_blob":
                    AddAzureBlob(strategy, what);
                    break;
                case "firebase":
                    AddCatalogEntry(
                        Providers,
                        "firebase-storage",
                        EgressPurpose.FileStorage,
                        Prov(strategy.Location),
                        strategy.Location.Span,
                        what
                    );
                    break;
            }
        }
    }

    private void AddS3(ConfigValue<string> strategy, string what)
    {
        if (TryEnv("AWS_ENDPOINT_URL", out var endpoint))
        {
            if (EnvUrl("AWS_ENDPOINT_URL", endpoint, strategy.Location.Span, what) is { } parts)
            {
                AddHost(
                    parts.Host,
                    parts.EffectivePort,
                    EgressPurpose.FileStorage,
                    [Prov(strategy.Location), EnvProvenance("AWS_ENDPOINT_URL")],
                    strategy.Location.Span,
                    what
                );
            }
            if (TryEnv("AWS_REGION", out var endpointRegion))
            {
                AddS3TokenHost(strategy, endpointRegion, what);
            }
            return;
        }
        if (!TryEnv("AWS_REGION", out var region))
        {
            _diagnostics.Add(
                DiagnosticBuilder
                    .At(strategy.Location.Span)
                    .EnvOnlyDestination(what, "the S3 host", ["AWS_REGION (with AWS_BUCKET_NAME)"])
            );
            return;
        }
        var r = new PlaceholderValue(
            Catalog.PlaceholderShapes.AwsRegion,
            region.ToLowerInvariant(),
            "AWS_REGION"
        );
        if (
            Fill("s3.{awsRegion}.amazonaws.com", [r], strategy.Location.Span, what)
            is not { } regional
        )
        {
            return;
        }
        AddHost(
            regional,
            443,
            EgressPurpose.FileStorage,
            [Prov(strategy.Location), EnvProvenance("AWS_REGION")],
            strategy.Location.Span,
            what
        );
        AddS3TokenHost(strategy, region, what);
        if (TryEnv("AWS_BUCKET_NAME", out var bucket))
        {
            // The AWS SDK addresses buckets virtual-hosted style by default.
            var b = new PlaceholderValue(
                Catalog.PlaceholderShapes.S3Bucket,
                bucket.ToLowerInvariant(),
                "AWS_BUCKET_NAME"
            );
            if (
                Fill(
                    "{s3Bucket}.s3.{awsRegion}.amazonaws.com",
                    [b, r],
                    strategy.Location.Span,
                    what
                ) is
                { } bucketHost
            )
            {
                AddHost(
                    bucketHost,
                    443,
                    EgressPurpose.FileStorage,
                    [Prov(strategy.Location), EnvProvenance("AWS_BUCKET_NAME")],
                    strategy.Location.Span,
                    what
                );
            }
        }
    }

    private void AddIdentity()
    {
        if (_config.Registration is not { } registration)
        {
            return;
        }
        foreach (var login in registration.SocialLogins.DistinctBy(l => l.Value))
        {
            var what = "registration.socialLogins " + login.Value;
            switch (login.Value)
            {
                case "github" when IsPresent(GitHubEnterprise):
                    // api/strategies/githubStrategy.js: GITHUB_ENTERPRISE_BASE_URL replaces github.com and api.github.com
                    // for the token, profile and email calls, so the public hosts are not what the pod calls.
                    AddEnvUrl(GitHubEnterprise, EgressPurpose.Identity, what);
                    break;
                case "google" or "github" or "discord" or "facebook" or "apple":
                    AddCatalogEntry(
                        Providers,
                        "identity-" + login.Value,
                        EgressPurpose.Identity,
                        Prov(login.Location),
                        login.Location.Span,
                        what
                    );
                    break;
                case "openid":
                    if (TryEnv("OPENID_ISSUER", out var issuer))
                    {
                        if (EnvUrl("OPENID_ISSUER", issuer, login.Location.Span, what) is { } parts)
                        {
                            AddHost(
                                parts.Host,
                                parts.EffectivePort,
                                EgressPurpose.Identity,
                                [Prov(login.Location), EnvProvenance("OPENID_ISSUER")],
                                login.Location.Span,
                                what
                            );
                        }
                    }
                    else
                    {
                        _diagnostics.Add(
                            DiagnosticBuilder
                                .At(login.Location.Span)
                                .EnvOnlyDestination(
                                    what,
                                    "the identity provider's host",
                                    ["OPENID_ISSUER"]
                                )
                        );
                    }
                    break;
                case "saml":
                    // api/strategies/samlStrategy.js: the IdP is a browser redirect and SAML_CERT is read locally, so the
                    // pod calls no IdP host; the same finding as a SAML login registered from the environment.
                    _diagnostics.Add(
                        DiagnosticBuilder.At(login.Location.Span).SamlBrowserOnly(what)
                    );
                    break;
            }
        }
    }

    private const string GitHubEnterprise = "GITHUB_ENTERPRISE_BASE_URL";

    private void AddActions()
    {
        foreach (var domain in _config.ActionsAllowedDomains)
        {
            var port =
                Net.UrlParts.TryParse(
                    domain.Value.Replace("*.", "x.", StringComparison.Ordinal)
                )?.EffectivePort
                ?? 443;
            AddPattern(
                domain.Value,
                port,
                EgressPurpose.Actions,
                [Prov(domain.Location)],
                domain.Location.Span,
                "actions.allowedDomains",
                fromCatalogue: false
            );
        }
        foreach (var domain in _config.McpAllowedDomains)
        {
            if (domain.Value.Trim() is "*" or "*." or "**")
            {
                _diagnostics.Add(
                    DiagnosticBuilder
                        .At(domain.Location.Span)
                        .BareWildcard("mcpSettings.allowedDomains", domain.Value.Trim())
                );
            }
        }
    }

    private void AddConfigPath()
    {
        if (
            TryEnv("CONFIG_PATH", out var path)
            && (
                path.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
                || path.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            )
            && Net.UrlParts.TryParseUrl(path, out _) is { } parts
        )
        {
            AddHost(
                parts.Host,
                parts.EffectivePort,
                EgressPurpose.Config,
                [EnvProvenance("CONFIG_PATH")],
                SettingsSpan,
                "CONFIG_PATH (librechat.yaml fetched at start-up)"
            );
        }
    }

    private void AddExtraDestinations()
    {
        foreach (var extra in _settings.ExtraDestinations)
        {
            var what = $"extraDestinations '{extra.Host}'";
            if (extra.Port is < 1 or > 65535)
            {
                _diagnostics.Add(
                    DiagnosticBuilder
                        .At(SettingsSpan)
                        .InvalidHostPattern(
                            what,
                            HostPatternFault.PortOutOfRange,
                            extra.Host,
                            extra.Port
                        )
                );
                continue;
            }
            AddPattern(
                extra.Host,
                extra.Port,
                EgressPurpose.Extra,
                [new SettingProvenance("extraDestinations", extra.Reason, extra.At)],
                SettingsSpan,
                what,
                fromCatalogue: false
            );
        }
    }
}
