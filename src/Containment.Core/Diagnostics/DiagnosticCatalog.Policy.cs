using Containment.Core.Model;
using static System.FormattableString;

namespace Containment.Core.Diagnostics;

/// <summary>CT3xxx: egress inventory, catalogues and policy model.</summary>
public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticDescriptor BareWildcard = new(
        "CT3001",
        Severity.Error,
        "Bare '*' host",
        "A bare '*' matches every host name and opens all egress. Name the exact hosts, or a leading '*.domain' wildcard."
    );

    public static readonly DiagnosticDescriptor InvalidHostPattern = new(
        "CT3002",
        Severity.Error,
        "Host is not an exact name or a leading '*.' wildcard",
        "Write an exact host (api.example.com) or a leading wildcard (*.example.com) over a registrable domain."
    );

    public static readonly DiagnosticDescriptor UnresolvedHost = new(
        "CT3003",
        Severity.Error,
        "Host depends on an unset ${VAR}",
        "Give the variable a non-secret value under 'env' in the stack settings (or --env-file), or write the host literally."
    );

    public static readonly DiagnosticDescriptor UsersCreateMcpServers = new(
        "CT3005",
        Severity.Warning,
        "Users may add MCP servers at run time",
        "Set 'interface.mcpServers.create: false' in librechat.yaml, or allow the expected hosts with 'extraDestinations'."
    );

    public static readonly DiagnosticDescriptor RuntimeActions = new(
        "CT3006",
        Severity.Warning,
        "Agent actions call hosts defined at run time",
        "List the action hosts under 'actions.allowedDomains' in librechat.yaml (they become allowed) or under 'extraDestinations'."
    );

    public static readonly DiagnosticDescriptor StdioSharesPodIdentity = new(
        "CT3007",
        Severity.Warning,
        "stdio MCP server runs inside the LibreChat pod",
        "A stdio server shares LibreChat's pod identity, so its egress cannot be contained separately. Move it to its own pod and reach it over streamable-http to give it its own SmartGroup."
    );

    public static readonly DiagnosticDescriptor StdioUnknownDownloads = new(
        "CT3008",
        Severity.Warning,
        "stdio MCP command's egress is unknown",
        "Only npx/uvx/pip launchers map to a known package registry. List what this server downloads or calls under 'extraDestinations'."
    );

    public static readonly DiagnosticDescriptor InClusterDestination = new(
        "CT3009",
        Severity.Info,
        "In-cluster destination",
        "The host is reached inside the cluster or the pod, so it is never put in an internet WebGroup."
    );

    public static readonly DiagnosticDescriptor PublicIpDestination = new(
        "CT3010",
        Severity.Warning,
        "Public IP literal cannot go into a WebGroup",
        "WebGroups match TLS SNI names, not IPs. Give the service a DNS name, or allow the address with a CIDR SmartGroup outside Containment."
    );

    public static readonly DiagnosticDescriptor NoHost = new(
        "CT3011",
        Severity.Error,
        "Destination has no host",
        "Give the entry a URL with a host (for MCP servers: 'url', or 'command' and 'args' for stdio)."
    );

    public static readonly DiagnosticDescriptor DecryptionNeedsController90 = new(
        "CT3012",
        Severity.Error,
        "Decryption needs Aviatrix Controller 9.0",
        "Upgrade the Aviatrix Controller to 9.0 or later and set 'controllerVersion: \"9.0\"', or set 'decryption: off'."
    );

    public static readonly DiagnosticDescriptor AgentGuardNeedsDecryption = new(
        "CT3013",
        Severity.Error,
        "AgentGuard needs decryption",
        "AgentGuard inspects decrypted traffic: set 'decryption: permits' (controller 9.0+), or set 'agentGuard: off'."
    );

    public static readonly DiagnosticDescriptor AgentGuardRoadmap = new(
        "CT3014",
        Severity.Info,
        "AgentGuard is a roadmap setting",
        "AgentGuard is validated and reported, but it changes no rule until the controller ships it."
    );

    public static readonly DiagnosticDescriptor NoCloudProvider = new(
        "CT3015",
        Severity.Warning,
        "No cloudProvider: registries hold only the chart's public images",
        "Set 'cloudProvider' (aws, azure or gcp) so the nodes may pull from the cloud's own registry."
    );

    public static readonly DiagnosticDescriptor InvalidClusterId = new(
        "CT3016",
        Severity.Error,
        "Cluster id the Aviatrix API would refuse",
        "Use the EKS cluster ARN, the AKS resource id in lower case, or another id without spaces or control characters."
    );

    public static readonly DiagnosticDescriptor InvalidNamespace = new(
        "CT3017",
        Severity.Error,
        "Namespace is not a DNS-1123 label",
        "Kubernetes and Aviatrix take lower-case letters, digits and '-', starting and ending with a letter or digit, at most 63 characters."
    );

    public static readonly DiagnosticDescriptor InvalidLabel = new(
        "CT3018",
        Severity.Error,
        "Pod label Kubernetes would refuse",
        "Label keys are '[prefix/]name' (name: at most 63 of [A-Za-z0-9-_.], alphanumeric at both ends; prefix: a DNS-1123 subdomain); values follow the name rule or are empty."
    );

    public static readonly DiagnosticDescriptor ObotWithoutEndpoint = new(
        "CT3019",
        Severity.Error,
        "mcpPlatform obot without obotEndpoint",
        "Set 'obotEndpoint' to the Obot gateway URL, or set 'mcpPlatform: none'."
    );

    public static readonly DiagnosticDescriptor InvalidObotEndpoint = new(
        "CT3020",
        Severity.Error,
        "obotEndpoint is not a URL or host",
        "Write the Obot gateway as https://host[:port] or a bare host name."
    );

    public static readonly DiagnosticDescriptor UnknownCatalogOverride = new(
        "CT3021",
        Severity.Error,
        "catalogOverrides names no catalogue entry",
        "Use an entry id such as 'docker-hub' or 'registries/aws-ecr', or 'registries' for the whole registry catalogue."
    );

    public static readonly DiagnosticDescriptor CatalogOverrideRemovesNothing = new(
        "CT3022",
        Severity.Warning,
        "catalogOverrides removes a host that is not there",
        "Check the spelling against 'containment plan' output; the host must match the catalogue exactly."
    );

    public static readonly DiagnosticDescriptor DeployTimeLookup = new(
        "CT3023",
        Severity.Info,
        "Registry host resolved at deploy time",
        "The host holds a lookup token the deployment resolves (a Pulumi invoke). Pin it under 'registry' in the stack settings to see the exact host in plans. An error in enforce mode, where the deploying credentials must not choose the allowed registry."
    );

    public static readonly DiagnosticDescriptor NoClusterId = new(
        "CT3024",
        Severity.Warning,
        "No cluster id: SmartGroups match every cluster",
        "Set 'cluster.id' (the EKS ARN, AKS resource id or the id you registered with Aviatrix) so the SmartGroups select only this cluster. An error in enforce mode."
    );

    public static readonly DiagnosticDescriptor InvalidDataStore = new(
        "CT3025",
        Severity.Error,
        "Data store the Aviatrix API would refuse",
        "Each data store needs a DNS-1123 name, at least one valid label and a port between 1 and 65535."
    );

    public static readonly DiagnosticDescriptor EnvOnlyDestination = new(
        "CT3026",
        Severity.Warning,
        "Destination comes only from environment variables",
        "Give the named variable a value under 'env' in the stack settings, or list the host under 'extraDestinations'."
    );

    public static readonly DiagnosticDescriptor McpOAuthDiscovery = new(
        "CT3027",
        Severity.Warning,
        "MCP OAuth endpoints are discovered at run time",
        "Write the server's 'oauth.authorization_url' and 'oauth.token_url' so their hosts are allowed, or list them under 'extraDestinations'."
    );

    public static readonly DiagnosticDescriptor ObotRoutesMcp = new(
        "CT3028",
        Severity.Info,
        "MCP servers reached through Obot",
        "With 'mcpPlatform: obot' LibreChat's only MCP destination is the Obot gateway; Obot contains the servers' own egress."
    );

    public static readonly DiagnosticDescriptor InvalidUrl = new(
        "CT3029",
        Severity.Error,
        "URL has no usable host",
        "Write a URL such as https://api.example.com/v1."
    );

    public static readonly DiagnosticDescriptor NodesDefaultDeny = new(
        "CT3030",
        Severity.Info,
        "Node egress is default-deny except registries",
        "Nodes may reach only the registries WebGroup. If nodes also need the cloud's control-plane APIs over the internet, use private endpoints or add a rule outside Containment's ruleset."
    );

    public static readonly DiagnosticDescriptor McpNameSanitised = new(
        "CT3031",
        Severity.Info,
        "MCP server name changed to fit a WebGroup name",
        "WebGroup names are DNS-1123 labels; the server's name was lower-cased and cleaned, with a stable hash when it had to change otherwise."
    );

    public static readonly DiagnosticDescriptor MidLabelWildcardFromCatalogue = new(
        "CT3032",
        Severity.Info,
        "Vendor-forced mid-label wildcard",
        "This catalogue host uses a wildcard inside a label because the vendor's host is per tenant; it is kept as the vendor documents it."
    );

    public static readonly DiagnosticDescriptor ControllerTooOld = new(
        "CT3033",
        Severity.Error,
        "Controller older than 8.2",
        "Containment writes a DCF ruleset on an attachment point, which needs Aviatrix Controller 8.2 or later; upgrade the controller and set 'controllerVersion'."
    );

    public static readonly DiagnosticDescriptor NonWebPort = new(
        "CT3034",
        Severity.Warning,
        "WebGroup host on a port WebGroups do not inspect",
        "Aviatrix WebGroups match SNI or Host headers on ports 80, 443, 8080 and 8443; traffic on other ports never matches a WebGroup. Use a standard port or a CIDR/FQDN SmartGroup outside Containment."
    );
}

