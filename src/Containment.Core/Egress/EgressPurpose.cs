namespace Containment.Core.Egress;

/// <summary>Why LibreChat (or a node) calls a destination. Decides the WebGroup it lands in.</summary>
public enum EgressPurpose
{
    LlmProvider,
    Mcp,
    WebSearch,
    Speech,
    Ocr,
    FileStorage,
    Identity,
    Actions,
    Config,
    Extra,
    Registry,
    InCluster,

    /// <summary>The RAG API's embeddings provider (from the RAG API pods).</summary>
    Embeddings,

    /// <summary>A data store outside the cluster (MongoDB Atlas, a managed Redis), reached from the LibreChat pods.</summary>
    DataStore,
}

public static class EgressPurposeNames
{
    /// <summary>The kebab-case name used in plan output.</summary>
    public static string ToWire(this EgressPurpose purpose) =>
        purpose switch
        {
            EgressPurpose.LlmProvider => "llm-provider",
            EgressPurpose.Mcp => "mcp",
            EgressPurpose.WebSearch => "web-search",
            EgressPurpose.Speech => "speech",
            EgressPurpose.Ocr => "ocr",
            EgressPurpose.FileStorage => "file-storage",
            EgressPurpose.Identity => "identity",
            EgressPurpose.Actions => "actions",
            EgressPurpose.Config => "config",
            EgressPurpose.Extra => "extra",
            EgressPurpose.Registry => "registry",
            EgressPurpose.Embeddings => "embeddings",
            EgressPurpose.DataStore => "data-store",
            _ => "in-cluster",
        };
}
