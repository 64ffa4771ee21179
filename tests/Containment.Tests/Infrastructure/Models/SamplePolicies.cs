using Containment.Core.Model;
using Containment.Core.Policy;
using static Containment.Tests.Infrastructure.Models.SampleParts;

namespace Containment.Tests.Infrastructure.Models;

/// <summary>
/// Policy models built by hand, shaped like what the policy builder produces, so the target writers can be tested
/// before (and independently of) the reader and the builder. Hosts and ids are illustrative, not from real configs.
/// </summary>
public static class SamplePolicies
{
    public const string Namespace = SampleParts.Namespace;
    public const string AwsClusterId = "arn:aws:eks:us-east-1:111122223333:cluster/chat";

    public static IReadOnlyList<string> Cases { get; } =
    ["monitor-upstream", "azure-openai-mcp", "obot", "enforce-decryption-9.0"];

    public static PolicyModel ByName(string name) =>
        name switch
        {
            "monitor-upstream" => MonitorUpstream(),
            "azure-openai-mcp" => AzureOpenAiMcp(),
            "obot" => Obot(),
            "enforce-decryption-9.0" => EnforceDecryption90(),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown sample policy"),
        };

    /// <summary>The upstream example: several providers and MCP servers, monitor mode, AWS registries looked up at deploy time.</summary>
    public static PolicyModel MonitorUpstream()
    {
        var groups = StandardGroups(AwsClusterId);
        return EmptyPolicy(
            "dev",
            EnforcementMode.Monitor,
            CloudProvider.Aws,
            new Version(8, 2)
        ) with
        {
            SmartGroups = groups,
            WebGroups =
            [
                Web(
                    "app-services",
                    "app-service",
                    Host("api.search.brave.com", Config("webSearch.braveApiKey", 88, 3))
                ),
                Web(
                    "llm-providers",
                    "llm-provider",
                    Host("api.anthropic.com", Config("endpoints.anthropic", 20, 3)),
                    Host("api.groq.com", Config("endpoints.custom[0].baseURL", 31, 14)),
                    Host("api.mistral.ai", Config("endpoints.custom[1].baseURL", 40, 14)),
                    Host("api.openai.com", Config("endpoints.openAI", 12, 3)),
                    Host("openrouter.ai", Config("endpoints.custom[2].baseURL", 49, 14))
                ),
                Web(
                    "mcp-deepwiki",
                    "mcp",
                    Host("mcp.deepwiki.com", Config("mcpServers.deepwiki.url", 70, 10))
                ),
                Web(
                    "mcp-github",
                    "mcp",
                    Host("api.githubcopilot.com", Config("mcpServers.github.url", 75, 10))
                ),
                Web(
                    "registries",
                    "registry",
                    Host(
                        "{aws.accountId}.dkr.ecr.{aws.region}.amazonaws.com",
                        FromCatalog("ecr-private")
                    ),
                    Host("api.ecr.{aws.region}.amazonaws.com", FromCatalog("ecr-api")),
                    Host("auth.docker.io", FromCatalog("docker-hub")),
                    Host("production.cloudfront.docker.com", FromCatalog("docker-hub")),
                    Host("registry-1.docker.io", FromCatalog("docker-hub"))
                ),
            ],
            Rules = StandardRules(
                EnforcementMode.Monitor,
                decrypt: false,
                ["mcp-deepwiki", "mcp-github"],
                appServices: true
            ),
            Lookups =
            [
                new DeployTimeLookup(
                    "{aws.accountId}",
                    "AWS account id of the cluster (sts get-caller-identity)"
                ),
                new DeployTimeLookup("{aws.region}", "AWS region of the cluster"),
            ],
        };
    }