// Messages for the CT3xxx policy and stack-settings checks. Settings values named here are names, labels and
// versions from the stack file; URLs are not echoed, since a URL may carry credentials.
public sealed partial class DiagnosticBuilder
{
    public Diagnostic BareWildcard(string what, string pattern) =>
        Make(
            DiagnosticCatalog.BareWildcard,
            $"{what}: '{pattern}' would allow every host and open all egress; name the hosts instead."
        );

    /// <param name="pattern">The host or pattern as written; unused for <see cref="HostPatternFault.PortOutOfRange"/>.</param>
    /// <param name="port">The port; used only for <see cref="HostPatternFault.PortOutOfRange"/>.</param>
    public Diagnostic InvalidHostPattern(
        string what,
        HostPatternFault fault,
        string pattern,
        int port
    ) =>
        Make(
            DiagnosticCatalog.InvalidHostPattern,
            fault switch
            {
                HostPatternFault.TooBroad =>
                    $"{what}: '{pattern}' covers a whole top-level domain; name a registrable domain (*.example.com) or exact hosts.",
                HostPatternFault.MidLabelWildcard =>
                    $"{what}: '{pattern}' has a '*' inside a label; only a leading '*.' is accepted.",
                HostPatternFault.PortOutOfRange => Invariant(
                    $"{what}: port {port} is outside 1-65535."
                ),
                _ => $"{what}: '{pattern}' is not a valid host name.",
            }
        );

