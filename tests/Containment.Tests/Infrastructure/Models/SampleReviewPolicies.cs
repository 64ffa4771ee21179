using Containment.Core.Diagnostics;
using Containment.Core.Model;
using Containment.Core.Policy;
using static Containment.Tests.Infrastructure.Models.SampleParts;

namespace Containment.Tests.Infrastructure.Models;

/// <summary>
/// Small hand-built policies for the review tests, shaped like the policy builder's output (rule order and
/// names from ARCHITECTURE.md). Each case is the base policy with one edit, as a pull request would make it.
/// </summary>
internal static class SampleReviewPolicies
{
    public const string ConfigFile = "infra/librechat.yaml";

    public static readonly DiagnosticDescriptor SyntaxError = new(
        "CT1001",
        Severity.Error,
        "YAML syntax error",
        "Fix the YAML syntax at the position shown."
    );
    public static readonly DiagnosticDescriptor PlainHttp = new(
        "CT2010",
        Severity.Warning,
        "Endpoint uses plain HTTP",
        "Use an https:// URL: plain HTTP cannot be matched by SNI."
    );
    public static readonly DiagnosticDescriptor RuntimeEgress = new(
        "CT2020",
        Severity.Warning,
        "Runtime-only egress",
        "Declare the destination in extraDestinations or disable the feature."
    );

    public static ConfigProvenance Line(int line, string path, int column = 14) =>
        new(ConfigFile, path, line, column);

    /// <summary>A host with no ports of its own (the review reports do not print them).</summary>
    public static WebGroupHost Host(string host, params Provenance[] sources) =>
        SampleParts.Host(host, sources, []);

    public static PolicyRule Permit(
        string name,
        int priority,
        string source,
        string webGroup,
        bool watch = true
    ) =>
        new()
        {
            Name = name,
            Priority = priority,
            Action = RuleAction.Permit,
            Sources = [source],
            Destinations = [PredefinedGroups.PublicInternet],
            WebGroups = [webGroup],
            Protocol = RuleProtocol.Tcp,
            Ports = [new PortRange(443)],
            Watch = watch,
            Logging = true,
            Decrypt = DecryptPolicy.Unspecified,
            Description = $"LibreChat may reach the {webGroup} hosts.",
        };

    public static PolicyRule Deny(string name, int priority, string source, bool watch = true) =>
        new()
        {
            Name = name,
            Priority = priority,
            Action = RuleAction.Deny,
            Sources = [source],
            Destinations = [PredefinedGroups.PublicInternet],
            Protocol = RuleProtocol.Any,
            Watch = watch,
            Logging = true,
            Decrypt = DecryptPolicy.NotAllowed,
            Description = "Default deny.",
        };

    public static readonly WebGroup LlmProviders = new(
        "llm-providers",
        "llm-provider",
        [
            Host("api.anthropic.com", Line(9, "endpoints.anthropic", 3)),
            Host("api.groq.com", Line(18, "endpoints.custom[0].baseURL")),
            Host("api.openai.com", Line(7, "endpoints.openAI", 3)),
        ]
    );

    public static readonly WebGroup AwsRegistries = new(
        "registries",
        "registry",
        [
            Host("api.ecr.{aws.region}.amazonaws.com", FromCatalog("aws-ecr")),
            Host("ghcr.io", FromCatalog("librechat-images")),
            Host("{aws.accountId}.dkr.ecr.{aws.region}.amazonaws.com", FromCatalog("aws-ecr")),
        ]
    );

    public static readonly WebGroup AzureRegistries = new(
        "registries",
        "registry",
        [
            Host("ghcr.io", FromCatalog("librechat-images")),
            Host("{azure.registryName}.azurecr.io", FromCatalog("azure-acr")),
        ]
    );

    /// <summary>The dev stack: monitor mode, AWS, two SmartGroups of pods and data stores, LLM providers and registries.</summary>
    public static PolicyModel Base() =>
        EmptyPolicy("dev", EnforcementMode.Monitor, CloudProvider.Aws, new Version(8, 2)) with
        {
            SmartGroups =
            [
                new(
                    "librechat-data-stores",
                    SmartGroupRole.DataStores,
                    [Selector("app.kubernetes.io/name", "mongodb")]
                ),
                new(
                    "librechat-nodes",
                    SmartGroupRole.Nodes,
                    [new SmartGroupSelector("k8s_node", "eks-dev", null, Labels())]
                ),
                new(
                    "librechat-pods",
                    SmartGroupRole.Pods,
                    [Selector("app.kubernetes.io/name", "librechat")]
                ),
            ],
            WebGroups = [LlmProviders, AwsRegistries],
            Rules =
            [
                Permit("permit-llm-providers", 110, "librechat-pods", "llm-providers"),
                Permit("permit-registries", 150, "librechat-nodes", "registries"),
                Deny("deny-data-stores-internet", 200, "librechat-data-stores"),
                Deny("deny-pods-internet", 210, "librechat-pods"),
            ],
        };

    public static SmartGroupSelector Selector(string key, string value) =>
        new("k8s", "eks-dev", Namespace, Labels((key, value)));

    public static PolicyModel WithHosts(
        this PolicyModel model,
        string webGroup,
        Func<IReadOnlyList<WebGroupHost>, IEnumerable<WebGroupHost>> edit
    ) =>
        model with
        {
            WebGroups =
            [
                .. model.WebGroups.Select(g =>
                    g.Name == webGroup
                        ? g with
                        {
                            Hosts = [.. edit(g.Hosts).OrderBy(h => h.Host, StringComparer.Ordinal)],
                        }
                        : g
                ),
            ],
        };

    public static PolicyModel WithRules(
        this PolicyModel model,
        Func<PolicyRule, PolicyRule> edit
    ) => model with { Rules = [.. model.Rules.Select(edit)] };

    public static Diagnostic Warning(DiagnosticDescriptor descriptor, int line, string message) =>
        new(descriptor, descriptor.DefaultSeverity, message, new SourceSpan(ConfigFile, line, 14));
}
