using Containment.Core.LibreChat.Schema;

namespace Containment.Core.LibreChat;

/// <summary>
/// Keys LibreChat's zod schema knows, per object, read from the embedded schema
/// (LibreChat/Schema/librechat-config.schema.json, generated from the pinned librechat-data-provider by
/// tools/librechat-schema; <see cref="LibreChatSchema.DataProviderVersion"/>). Nested objects are not strict in
/// LibreChat, so a key outside these sets is dropped there; the reader says so with an info diagnostic.
/// </summary>
internal static class LibreChatSchemaKeys
{
    private const string Each = SchemaKeys.Items;
    private const string Values = SchemaKeys.Values;

    public static IReadOnlySet<string> Endpoints { get; } = SchemaKeys.At("endpoints");
    public static IReadOnlySet<string> OpenAI { get; } = SchemaKeys.At("endpoints", "openAI");
    public static IReadOnlySet<string> Google { get; } = SchemaKeys.At("endpoints", "google");
    public static IReadOnlySet<string> Anthropic { get; } = SchemaKeys.At("endpoints", "anthropic");
    public static IReadOnlySet<string> Assistants { get; } =
        SchemaKeys.At("endpoints", "assistants");
    public static IReadOnlySet<string> AzureAssistants { get; } =
        SchemaKeys.At("endpoints", "azureAssistants");
    public static IReadOnlySet<string> Agents { get; } = SchemaKeys.At("endpoints", "agents");
    public static IReadOnlySet<string> Bedrock { get; } = SchemaKeys.At("endpoints", "bedrock");
    public static IReadOnlySet<string> AzureOpenAI { get; } =
        SchemaKeys.At("endpoints", "azureOpenAI");
    public static IReadOnlySet<string> AzureGroup { get; } =
        SchemaKeys.At("endpoints", "azureOpenAI", "groups", Each);
    public static IReadOnlySet<string> Custom { get; } = SchemaKeys.At("endpoints", "custom", Each);
    public static IReadOnlySet<string> Vertex { get; } =
        SchemaKeys.At("endpoints", "anthropic", "vertex");

    // MCPOptionsSchema is a union: stdio, websocket, sse, streamable-http (in that order).
    public static IReadOnlySet<string> McpStdio { get; } = Mcp(0);
    public static IReadOnlySet<string> McpWebSocket { get; } = Mcp(1);
    public static IReadOnlySet<string> McpHttp { get; } =
        new HashSet<string>([.. Mcp(2), .. Mcp(3)], StringComparer.Ordinal);

    public static IReadOnlySet<string> WebSearch { get; } = SchemaKeys.At("webSearch");
    public static IReadOnlySet<string> Ocr { get; } = SchemaKeys.At("ocr");
    public static IReadOnlySet<string> Speech { get; } = SchemaKeys.At("speech");
    public static IReadOnlySet<string> Tts { get; } = SchemaKeys.At("speech", "tts");
    public static IReadOnlySet<string> Stt { get; } = SchemaKeys.At("speech", "stt");
    public static IReadOnlySet<string> Actions { get; } = SchemaKeys.At("actions");
    public static IReadOnlySet<string> McpSettings { get; } = SchemaKeys.At("mcpSettings");
    public static IReadOnlySet<string> Registration { get; } = SchemaKeys.At("registration");
    public static IReadOnlySet<string> Memory { get; } = SchemaKeys.At("memory");

    // What a key means is not in the schema: these say which known keys name an endpoint, a URL or a key.

    /// <summary>Fields that name another endpoint (title, activity and reasoning-label calls go there).</summary>
    public static readonly string[] EndpointReferenceFields =
    [
        "titleEndpoint",
        "activityEndpoint",
        "activityPhaseEndpoint",
        "reasoningLabelEndpoint",
    ];

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

    private static IReadOnlySet<string> Mcp(int transport) =>
        SchemaKeys.At("mcpServers", Values, SchemaKeys.AnyOf + transport);
}