    /// <param name="holder">What needs the value: "the host 'api.${REGION}.example.com'", "'instanceName'", "the embeddings host".</param>
    /// <param name="variables">The unset variables' names when known; empty when the holder shows its own ${VAR}.</param>
    public Diagnostic UnresolvedHost(
        string what,
        string holder,
        IReadOnlyCollection<string> variables
    ) =>
        Make(
            DiagnosticCatalog.UnresolvedHost,
            $"{what}: {holder} "
                + (
                    variables.Count == 0
                        ? "uses an unset ${VAR}"
                        : $"needs {string.Join(" or ", variables)}, which is unset"
                )
                + ", so the host is unknown; set it under 'env' in the stack settings or in --env-file."
        );

    /// <param name="why">What lets users add servers ("interface.mcpServers.create is true").</param>
    public Diagnostic UsersCreateMcpServers(string why) =>
        Make(
            DiagnosticCatalog.UsersCreateMcpServers,
            $"{why}: users can add remote MCP servers at run time, which this policy denies; set interface.mcpServers.create: false, or allow their hosts with 'extraDestinations'."
        );

    public Diagnostic RuntimeActions() =>
        Make(
            DiagnosticCatalog.RuntimeActions,
            "agent actions call OpenAPI servers users define at run time and the policy denies them; list the intended hosts under actions.allowedDomains or 'extraDestinations'."
        );

    public Diagnostic StdioSharesPodIdentity(string what, string launcher) =>
        Make(
            DiagnosticCatalog.StdioSharesPodIdentity,
            $"{what} runs '{launcher}' inside the LibreChat pod: it shares LibreChat's pod identity and cannot be contained separately unless moved to its own pod."
        );

    /// <param name="script">The command is a shell script in which no launcher was found, rather than an unknown launcher.</param>
    public Diagnostic StdioUnknownDownloads(string what, string launcher, bool script) =>
        Make(
            DiagnosticCatalog.StdioUnknownDownloads,
            (
                script
                    ? $"{what}: the '{launcher}' script could not be read (no npx/uvx/pip launcher found in it)"
                    : $"{what}: '{launcher}' is not a launcher with a known package registry"
            ) + "; list what it downloads or calls under 'extraDestinations'."
        );

