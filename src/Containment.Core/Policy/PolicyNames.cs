using Containment.Core.Model;

namespace Containment.Core.Policy;

/// <summary>Stable names of groups and rules. The Aviatrix provider keys rule identity by name, so these never change.</summary>
public static class PolicyNames
{
    public const string PodsGroup = "librechat-pods";
    public const string DataStoresGroup = "librechat-data-stores";
    public const string NodesGroup = "librechat-nodes";
    public const string RagApiGroup = "librechat-rag-api";

    public const string LlmProvidersWebGroup = "llm-providers";
    public const string AppServicesWebGroup = "app-services";
    public const string RegistriesWebGroup = "registries";
    public const string RagEmbeddingsWebGroup = "rag-embeddings";

    public const string PermitDataStores = "permit-pods-to-data-stores";
    public const string PermitAppServices = "permit-app-services";
    public const string PermitRegistries = "permit-registries";
    public const string DenyDataStoresInternet = "deny-data-stores-internet";
    public const string DenyNodesInternet = "deny-nodes-internet";
    public const string DenyPodsDefault = "deny-pods-default";
    public const string PermitRagApiToDataStores = "permit-rag-api-to-data-stores";
    public const string DenyRagApiDefault = "deny-rag-api-default";

    public static string PermitFor(string webGroup) => "permit-" + webGroup;

    public static string GroupOf(SmartGroupRole role) =>
        role switch
        {
            SmartGroupRole.Pods => PodsGroup,
            SmartGroupRole.DataStores => DataStoresGroup,
            SmartGroupRole.RagApi => RagApiGroup,
            _ => NodesGroup,
        };
}
