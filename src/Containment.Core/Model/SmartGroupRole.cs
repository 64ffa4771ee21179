namespace Containment.Core.Model;

/// <summary>What a SmartGroup stands for; the workload roles reports, baselines and targets all name.</summary>
public enum SmartGroupRole
{
    /// <summary>The LibreChat API pods (the egress source for providers, MCP, app services).</summary>
    Pods,

    /// <summary>MongoDB, Meilisearch, vector DB, Redis: no internet, in-cluster paths only.</summary>
    DataStores,

    /// <summary>Cluster nodes (kubelet image pulls).</summary>
    Nodes,

    /// <summary>The RAG API pods: they call their embeddings provider, so they are not a data store (issue 12 item 10).</summary>
    RagApi,
}
