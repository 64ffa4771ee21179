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

public sealed partial class DiagnosticBuilder
{
    /// <param name="variable">The provider variable's name; its value came from a hostile .env and is never shown.</param>
    public Diagnostic UnknownEmbeddingsProvider(string variable) =>
        Make(
            DiagnosticCatalog.UnknownEmbeddingsProvider,
            $"{variable} names no embeddings provider the RAG API knows; nothing is allowed for the RAG API."
        );

    /// <param name="name">The store variable's name (MONGO_URI); its value is a secret and never shown.</param>
    /// <param name="ports">The store's default port when its value is unknown here, else the ports of its hosts outside the cluster.</param>
    /// <param name="outside">The value is known and names hosts outside the cluster.</param>
    /// <param name="srv">The URI is mongodb+srv: the driver reaches the hosts its SRV record names.</param>
    public Diagnostic ExternalStoreFromSecret(string name, string ports, bool outside, bool srv) =>
        Make(
            DiagnosticCatalog.ExternalStoreFromSecret,
            outside
                ? $"{name} names a store outside the cluster, which LibreChat's pods reach over the internet; {name} is a secret, so its host is never used here: list {(srv ? "the hosts its SRV record names (a '*.' wildcard over the seed host's parent domain)" : "that host")} with port {ports} under 'extraDestinations'."
                : $"{name} is set from a Secret; if it names a store outside the cluster, list that host with port {ports} under 'extraDestinations'."
        );
}
