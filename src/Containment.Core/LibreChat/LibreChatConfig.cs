namespace Containment.Core.LibreChat;

/// <summary>
/// Everything in librechat.yaml that makes the LibreChat server (or a process it launches) open an
/// outbound connection, with provenance for every value. Secrets (API keys, tokens, header values,
/// OAuth client secrets) are never copied into this model: headers keep their names only.
/// </summary>
public sealed record LibreChatConfig
{
    public required string File { get; init; }
    public ConfigValue<string>? Version { get; init; }
    public EndpointsConfig Endpoints { get; init; } = new();
    public IReadOnlyList<McpServerConfig> McpServers { get; init; } = [];
    public IReadOnlyList<ConfigValue<string>> McpAllowedDomains { get; init; } = [];
    public WebSearchConfig? WebSearch { get; init; }
    public IReadOnlyList<SpeechProviderConfig> Speech { get; init; } = [];
    public OcrConfig? Ocr { get; init; }
    public MemoryConfig? Memory { get; init; }
    public FileStorageConfig FileStorage { get; init; } = new();
    public IReadOnlyList<ConfigValue<string>> ActionsAllowedDomains { get; init; } = [];
    public IReadOnlyList<ModelSpecConfig> ModelSpecs { get; init; } = [];
    public RegistrationConfig? Registration { get; init; }
    public ConfigValue<bool>? BalanceEnabled { get; init; }

    /// <summary><c>interface.mcpServers.create</c>: users may add remote MCP servers in the UI (LibreChat's default is true).</summary>
    public ConfigValue<bool>? UsersCanCreateMcpServers { get; init; }

    /// <summary>Values that decide a host but hold an unset variable; see <see cref="UnresolvedValue"/>.</summary>
    public IReadOnlyList<UnresolvedValue> Unresolved { get; init; } = [];
}

public sealed record EndpointsConfig
{
    /// <summary>openAI, anthropic, google, assistants, azureAssistants, agents (azureOpenAI and bedrock have their own records).</summary>
    public IReadOnlyList<BuiltInEndpointConfig> BuiltIns { get; init; } = [];
    public AzureOpenAIConfig? AzureOpenAI { get; init; }
    public BedrockConfig? Bedrock { get; init; }
    public IReadOnlyList<CustomEndpointConfig> Custom { get; init; } = [];

    /// <summary><c>endpoints.allowedAddresses</c>: SSRF exemptions for user-provided URLs (host:port), not an allow-list.</summary>
    public IReadOnlyList<ConfigValue<string>> AllowedAddresses { get; init; } = [];
}

public enum BuiltInEndpointKind
{
    OpenAI,
    Anthropic,
    Google,
    Assistants,
    AzureAssistants,
    Agents,
}

public sealed record BuiltInEndpointConfig
{
    public required BuiltInEndpointKind Kind { get; init; }

    /// <summary>The config key, e.g. <c>openAI</c>; Location points at the key.</summary>
    public required ConfigLocation Location { get; init; }

    /// <summary>Optional <c>baseURL</c>: in the schema, but no built-in initializer reads it (CT2311), so it stays text.</summary>
    public ConfigValue<string>? BaseUrl { get; init; }
    public IReadOnlyList<string> HeaderNames { get; init; } = [];

    /// <summary><c>titleEndpoint</c>, <c>activityEndpoint</c>, <c>reasoningLabelEndpoint</c>: cross-references to other endpoints.</summary>
    public IReadOnlyList<ConfigValue<string>> EndpointReferences { get; init; } = [];

    /// <summary>anthropic only: the Vertex AI block when present.</summary>
    public AnthropicVertexConfig? Vertex { get; init; }
}

public sealed record AnthropicVertexConfig
{
    public required ConfigLocation Location { get; init; }

    /// <summary>False only when <c>enabled: false</c> is written.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Region; LibreChat's default is <c>us-east5</c> (Location then points at the vertex block).</summary>
    public required ConfigValue<string> Region { get; init; }
}

public sealed record AzureOpenAIConfig
{
    public required ConfigLocation Location { get; init; }
    public IReadOnlyList<AzureGroupConfig> Groups { get; init; } = [];
}

public sealed record AzureGroupConfig
{
    /// <summary>Group label (never interpolated by LibreChat).</summary>
    public required ConfigValue<string> Name { get; init; }

    /// <summary>Interpolated instance name; the host is <c>{instanceName}.openai.azure.com</c> unless it already contains <c>.azure.com</c>.</summary>
    public ConfigValue<string>? InstanceName { get; init; }

    /// <summary>True when <see cref="InstanceName"/> still holds an unresolved <c>${VAR}</c>.</summary>
    public bool InstanceNameUnresolved { get; init; }
    public UrlValue? BaseUrl { get; init; }

    /// <summary>
    /// True when <see cref="BaseUrl"/>'s host holds <see cref="AzurePlaceholders.InstanceLabel"/> where the baseURL
    /// wrote <c>${INSTANCE_NAME}</c>: the host is that template filled with <see cref="InstanceName"/>.
    /// </summary>
    public bool BaseUrlHostFromInstance { get; init; }
    public bool Serverless { get; init; }
    public IReadOnlyList<ConfigValue<string>> Models { get; init; } = [];
    public IReadOnlyList<ConfigValue<string>> DeploymentNames { get; init; } = [];
}

public sealed record BedrockConfig
{
    public required ConfigLocation Location { get; init; }

    /// <summary><c>availableRegions</c>; empty means the region comes from env (<c>BEDROCK_AWS_DEFAULT_REGION</c>).</summary>
    public IReadOnlyList<ConfigValue<string>> Regions { get; init; } = [];

