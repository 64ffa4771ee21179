namespace Containment.Core.Diagnostics;

/// <summary>CT318x: workloads besides the LibreChat pods (the RAG API) and data stores outside the cluster.</summary>
public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticDescriptor ExternalStoreFromSecret = new(
        "CT3180",
        Severity.Info,
        "Data store outside the cluster, address in a secret",
        "MONGO_URI and REDIS_URI carry passwords, so their hosts are never used or printed. If the store runs outside the cluster (MongoDB Atlas, a managed Redis), LibreChat's pods reach it over the internet on its own port: list its host and port under 'extraDestinations'."
    );

    public static readonly DiagnosticDescriptor UnknownEmbeddingsProvider = new(
        "CT3181",
        Severity.Warning,
        "Unknown RAG API embeddings provider",
        "EMBEDDINGS_PROVIDER is not one the RAG API knows (openai, azure, huggingface, huggingfacetei, ollama, google_genai, bedrock); the RAG API would not start and nothing is allowed for it."
    );
}