    /// <summary>Azure OpenAI plus MCP servers (one on port 8443), enforce mode, an ACR name only known at deploy time.</summary>
    public static PolicyModel AzureOpenAiMcp()
    {
        var clusterId =
            "/subscriptions/00000000-0000-0000-0000-000000000000/resourcegroups/rg-chat/providers/microsoft.containerservice/managedclusters/aks-chat";
        var rules = StandardRules(
                EnforcementMode.Enforce,
                decrypt: false,
                ["mcp-tools"],
                appServices: false
            )
            .Select(r =>
                r.Name == "permit-mcp-tools"
                    ? r with
                    {
                        Ports = [new PortRange(443), new PortRange(8443)],
                    }
                    : r
            )
            .ToList();
        return EmptyPolicy(
            "prod",
            EnforcementMode.Enforce,
            CloudProvider.Azure,
            new Version(8, 2)
        ) with
        {
            SmartGroups = StandardGroups(clusterId),
            WebGroups =
            [
                Web(
                    "llm-providers",
                    "llm-provider",
                    Host(
                        "chat-eastus.openai.azure.com",
                        Config("endpoints.azureOpenAI.groups[0].instanceName", 15, 23)
                    ),
                    Host(
                        "chat-westeurope.openai.azure.com",
                        Config("endpoints.azureOpenAI.groups[1].instanceName", 28, 23)
                    )
                ),
                Web(
                    "mcp-tools",
                    "mcp",
                    Host("mcp.example.org", Config("mcpServers.tools.url", 60, 10)),
                    Host("tools.example.net", [Config("mcpServers.search.url", 66, 10)], [8443])
                ),
                Web(
                    "registries",
                    "registry",
                    Host("*.data.mcr.microsoft.com", FromCatalog("mcr")),
                    Host("mcr.microsoft.com", FromCatalog("mcr")),
                    Host("{azure.registryName}.azurecr.io", FromCatalog("acr")),
                    Host("{azure.registryName}.westeurope.data.azurecr.io", FromCatalog("acr"))
                ),
            ],
            Rules = rules,
            Lookups =
            [
                new DeployTimeLookup("{azure.registryName}", "Azure Container Registry name"),
            ],
        };
    }

    /// <summary>MCP through the Obot gateway (mcpPlatform: obot): one MCP WebGroup for the gateway, GCP registries.</summary>
    public static PolicyModel Obot() =>
        EmptyPolicy("dev", EnforcementMode.Monitor, CloudProvider.Gcp, new Version(8, 2)) with
        {
            SmartGroups = StandardGroups(
                "projects/chat-project/locations/us-central1/clusters/chat"
            ),
            WebGroups =
            [
                Web(
                    "llm-providers",
                    "llm-provider",
                    Host("api.openai.com", Config("endpoints.openAI", 12, 3)),
                    Host("generativelanguage.googleapis.com", Config("endpoints.google", 14, 3))
                ),
                Web(
                    "mcp-obot",
                    "mcp",
                    Host("obot.example.com", new SettingProvenance("mcpPlatform", "obotEndpoint"))
                ),
                Web(
                    "registries",
                    "registry",
                    Host("gcr.io", FromCatalog("gcr")),
                    Host("{gcp.region}-docker.pkg.dev", FromCatalog("artifact-registry"))
                ),
            ],
            Rules = StandardRules(
                EnforcementMode.Monitor,
                decrypt: false,
                ["mcp-obot"],
                appServices: false
            ),
            Lookups = [new DeployTimeLookup("{gcp.region}", "GCP region of the cluster")],
        };

    /// <summary>Enforce mode with decryption on permits, controller 9.0: the CA reaches LibreChat through a ConfigMap.</summary>
    public static PolicyModel EnforceDecryption90() =>
        EmptyPolicy("prod", EnforcementMode.Enforce, CloudProvider.Aws, new Version(9, 0)) with
        {
            Decryption = DecryptionMode.Permits,
            AgentGuard = true,
            SmartGroups = StandardGroups(AwsClusterId),
            WebGroups =
            [
                Web(
                    "llm-providers",
                    "llm-provider",
                    Host("api.anthropic.com", Config("endpoints.anthropic", 20, 3)),
                    Host("api.openai.com", Config("endpoints.openAI", 12, 3))
                ),
                Web(
                    "mcp-github",
                    "mcp",
                    Host("api.githubcopilot.com", Config("mcpServers.github.url", 75, 10))
                ),
                Web(
                    "registries",
                    "registry",
                    Host(
                        "111122223333.dkr.ecr.us-east-1.amazonaws.com",
                        FromCatalog("ecr-private")
                    ),
                    Host("api.ecr.us-east-1.amazonaws.com", FromCatalog("ecr-api")),
                    Host(
                        "prod-us-east-1-starport-layer-bucket.s3.us-east-1.amazonaws.com",
                        FromCatalog("ecr-layers")
                    )
                ),
            ],
            Rules = StandardRules(
                EnforcementMode.Enforce,
                decrypt: true,
                ["mcp-github"],
                appServices: false
            ),
            DecryptionCa = MitmCa("aviatrix-dcf-ca"),
        };

