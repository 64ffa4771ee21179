namespace Containment.Core.Diagnostics;

/// <summary>
/// CT2330-CT2339 and CT3210-CT3219: placeholders LibreChat fills after reading its environment (Azure
/// <c>${INSTANCE_NAME}</c>/<c>${DEPLOYMENT_NAME}</c>, MCP <c>{{var}}</c>), and the hosts pinned for them.
/// </summary>
public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticDescriptor AzureDeploymentInHost = new(
        "CT2330",
        Severity.Warning,
        "Azure deployment name decides the host",
        "LibreChat fills ${DEPLOYMENT_NAME} per model (or from the model name with AZURE_USE_MODEL_AS_DEPLOYMENT_NAME), and Azure deployment names may hold dots and underscores, so a host built from it is not one reviewed host. Nothing is allowed for it: put ${DEPLOYMENT_NAME} in the path, or list the gateway's hosts under 'extraDestinations'. A warning in monitor mode, an error in enforce mode."
    );

    public static readonly DiagnosticDescriptor AzureInstancePlaceholderEmpty = new(
        "CT2331",
        Severity.Warning,
        "Azure ${INSTANCE_NAME} without an instanceName",
        "The group's baseURL takes its host from ${INSTANCE_NAME}, which LibreChat fills from the group's 'instanceName' (an empty string when there is none), so the host is unknown. Give the group an 'instanceName'. A warning in monitor mode, an error in enforce mode."
    );

    public static readonly DiagnosticDescriptor UserVariableOutsideHost = new(
        "CT2332",
        Severity.Info,
        "Per-user placeholder outside the host",
        "A {{var}} (customUserVars, LIBRECHAT_USER_*, LIBRECHAT_BODY_*, LIBRECHAT_OPENID_*) in an MCP URL's path or query is filled per user when LibreChat connects; it does not change the host, which is allowed as written."
    );

    public static readonly DiagnosticDescriptor McpRunTimeHost = new(
        "CT3210",
        Severity.Warning,
        "MCP server host chosen per user at run time",
        "The MCP server's URL has a {{var}} in its host, which LibreChat fills per user when it connects, so no host can be allowed from librechat.yaml and the server is blocked once the stack enforces. Pin the hosts it may reach with the stack setting 'containment:mcpHosts: { <server>: [host, ...] }'. A warning in monitor mode, an error in enforce mode."
    );

    public static readonly DiagnosticDescriptor UnusedMcpHostPin = new(
        "CT3211",
        Severity.Warning,
        "mcpHosts entry not used",
        "'containment:mcpHosts' pins hosts only for an MCP server in librechat.yaml whose host is chosen at run time ({{var}} in its URL's host). Other entries are ignored: use 'extraDestinations' for hosts that are not an MCP server's."
    );
}

public sealed partial class DiagnosticBuilder
{
    /// <param name="placeholders">The per-user placeholders' names ("LIBRECHAT_USER_ID").</param>
    public Diagnostic McpRunTimeHost(
        string path,
        IEnumerable<string> placeholders,
        string server
    ) =>
        Make(
            DiagnosticCatalog.McpRunTimeHost,
            $"{path}: {UserPlaceholders(placeholders)} in the host is filled per user when LibreChat connects, so no host is allowed and the server is blocked once the stack enforces; pin its hosts with 'containment:mcpHosts: {{{server}: [host, ...]}}'."
        );

    public Diagnostic UnusedMcpHostPin(string server, bool obot) =>
        Make(
            DiagnosticCatalog.UnusedMcpHostPin,
            $"mcpHosts.{server}: no MCP server of that name in librechat.yaml has a per-user host{(obot ? " (mcpPlatform: obot routes every server through the gateway)" : "")}, so its hosts are not allowed."
        );

    public Diagnostic AzureDeploymentInHost(string path) =>
        Make(
            DiagnosticCatalog.AzureDeploymentInHost,
            $"{path}: ${{DEPLOYMENT_NAME}} is in the host, which LibreChat fills per model, so no host is allowed for it"
        );

    public Diagnostic AzureInstancePlaceholderEmpty(string path) =>
        Make(
            DiagnosticCatalog.AzureInstancePlaceholderEmpty,
            $"{path}: the host comes from ${{INSTANCE_NAME}}, but the group has no 'instanceName', so the host is unknown"
        );

    /// <param name="placeholders">The per-user placeholders' names.</param>
    public Diagnostic UserVariableOutsideHost(string path, IEnumerable<string> placeholders) =>
        Make(
            DiagnosticCatalog.UserVariableOutsideHost,
            $"{path}: {UserPlaceholders(placeholders)} is filled per user in the path or query; the host is known without it"
        );

    /// <summary>Per-user placeholders as LibreChat writes them: {{LIBRECHAT_USER_ID}}.</summary>
    private static string UserPlaceholders(IEnumerable<string> names) =>
        string.Join(", ", names.Distinct(StringComparer.Ordinal).Select(n => "{{" + n + "}}"));
}