    /// <summary><c>baseURL</c>: in the schema, but bedrock/initialize.ts never reads it (BEDROCK_REVERSE_PROXY does that).</summary>
    public ConfigValue<string>? BaseUrl { get; init; }

    /// <summary><c>models</c>: model ids offered besides <c>BEDROCK_AWS_MODELS</c> (an <c>openai.*</c> id calls bedrock-mantle).</summary>
    public IReadOnlyList<ConfigValue<string>> Models { get; init; } = [];
}

public sealed record CustomEndpointConfig
{
    public required ConfigValue<string> Name { get; init; }

    /// <summary>Location of the list item (the <c>- name:</c> line).</summary>
    public required ConfigLocation Location { get; init; }
    public required UrlValue BaseUrl { get; init; }

    /// <summary><c>models.fetch: true</c>: LibreChat also calls <c>GET {baseURL}/models</c> (or <c>/api/tags</c> for names starting with "ollama").</summary>
    public bool FetchModels { get; init; }

    /// <summary><c>provider: anthropic</c> and similar.</summary>
    public string? Provider { get; init; }
    public bool ApiKeyIsUserProvided { get; init; }
    public IReadOnlyList<string> HeaderNames { get; init; } = [];
    public IReadOnlyList<ConfigValue<string>> EndpointReferences { get; init; } = [];
}

public enum McpTransport
{
    Stdio,
    Sse,
    StreamableHttp,
    WebSocket,
}

public sealed record McpServerConfig
{
    public required string Name { get; init; }
    public required ConfigLocation Location { get; init; }
    public required McpTransport Transport { get; init; }

    /// <summary>Remote transports: the server URL (interpolated at schema-parse time, as LibreChat does).</summary>
    public UrlValue? Url { get; init; }

    /// <summary>stdio: the command (<c>npx</c>, <c>uvx</c>, <c>python3</c>...), never interpolated by LibreChat.</summary>
    public ConfigValue<string>? Command { get; init; }

    /// <summary>stdio: the package the launcher downloads (<c>npx -y @scope/pkg</c>, <c>uvx pkg</c>), when recognisable.</summary>
    public ConfigValue<string>? Package { get; init; }

    /// <summary>For a shell wrapper (<c>sh -c "npx ..."</c>), the launcher its script runs; empty when the script names
    /// no known launcher; null when the command is not a shell.</summary>
    public string? ShellLauncher { get; init; }

    /// <summary>stdio: URLs found among the args (e.g. <c>mcp-remote https://host/sse</c>), reduced to host and port.</summary>
    public IReadOnlyList<UrlValue> ArgUrls { get; init; } = [];

    /// <summary>OAuth endpoints given in <c>oauth.*_url</c> / <c>revocation_endpoint</c>.</summary>
    public IReadOnlyList<UrlValue> OAuthUrls { get; init; } = [];
    public IReadOnlyList<string> HeaderNames { get; init; } = [];

    /// <summary><c>startup: false</c> servers are still reachable on demand, so they still need egress.</summary>
    public bool Startup { get; init; } = true;
    public bool RequiresOAuth { get; init; }
}

public sealed record WebSearchConfig
{
    public required ConfigLocation Location { get; init; }
    public ConfigValue<string>? SearchProvider { get; init; }
    public ConfigValue<string>? ScraperProvider { get; init; }
    public ConfigValue<string>? RerankerType { get; init; }

    /// <summary>URL fields (searxngInstanceUrl, firecrawlApiUrl, tavilySearchUrl, tavilyExtractUrl, keenableApiUrl, jinaApiUrl) keyed by field name.
    /// LibreChat reads only the <c>${VAR}</c> form there; the value is that variable's, resolved from the env settings.</summary>
    public IReadOnlyDictionary<string, UrlValue> Urls { get; init; } =
        new Dictionary<string, UrlValue>(StringComparer.Ordinal);

    /// <summary>API-key field names present (serperApiKey, jinaApiKey...): which services are configured. Values are never kept.</summary>
    public IReadOnlyList<ConfigValue<string>> KeyFields { get; init; } = [];
}

public sealed record SpeechProviderConfig
{
    /// <summary><c>tts</c> or <c>stt</c>.</summary>
    public required string Section { get; init; }

    /// <summary><c>openai</c>, <c>azureOpenAI</c>, <c>elevenlabs</c>, <c>localai</c>.</summary>
    public required string Provider { get; init; }
    public required ConfigLocation Location { get; init; }

    /// <summary>The <c>url</c> field, taken verbatim (LibreChat does not interpolate speech URLs).</summary>
    public UrlValue? Url { get; init; }
    public ConfigValue<string>? InstanceName { get; init; }
}

public sealed record OcrConfig
{
    public required ConfigLocation Location { get; init; }
    public ConfigValue<string>? Strategy { get; init; }
    public UrlValue? BaseUrl { get; init; }
}

public sealed record MemoryConfig
{
    public required ConfigLocation Location { get; init; }

    /// <summary><c>memory.agent.provider</c>: an endpoint name (cross-reference, no new host).</summary>
    public ConfigValue<string>? Provider { get; init; }
    public bool Disabled { get; init; }
}

public sealed record FileStorageConfig
{
    /// <summary>Every strategy named by <c>fileStrategy</c> and <c>fileStrategies.*</c> (local, s3, azure_blob, firebase, cloudfront).</summary>
    public IReadOnlyList<ConfigValue<string>> Strategies { get; init; } = [];
}

public sealed record ModelSpecConfig(ConfigValue<string> Name, ConfigValue<string>? Endpoint);

public sealed record RegistrationConfig
{
    public required ConfigLocation Location { get; init; }
    public IReadOnlyList<ConfigValue<string>> SocialLogins { get; init; } = [];
}
