using Containment.Core.Model;
using Containment.Core.Policy;
using static Containment.Tests.Infrastructure.Models.SampleParts;

namespace Containment.Tests.Infrastructure.Models;

/// <summary>
/// Policy models built in C#, shaped like the policy builder's output (ARCHITECTURE.md rule order:
/// in-cluster permits, LLM providers, one permit per MCP server, app services, registries, data-store deny,
/// pods deny). Small on purpose; no real config is copied.
/// </summary>
internal static class SamplePulumiPolicies
{
    public const string EksArn = "arn:aws:eks:eu-west-1:111122223333:cluster/chat";

    public static PolicyModel Dev() => Aws(EnforcementMode.Monitor, decryption: false);

    public static PolicyModel Prod() => Aws(EnforcementMode.Enforce, decryption: true);

    public static PolicyModel Aws(EnforcementMode mode, bool decryption)
    {
        var stack = mode == EnforcementMode.Monitor ? "dev" : "prod";
        return Model(
            stack,
            mode,
            CloudProvider.Aws,
            decryption,
            [
                Host("{aws.accountId}.dkr.ecr.{aws.region}.amazonaws.com", FromCatalog("aws-ecr")),
                Host("api.ecr.{aws.region}.amazonaws.com", FromCatalog("aws-ecr")),
                Host(
                    "prod-{aws.region}-starport-layer-bucket.s3.{aws.region}.amazonaws.com",
                    FromCatalog("aws-ecr")
                ),
                Host("registry-1.docker.io", FromCatalog("docker-hub")),
            ],
            [
                new DeployTimeLookup("{aws.accountId}", "AWS account id"),
                new DeployTimeLookup("{aws.region}", "AWS region"),
            ]
        );
    }

    public static PolicyModel Azure() =>
        Model(
            "azure",
            EnforcementMode.Monitor,
            CloudProvider.Azure,
            decryption: false,
            [
                Host("{azure.registryName}.azurecr.io", FromCatalog("azure-acr")),
                Host(
                    "{azure.registryName}.{azure.region}.data.azurecr.io",
                    FromCatalog("azure-acr")
                ),
                Host("mcr.microsoft.com", FromCatalog("mcr")),
            ],
            [
                new DeployTimeLookup("{azure.region}", "ACR region"),
                new DeployTimeLookup("{azure.registryName}", "ACR name"),
            ]
        );

    public static PolicyModel Gcp() =>
        Model(
            "gcp",
            EnforcementMode.Monitor,
            CloudProvider.Gcp,
            decryption: false,
            [Host("{gcp.location}-docker.pkg.dev", FromCatalog("gcp-artifact-registry"))],
            [new DeployTimeLookup("{gcp.location}", "Artifact Registry location")]
        );

    public static PolicyModel NoCloud() =>
        Model(
            "plain",
            EnforcementMode.Monitor,
            CloudProvider.None,
            decryption: false,
            [Host("registry-1.docker.io", FromCatalog("docker-hub"))],
            []
        );

