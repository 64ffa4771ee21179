namespace Containment.Core.LibreChat;

/// <summary>
/// Keys LibreChat's zod schema knows, per object (librechat-data-provider 0.8.524, config 1.3.17). Nested
/// objects are not strict in LibreChat, so a key outside these lists is dropped there; the reader says so
/// with an info diagnostic.
/// </summary>
internal static class LibreChatSchemaKeys
{
    private static readonly string[] BaseEndpoint =
    [
        "streamRate",
        "baseURL",
        "headers",
        "titlePrompt",
        "titleModel",
        "titleConvo",
        "titleMethod",
        "titleEndpoint",
        "titlePromptTemplate",
        "titleTiming",
        "activityLabel",
        "activityModel",
        "activityEndpoint",
        "activityPrompt",
        "activityMaxPerRun",
        "activityCharLimit",
        "activityPhaseLabel",
        "activityPhaseModel",
        "activityPhaseEndpoint",
        "activityPhasePrompt",
        "activityPhaseMaxPerRun",
        "reasoningLabel",
        "reasoningLabelModel",
        "reasoningLabelEndpoint",
        "reasoningLabelPrompt",
        "reasoningLabelMinChars",
        "reasoningLabelUpdateChars",
        "reasoningLabelUpdateIntervalMs",
        "reasoningLabelMaxPerRun",
        "maxToolResultChars",
    ];

    /// <summary>Fields that name another endpoint (title, activity and reasoning-label calls go there).</summary>
    public static readonly string[] EndpointReferenceFields =
    [
        "titleEndpoint",
        "activityEndpoint",
        "activityPhaseEndpoint",
        "reasoningLabelEndpoint",
    ];

    public static IReadOnlySet<string> Endpoints { get; } =
        LibreChatReader.Keys(
            "allowedAddresses",
            "all",
            "openAI",
            "google",
            "anthropic",
            "azureOpenAI",
            "azureAssistants",
            "assistants",
            "agents",
            "custom",
            "bedrock"
        );

    public static IReadOnlySet<string> OpenAI { get; } = LibreChatReader.Keys(BaseEndpoint);
    public static IReadOnlySet<string> Google { get; } = OpenAI;
    public static IReadOnlySet<string> Anthropic { get; } =
        LibreChatReader.Keys([.. BaseEndpoint, "vertex", "models"]);

    public static IReadOnlySet<string> Assistants { get; } =
        LibreChatReader.Keys([
            .. BaseEndpoint,
            "disableBuilder",
            "pollIntervalMs",
            "timeoutMs",
            "version",
            "supportedIds",
            "excludedIds",
            "privateAssistants",
            "retrievalModels",
            "capabilities",
            "apiKey",
            "apiKeyPreview",
            "models",
        ]);

    public static IReadOnlySet<string> Agents { get; } =
        LibreChatReader.Keys([
            .. BaseEndpoint.Where(k => k != "baseURL"),
            "maxProviderErrorChars",
            "modelResponseBodyTimeoutMs",
            "modelResponseHeadersTimeoutMs",
            "recursionLimit",
            "disableBuilder",
            "repositoryInstructions",
            "maxRecursionLimit",
            "maxToolCallArgBytes",
            "maxDeltaEventsPerTurn",
            "maxToolCallArgBytesByTool",
            "maxRetainedToolCountChars",
            "maxCitations",
            "maxCitationsPerFile",
            "minRelevanceScore",
            "maxSubagents",
            "fileSharing",
            "codeApiUploadConcurrency",
            "codeApiMaxRetryWaitMs",
            "allowedProviders",
            "capabilities",
            "statefulCodeSessions",
            "eventDriven",
            "backgroundTasks",
            "skills",
            "managementApi",
            "remoteApi",
            "toolApproval",
            "askUserQuestion",
            "checkpointer",
        ]);

    public static IReadOnlySet<string> Bedrock { get; } =
        LibreChatReader.Keys([
            .. BaseEndpoint,
            "availableRegions",
            "models",
            "guardrailConfig",
            "inferenceProfiles",
        ]);

    public static IReadOnlySet<string> AzureOpenAI { get; } =
        LibreChatReader.Keys([
            .. BaseEndpoint.Where(k =>
                k is not ("baseURL" or "headers" or "titleEndpoint" or "maxToolResultChars")
            ),
            "groups",
            "assistants",
        ]);

    public static IReadOnlySet<string> AzureGroup { get; } =
        LibreChatReader.Keys(
            "group",
            "models",
            "apiKey",
            "serverless",
            "instanceName",
            "deploymentName",
            "assistants",
            "addParams",
            "dropParams",
            "version",
            "baseURL",
            "additionalHeaders"
        );

    public static IReadOnlySet<string> Custom { get; } =
        LibreChatReader.Keys([
            .. BaseEndpoint,
            "name",
            "apiKey",
            "apiKeyPreview",
            "models",
            "iconURL",
            "modelDisplayLabel",
            "provider",
            "addParams",
            "dropParams",
            "customParams",
            "directEndpoint",
            "titleMessageRole",
            "tokenConfig",
        ]);