    /// <param name="kind">What the name is: "loopback (inside the pod or node)", "a private address", "an in-cluster name".</param>
    /// <param name="pattern">The value is a wildcard pattern whose suffix is not on the internet.</param>
    public Diagnostic InClusterDestination(string what, string host, string kind, bool pattern) =>
        Make(
            DiagnosticCatalog.InClusterDestination,
            pattern
                ? $"{what}: '{host}' covers names that are not on the internet ({kind}); it stays out of every WebGroup."
                : $"{what}: '{host}' is {kind}; it is not internet egress and stays out of every WebGroup."
        );

    public Diagnostic PublicIpDestination(string what, string host) =>
        Make(
            DiagnosticCatalog.PublicIpDestination,
            $"{what}: '{host}' is a public IP address, which a WebGroup cannot hold; traffic to it is denied."
        );

    /// <param name="missing">The field that would name the host ("'url'", "'command'", "'instanceName' or 'baseURL'").</param>
    public Diagnostic NoHost(string what, string missing) =>
        Make(DiagnosticCatalog.NoHost, $"{what} has no {missing}, so it names no host to allow.");

    public Diagnostic NoCloudProvider() =>
        Make(
            DiagnosticCatalog.NoCloudProvider,
            "cloudProvider is not set: the registries WebGroup holds only the LibreChat chart's public images."
        );

    public Diagnostic DeployTimeLookup(string token, string description) =>
        Make(DiagnosticCatalog.DeployTimeLookup, $"registry hosts use {token}: {description}.");

    /// <param name="source">What names the host ("the storage host", "the region").</param>
    /// <param name="variables">The variables (or settings) it comes from, names only.</param>
    public Diagnostic EnvOnlyDestination(
        string what,
        string source,
        IEnumerable<string> variables
    ) =>
        Make(
            DiagnosticCatalog.EnvOnlyDestination,
            $"{what}: {source} would come from {string.Join(" or ", variables)}; none is given, so set one under 'env' in the stack settings or in --env-file, or list the host under 'extraDestinations' (or remove the setting if unused)."
        );

    public Diagnostic McpOAuthDiscovery(string what) =>
        Make(
            DiagnosticCatalog.McpOAuthDiscovery,
            $"{what} requires OAuth but names no 'oauth' URLs; LibreChat discovers the authorization server at run time and the policy will deny it."
        );

    public Diagnostic ObotRoutesMcp(string server) =>
        Make(
            DiagnosticCatalog.ObotRoutesMcp,
            $"mcpServers.{server} is reached through the Obot gateway (mcpPlatform: obot); no WebGroup of its own."
        );

    /// <param name="subject">What holds the URL: "the value", a variable's name. Never the value: it may hold a secret.</param>
    /// <param name="bareHostExpected">LibreChat wants host[:port] there and the value is a URL.</param>
    public Diagnostic InvalidUrl(string what, string subject, bool bareHostExpected) =>
        Make(
            DiagnosticCatalog.InvalidUrl,
            bareHostExpected
                ? $"{what}: {subject} holds a URL, but LibreChat expects a bare host there and prefixes https:// itself; write host[:port]."
                : $"{what}: {subject} is not a URL with a host Node's URL parser accepts."
        );

    public Diagnostic MidLabelWildcardFromCatalogue(string what, string host) =>
        Make(
            DiagnosticCatalog.MidLabelWildcardFromCatalogue,
            $"{what}: '{host}' keeps the vendor's mid-label wildcard."
        );

    public Diagnostic ObotWithoutEndpoint() =>
        Make(
            DiagnosticCatalog.ObotWithoutEndpoint,
            "mcpPlatform is 'obot' but obotEndpoint is not set; set obotEndpoint to the Obot gateway URL."
        );

    public Diagnostic InvalidObotEndpoint() =>
        Make(DiagnosticCatalog.InvalidObotEndpoint, "obotEndpoint is not a URL or host name.");

    public Diagnostic ControllerTooOld(Version controllerVersion) =>
        Make(
            DiagnosticCatalog.ControllerTooOld,
            $"controllerVersion {controllerVersion} has no DCF rulesets; upgrade the Aviatrix Controller to 8.2 or later."
        );

    public Diagnostic DecryptionNeedsController90(Version controllerVersion) =>
        Make(
            DiagnosticCatalog.DecryptionNeedsController90,
            $"decryption 'permits' needs Aviatrix Controller 9.0 or later (this stack says {controllerVersion}); upgrade the controller to 9.0 and set controllerVersion: \"9.0\", or set decryption: off."
        );