    private static PolicyModel Model(
        string stack,
        EnforcementMode mode,
        CloudProvider cloud,
        bool decryption,
        IReadOnlyList<WebGroupHost> registryHosts,
        IReadOnlyList<DeployTimeLookup> lookups
    )
    {
        var monitor = mode == EnforcementMode.Monitor;
        var webDecrypt = decryption ? DecryptPolicy.Allowed : DecryptPolicy.Unspecified;
        var denyDecrypt = decryption ? DecryptPolicy.NotAllowed : DecryptPolicy.Unspecified;
        string[] pods = ["librechat-pods"];
        string[] internet = [PredefinedGroups.PublicInternet];

        PolicyRule Permit(
            string name,
            int priority,
            string webGroup,
            string why,
            string[]? from = null
        ) =>
            new()
            {
                Name = name,
                Priority = priority,
                Action = RuleAction.Permit,
                Sources = from ?? pods,
                Destinations = internet,
                WebGroups = [webGroup],
                Protocol = RuleProtocol.Tcp,
                Ports = [new PortRange(443)],
                Watch = monitor,
                Logging = monitor,
                Decrypt = webDecrypt,
                Description = why,
            };

        return EmptyPolicy(
            stack,
            mode,
            cloud,
            decryption ? new Version(9, 0) : new Version(8, 2)
        ) with
        {
            Decryption = decryption ? DecryptionMode.Permits : DecryptionMode.Off,
            SmartGroups =
            [
                new SmartGroup(
                    "data-stores",
                    SmartGroupRole.DataStores,
                    [
                        Selector("k8s", Labels(("app.kubernetes.io/name", "mongodb"))),
                        Selector("k8s", Labels(("app.kubernetes.io/name", "meilisearch"))),
                    ]
                ),
                new SmartGroup(
                    "librechat-nodes",
                    SmartGroupRole.Nodes,
                    [new SmartGroupSelector("k8s_node", EksArn, null, Labels())]
                ),
                new SmartGroup(
                    "librechat-pods",
                    SmartGroupRole.Pods,
                    [
                        Selector(
                            "k8s",
                            Labels(
                                ("app.kubernetes.io/name", "librechat"),
                                ("app.kubernetes.io/instance", "chat")
                            )
                        ),
                    ]
                ),
            ],
            WebGroups =
            [
                new WebGroup(
                    "app-services",
                    "app-service",
                    [
                        Host(
                            "api.search.brave.com",
                            new ConfigProvenance("librechat.yaml", "webSearch", 40, 3)
                        ),
                    ]
                ),
                new WebGroup(
                    "llm-providers",
                    "llm-provider",
                    [
                        Host(
                            "api.openai.com",
                            new ConfigProvenance("librechat.yaml", "endpoints.openAI", 12, 3)
                        ),
                        Host(
                            "api.anthropic.com",
                            new ConfigProvenance("librechat.yaml", "endpoints.anthropic", 18, 3)
                        ),
                        Host(
                            "*.openai.azure.com",
                            new ConfigProvenance("librechat.yaml", "endpoints.azureOpenAI", 22, 3)
                        ),
                    ]
                ),
                new WebGroup(
                    "mcp-github",
                    "mcp",
                    [
                        Host(
                            "api.githubcopilot.com",
                            new ConfigProvenance("librechat.yaml", "mcpServers.github.url", 30, 10)
                        ),
                    ]
                ),
                new WebGroup("registries", "registry", registryHosts),
            ],
            Rules =
            [
                new PolicyRule
                {
                    Name = "permit-pods-to-data-stores",
                    Priority = 100,
                    Action = RuleAction.Permit,
                    Sources = pods,
                    Destinations = ["data-stores"],
                    Protocol = RuleProtocol.Tcp,
                    Ports = [new PortRange(7700), new PortRange(27017)],
                    Watch = monitor,
                    Logging = monitor,
                    Decrypt = DecryptPolicy.Unspecified,
                    Description = "LibreChat reads and writes its data stores.",
                },
                Permit(
                    "permit-llm-providers",
                    110,
                    "llm-providers",
                    "LLM endpoints in librechat.yaml."
                ),
                Permit("permit-mcp-github", 120, "mcp-github", "MCP server github."),
                Permit("permit-app-services", 130, "app-services", "Web search."),
                Permit(
                    "permit-registries",
                    140,
                    "registries",
                    "Image pulls by the nodes.",
                    ["librechat-nodes"]
                ),
                new PolicyRule
                {
                    Name = "deny-data-stores-internet",
                    Priority = 150,
                    Action = RuleAction.Deny,
                    Sources = ["data-stores"],
                    Destinations = internet,
                    Protocol = RuleProtocol.Any,
                    Watch = monitor,
                    Logging = true,
                    Decrypt = denyDecrypt,
                    Description = "Data stores never reach the internet.",
                },
                new PolicyRule
                {
                    Name = "deny-pods-default",
                    Priority = 160,
                    Action = RuleAction.Deny,
                    Sources = pods,
                    Destinations = [PredefinedGroups.Anywhere],
                    Protocol = RuleProtocol.Any,
                    Watch = monitor,
                    Logging = true,
                    Decrypt = denyDecrypt,
                    Description = "Default deny for LibreChat pods.",
                },
            ],
            DecryptionCa = decryption ? MitmCa("containment-decryption-ca") : null,
            Lookups = lookups,
        };
    }

    private static SmartGroupSelector Selector(
        string type,
        IReadOnlyDictionary<string, string> labels
    ) => new(type, EksArn, "librechat", labels);
}