    public static IReadOnlySet<string> Vertex { get; } =
        LibreChatReader.Keys(
            "enabled",
            "projectId",
            "region",
            "serviceKeyFile",
            "deploymentName",
            "models"
        );

    public static IReadOnlySet<string> McpStdio { get; } =
        LibreChatReader.Keys([
            .. McpBase(),
            "type",
            "obo",
            "command",
            "args",
            "env",
            "stderr",
            "cwd",
        ]);
    public static IReadOnlySet<string> McpWebSocket { get; } =
        LibreChatReader.Keys([.. McpBase(), "type", "obo", "url"]);
    public static IReadOnlySet<string> McpHttp { get; } =
        LibreChatReader.Keys([
            .. McpBase(),
            "type",
            "headers",
            "requestHeaders",
            "obo",
            "proxy",
            "url",
        ]);

    public static IReadOnlySet<string> WebSearch { get; } =
        LibreChatReader.Keys(
            "allowedAddresses",
            "serperApiKey",
            "serperApiKeyPreview",
            "searxngInstanceUrl",
            "searxngApiKey",
            "searxngApiKeyPreview",
            "firecrawlApiKey",
            "firecrawlApiKeyPreview",
            "firecrawlApiUrl",
            "firecrawlVersion",
            "tavilyApiKey",
            "tavilyApiKeyPreview",
            "tavilySearchUrl",
            "tavilyExtractUrl",
            "keenableApiKey",
            "keenableApiUrl",
            "jinaApiKey",
            "jinaApiKeyPreview",
            "jinaApiUrl",
            "cohereApiKey",
            "cohereApiKeyPreview",
            "searchProvider",
            "scraperProvider",
            "rerankerType",
            "scraperTimeout",
            "safeSearch",
            "firecrawlOptions",
            "searxngSearchOptions",
            "tavilySearchOptions",
            "tavilyScraperOptions",
            "keenableSearchOptions",
            "keenableScraperOptions"
        );

    public static IReadOnlySet<string> Ocr { get; } =
        LibreChatReader.Keys(
            "allowedAddresses",
            "mistralModel",
            "apiKey",
            "apiKeyPreview",
            "baseURL",
            "strategy"
        );
    public static IReadOnlySet<string> Speech { get; } =
        LibreChatReader.Keys("tts", "stt", "speechTab");
    public static IReadOnlySet<string> Tts { get; } =
        LibreChatReader.Keys("allowedAddresses", "openai", "azureOpenAI", "elevenlabs", "localai");
    public static IReadOnlySet<string> Stt { get; } =
        LibreChatReader.Keys("allowedAddresses", "openai", "azureOpenAI");
    public static IReadOnlySet<string> Actions { get; } =
        LibreChatReader.Keys("allowedDomains", "allowedAddresses");
    public static IReadOnlySet<string> McpSettings { get; } =
        LibreChatReader.Keys("allowedDomains", "allowedAddresses", "catalogRecovery");
    public static IReadOnlySet<string> Registration { get; } =
        LibreChatReader.Keys(
            "socialLogins",
            "allowedDomains",
            "oauthStateTtlMs",
            "openidDiscovery"
        );
    public static IReadOnlySet<string> Memory { get; } =
        LibreChatReader.Keys(
            "disabled",
            "validKeys",
            "tokenLimit",
            "charLimit",
            "maxInputTokens",
            "personalize",
            "messageWindowSize",
            "agent"
        );

    /// <summary>Fields of <c>mcpServers.*.oauth</c> that are URLs LibreChat calls.</summary>
    public static readonly string[] OAuthUrlFields =
    [
        "authorization_url",
        "token_url",
        "revocation_endpoint",
    ];

    /// <summary>webSearch URL fields (only the <c>${VAR}</c> form is read by LibreChat).</summary>
    public static readonly string[] WebSearchUrlFields =
    [
        "searxngInstanceUrl",
        "firecrawlApiUrl",
        "tavilySearchUrl",
        "tavilyExtractUrl",
        "keenableApiUrl",
        "jinaApiUrl",
    ];

    public static readonly string[] WebSearchKeyFields =
    [
        "serperApiKey",
        "searxngApiKey",
        "firecrawlApiKey",
        "tavilyApiKey",
        "keenableApiKey",
        "jinaApiKey",
        "cohereApiKey",
    ];

    private static string[] McpBase() =>
        [
            "title",
            "description",
            "startup",
            "iconPath",
            "timeout",
            "sseReadTimeout",
            "initTimeout",
            "oauthRefreshWaitTimeout",
            "oauthRefreshCoordination",
            "oauthPersistenceWaitTimeout",
            "chatMenu",
            "serverInstructions",
            "requiresOAuth",
            "oauth",
            "oauth_headers",
            "apiKey",
            "customUserVars",
            "deferLoading",
        ];
}