    private static List<SmartGroup> StandardGroups(string clusterId) =>
        [
            new(
                "librechat-datastores",
                SmartGroupRole.DataStores,
                [
                    K8s(clusterId, "meilisearch"),
                    K8s(clusterId, "mongodb"),
                    K8s(clusterId, "librechat-rag-api"),
                    K8s(clusterId, "postgresql"),
                ]
            ),
            new(
                "librechat-nodes",
                SmartGroupRole.Nodes,
                [new SmartGroupSelector("k8s_node", clusterId, null, Labels())]
            ),
            new("librechat-pods", SmartGroupRole.Pods, [K8s(clusterId, "librechat")]),
        ];

    private static List<PolicyRule> StandardRules(
        EnforcementMode mode,
        bool decrypt,
        IReadOnlyList<string> mcpGroups,
        bool appServices
    )
    {
        var watch = mode == EnforcementMode.Monitor;
        var permitDecrypt = decrypt ? DecryptPolicy.Allowed : DecryptPolicy.Unspecified;
        var rules = new List<PolicyRule>
        {
            Rule(
                "permit-datastores-in-cluster",
                100,
                RuleAction.Permit,
                "librechat-pods",
                "librechat-datastores",
                [],
                watch,
                DecryptPolicy.Unspecified,
                "LibreChat pods reach MongoDB, Meilisearch, the vector DB and the RAG API in the cluster.",
                [
                    new PortRange(5432),
                    new PortRange(7700),
                    new PortRange(8000),
                    new PortRange(27017),
                ]
            ),
            Rule(
                "permit-llm-providers",
                110,
                RuleAction.Permit,
                "librechat-pods",
                PredefinedGroups.PublicInternet,
                ["llm-providers"],
                watch,
                permitDecrypt,
                "LibreChat pods call the configured LLM providers."
            ),
        };
        var priority = 120;
        foreach (var mcp in mcpGroups)
        {
            rules.Add(
                Rule(
                    $"permit-{mcp}",
                    priority,
                    RuleAction.Permit,
                    "librechat-pods",
                    PredefinedGroups.PublicInternet,
                    [mcp],
                    watch,
                    permitDecrypt,
                    $"LibreChat pods call the MCP server of WebGroup {mcp}."
                )
            );
            priority += 10;
        }

        if (appServices)
        {
            rules.Add(
                Rule(
                    "permit-app-services",
                    priority,
                    RuleAction.Permit,
                    "librechat-pods",
                    PredefinedGroups.PublicInternet,
                    ["app-services"],
                    watch,
                    permitDecrypt,
                    "LibreChat pods call web search, speech and OCR services."
                )
            );
            priority += 10;
        }

        rules.Add(
            Rule(
                "permit-registries",
                priority,
                RuleAction.Permit,
                "librechat-nodes",
                PredefinedGroups.PublicInternet,
                ["registries"],
                watch,
                permitDecrypt,
                "Cluster nodes pull the chart's images."
            )
        );
        rules.Add(
            Rule(
                "deny-datastores-internet",
                900,
                RuleAction.Deny,
                "librechat-datastores",
                PredefinedGroups.PublicInternet,
                [],
                watch,
                DecryptPolicy.NotAllowed,
                "Data stores never reach the internet.",
                [],
                RuleProtocol.Any
            )
        );
        rules.Add(
            Rule(
                "deny-pods-default",
                1000,
                RuleAction.Deny,
                "librechat-pods",
                PredefinedGroups.PublicInternet,
                [],
                watch,
                DecryptPolicy.NotAllowed,
                "Default deny: anything else LibreChat pods send to the internet.",
                [],
                RuleProtocol.Any
            )
        );
        return rules;
    }

    private static PolicyRule Rule(
        string name,
        int priority,
        RuleAction action,
        string source,
        string destination,
        IReadOnlyList<string> webGroups,
        bool watch,
        DecryptPolicy decrypt,
        string description,
        IReadOnlyList<PortRange>? ports = null,
        RuleProtocol protocol = RuleProtocol.Tcp
    ) =>
        new()
        {
            Name = name,
            Priority = priority,
            Action = action,
            Sources = [source],
            Destinations = [destination],
            WebGroups = webGroups,
            Protocol = protocol,
            Ports = ports ?? [new PortRange(443)],
            Watch = watch,
            Logging = true,
            Decrypt = decrypt,
            Description = description,
        };

    private static SmartGroupSelector K8s(string clusterId, string appName) =>
        new("k8s", clusterId, Namespace, Labels(("app.kubernetes.io/name", appName)));

    private static WebGroup Web(string name, string purpose, params WebGroupHost[] hosts) =>
        new(name, purpose, [.. hosts.OrderBy(h => h.Host, StringComparer.Ordinal)]);

    private static ConfigProvenance Config(string path, int line, int column) =>
        new("infra/librechat.yaml", path, line, column);
}