    public Diagnostic AgentGuardNeedsDecryption() =>
        Make(
            DiagnosticCatalog.AgentGuardNeedsDecryption,
            "agentGuard is 'on' but decryption is 'off'; AgentGuard needs decryption: permits (controller 9.0+)."
        );

    public Diagnostic AgentGuardRoadmap() =>
        Make(
            DiagnosticCatalog.AgentGuardRoadmap,
            "agentGuard 'on' is a roadmap setting: it is validated and reported, but changes nothing yet."
        );

    public Diagnostic NoClusterId() =>
        Make(
            DiagnosticCatalog.NoClusterId,
            "cluster.id is not set: the SmartGroups match pods and nodes in every cluster Aviatrix knows."
        );

    /// <param name="problem">What is wrong with the id's shape ("must be printable ASCII ..."); never the id itself.</param>
    public Diagnostic InvalidClusterId(string problem) =>
        Make(DiagnosticCatalog.InvalidClusterId, $"cluster.id {problem}.");

    public Diagnostic InvalidNamespace(string clusterNamespace) =>
        Make(
            DiagnosticCatalog.InvalidNamespace,
            $"cluster.namespace '{clusterNamespace}' is not a DNS-1123 label (lower-case letters, digits and '-', at most 63 characters)."
        );

    /// <param name="owner">The setting that holds the labels: "cluster.podLabels", "cluster.dataStores 'redis' labels".</param>
    /// <param name="key">The label key at fault; unused for <see cref="LabelProblem.Empty"/>.</param>
    public Diagnostic InvalidLabel(string owner, LabelProblem problem, string key) =>
        Make(
            DiagnosticCatalog.InvalidLabel,
            problem switch
            {
                LabelProblem.Empty =>
                    $"{owner} is empty: the SmartGroup would select every pod in the namespace; give LibreChat's pod labels.",
                LabelProblem.Key => $"{owner}: '{key}' is not a valid label key.",
                _ => $"{owner}: the value of '{key}' is not a valid label value.",
            }
        );

    public Diagnostic InvalidDataStore(string store, DataStoreProblem problem, int port) =>
        Make(
            DiagnosticCatalog.InvalidDataStore,
            problem switch
            {
                DataStoreProblem.Name =>
                    $"cluster.dataStores '{store}': the name must be a unique DNS-1123 label.",
                DataStoreProblem.Port => Invariant(
                    $"cluster.dataStores '{store}': port {port} is outside 1-65535."
                ),
                _ =>
                    $"cluster.dataStores '{store}': no labels, so it would select every pod in the namespace.",
            }
        );

    public Diagnostic NodesDefaultDeny() =>
        Make(
            DiagnosticCatalog.NodesDefaultDeny,
            "enforce mode: librechat-nodes may reach only the registries WebGroup on the internet; other node egress is denied by deny-nodes-internet."
        );

    public Diagnostic McpNameSanitised(string server, string webGroup) =>
        Make(
            DiagnosticCatalog.McpNameSanitised,
            $"MCP server '{server}' gets WebGroup '{webGroup}'."
        );

    public Diagnostic NonWebPort(string host, string webGroup, int port) =>
        Make(
            DiagnosticCatalog.NonWebPort,
            Invariant(
                $"'{host}' in WebGroup '{webGroup}' is reached on port {port}, where WebGroups never match; the permit cannot take effect for it."
            )
        );

    public Diagnostic UnknownCatalogOverride(string catalog, IEnumerable<string> known) =>
        Make(
            DiagnosticCatalog.UnknownCatalogOverride,
            $"catalogOverrides: '{catalog}' is not a catalogue entry; use one of: {string.Join(", ", known)}."
        );

    public Diagnostic CatalogOverrideRemovesNothing(string host, string catalog) =>
        Make(
            DiagnosticCatalog.CatalogOverrideRemovesNothing,
            $"catalogOverrides: '{host}' is not in '{catalog}', so removing it changes nothing."
        );
}

/// <summary>What is wrong with a label set, for <see cref="DiagnosticBuilder.InvalidLabel"/>.</summary>
public enum LabelProblem
{
    Empty,
    Key,
    Value,
}

/// <summary>What is wrong with a cluster.dataStores entry, for <see cref="DiagnosticBuilder.InvalidDataStore"/>.</summary>
public enum DataStoreProblem
{
    Name,
    Port,
    NoLabels,
}

/// <summary>What is wrong with a host or pattern, for <see cref="DiagnosticBuilder.InvalidHostPattern"/>.</summary>
public enum HostPatternFault
{
    NotAHostName,
    TooBroad,
    MidLabelWildcard,
    PortOutOfRange,
}
