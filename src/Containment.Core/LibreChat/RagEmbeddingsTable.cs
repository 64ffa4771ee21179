namespace Containment.Core.LibreChat;

/// <summary>
/// One embeddings provider of the RAG API: chosen by <c>EMBEDDINGS_PROVIDER</c> (default <c>openai</c>), its host from
/// <paramref name="UrlVariable"/> when set, else <paramref name="DefaultHosts"/> (none: the host is unknown without the
/// variable, or the default is in-cluster).
/// </summary>
public sealed record RagEmbeddingsProvider(
    string Provider,
    IReadOnlyList<string> UrlVariables,
    IReadOnlyList<string> DefaultUrls,
    string Source
);

/// <summary>
/// Whom the RAG API calls for embeddings (issue 12 item 10). Read from danny-avila/rag_api app/config.py
/// (<c>init_embeddings</c>, <c>EMBEDDINGS_PROVIDER = get_env_variable("EMBEDDINGS_PROVIDER", "openai")</c>).
/// </summary>
public static class RagEmbeddingsTable
{
    public const string ProviderVariable = "EMBEDDINGS_PROVIDER";
    public const string DefaultProvider = "openai";

    /// <summary>LibreChat sets this to reach the RAG API; when set, the RAG API runs (api/server/services/Files/VectorDB).</summary>
    public const string PresenceVariable = "RAG_API_URL";

    private const string Config = "danny-avila/rag_api app/config.py";

    public static IReadOnlyList<RagEmbeddingsProvider> All { get; } =
    [
        new(
            "openai",
            ["RAG_OPENAI_BASEURL"],
            ["https://api.openai.com/v1"],
            Config + " (OpenAIEmbeddings openai_api_base=RAG_OPENAI_BASEURL)"
        ),
        new(
            "azure",
            ["RAG_AZURE_OPENAI_ENDPOINT", "AZURE_OPENAI_ENDPOINT"],
            [],
            Config
                + " (AzureOpenAIEmbeddings azure_endpoint=RAG_AZURE_OPENAI_ENDPOINT, default AZURE_OPENAI_ENDPOINT)"
        ),
        new(
            "huggingface",
            [],
            ["https://huggingface.co", "https://cdn-lfs.huggingface.co"],
            Config + " (HuggingFaceEmbeddings downloads the model from the Hub)"
        ),
        new(
            "huggingfacetei",
            ["EMBEDDINGS_MODEL"],
            ["http://huggingfacetei:3000"],
            Config
                + " (HuggingFaceEndpointEmbeddings model=EMBEDDINGS_MODEL, default http://huggingfacetei:3000, in-cluster)"
        ),
        new(
            "ollama",
            ["OLLAMA_BASE_URL"],
            ["http://ollama:11434"],
            Config
                + " (OllamaEmbeddings base_url=OLLAMA_BASE_URL, default http://ollama:11434, in-cluster)"
        ),
        new(
            "google_genai",
            [],
            ["https://generativelanguage.googleapis.com"],
            Config + " (GoogleGenerativeAIEmbeddings)"
        ),
        new(
            "bedrock",
            [],
            ["https://bedrock-runtime.{region}.amazonaws.com"],
            Config + " (BedrockEmbeddings region_name=AWS_DEFAULT_REGION, default us-east-1)"
        ),
    ];

    /// <summary>rag_api's <c>AWS_DEFAULT_REGION</c> default for Bedrock embeddings.</summary>
    public const string DefaultBedrockRegion = "us-east-1";

    public static RagEmbeddingsProvider? Find(string? provider) =>
        All.FirstOrDefault(p =>
            string.Equals(
                p.Provider,
                (provider ?? DefaultProvider).Trim(),
                StringComparison.OrdinalIgnoreCase
            )
        );
}
