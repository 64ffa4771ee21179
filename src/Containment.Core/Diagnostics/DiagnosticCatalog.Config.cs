namespace Containment.Core.Diagnostics;

/// <summary>CT2001-CT2099: LibreChat config semantics found while reading the typed model.</summary>
public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticDescriptor UnknownRootKey = new(
        "CT2001",
        Severity.Error,
        "Unknown top-level key",
        "LibreChat validates the root strictly and refuses to start on an unknown key. Fix the spelling or remove the key."
    );

    public static readonly DiagnosticDescriptor UnknownEndpointsKey = new(
        "CT2002",
        Severity.Error,
        "Unknown key under endpoints",
        "`endpoints` is strict in LibreChat: allowed keys are openAI, anthropic, google, azureOpenAI, assistants, azureAssistants, agents, bedrock, custom, all, allowedAddresses."
    );

    public static readonly DiagnosticDescriptor UnknownNestedKey = new(
        "CT2003",
        Severity.Info,
        "Unknown key ignored",
        "LibreChat silently drops unknown nested keys, so this setting has no effect. Check the spelling against the LibreChat docs."
    );

    public static readonly DiagnosticDescriptor VersionMissing = new(
        "CT2004",
        Severity.Error,
        "version is missing",
        "Add `version: \"1.3.1\"` (a quoted string) at the top of librechat.yaml; LibreChat requires it."
    );

    public static readonly DiagnosticDescriptor VersionNotString = new(
        "CT2005",
        Severity.Error,
        "version is not a string",
        "Quote the version (`version: \"1.0\"`): unquoted, YAML reads 1.0 as a number and LibreChat refuses it."
    );

    public static readonly DiagnosticDescriptor WrongType = new(
        "CT2006",
        Severity.Error,
        "Value has the wrong type",
        "LibreChat's schema expects another type here and refuses the file. Change the value to the expected type."
    );

    public static readonly DiagnosticDescriptor UrlWrongType = new(
        "CT2007",
        Severity.Error,
        "URL field is not a string",
        "Write the URL as a string, e.g. `baseURL: \"https://api.example.com/v1\"`."
    );

    public static readonly DiagnosticDescriptor UnresolvedVariable = new(
        "CT2008",
        Severity.Warning,
        "Unresolved variable in a URL",
        "Give the variable a value with --env-file or the stack's `env` setting, so the host is known; in enforce mode an unknown host is an error."
    );

    public static readonly DiagnosticDescriptor NonInternetUrl = new(
        "CT2009",
        Severity.Warning,
        "URL cannot be internet egress",
        "This host is local, private, in-cluster or an IP literal; it needs no internet permit. Use a public DNS name if it should leave the cluster."
    );

    public static readonly DiagnosticDescriptor UrlWithoutHost = new(
        "CT2010",
        Severity.Warning,
        "URL has no usable host",
        "Write a full URL such as `https://api.example.com/v1`; a value without a valid host cannot be turned into an egress rule."
    );

    public static readonly DiagnosticDescriptor RootNotMapping = new(
        "CT2011",
        Severity.Error,
        "Config is not a mapping",
        "librechat.yaml must be a mapping of keys (version, endpoints, ...), not a list or a single value."
    );

    public static readonly DiagnosticDescriptor MissingField = new(
        "CT2012",
        Severity.Error,
        "Required field missing",
        "LibreChat's schema requires this field and refuses the file without it. Add it."
    );

    public static readonly DiagnosticDescriptor WebSearchLiteralUrl = new(
        "CT2013",
        Severity.Warning,
        "webSearch URL is not a ${VAR} reference",
        "LibreChat reads webSearch URL fields only as `${VAR_NAME}` and loads the variable; a literal URL there is ignored. Write `${VAR}` and set the variable."
    );

    public static readonly DiagnosticDescriptor InvalidMcpServer = new(
        "CT2014",
        Severity.Error,
        "Invalid MCP server",
        "An MCP server needs either `command` and `args` (stdio) or a `url` (sse, streamable-http, websocket) matching its `type`."
    );

    public static readonly DiagnosticDescriptor SensitiveVariable = new(
        "CT2015",
        Severity.Warning,
        "Variable is never expanded",
        "LibreChat never expands infrastructure secrets (JWT_SECRET, CREDS_KEY, MONGO_URI, REDIS_URI, ...) in config values; the literal text stays."
    );

    public static readonly DiagnosticDescriptor UserProvidedUrl = new(
        "CT2016",
        Severity.Warning,
        "URL is user_provided",
        "Each user enters this URL at run time, so the host is unknown at build time. Add expected hosts with the stack's `extraDestinations` setting."
    );

    public static readonly DiagnosticDescriptor InvalidValue = new(
        "CT2017",
        Severity.Error,
        "Value not allowed",
        "LibreChat's schema accepts only the listed values here. Use one of them."
    );

    public static readonly DiagnosticDescriptor UnresolvedSetting = new(
        "CT2018",
        Severity.Warning,
        "Unresolved variable in a host setting",
        "A value that decides a host (e.g. an Azure instanceName) uses a variable with no value. Set it with --env-file or the stack's `env` setting."
    );
}

public sealed partial class DiagnosticBuilder
{
    public Diagnostic UnknownRootKey(string key) =>
        Make(DiagnosticCatalog.UnknownRootKey, $"unrecognized top-level key \"{key}\"");

    public Diagnostic UnknownEndpointsKey(string key) =>
        Make(DiagnosticCatalog.UnknownEndpointsKey, $"unrecognized key \"{key}\" under endpoints");

    public Diagnostic UnknownNestedKey(string path, string key) =>
        Make(
            DiagnosticCatalog.UnknownNestedKey,
            $"{path}.{key} is not a LibreChat setting and is ignored"
        );

    public Diagnostic VersionMissing() =>
        Make(DiagnosticCatalog.VersionMissing, "version is required (e.g. version: \"1.3.1\")");

    /// <param name="actual">The kind found ("a number", "a mapping").</param>
    /// <param name="number">The version written as a number (1.3), to suggest its quoted form; null otherwise.</param>
    public Diagnostic VersionNotString(string actual, string? number) =>
        Make(
            DiagnosticCatalog.VersionNotString,
            $"version must be a string, got {actual}{(number is null ? "" : $"; write version: \"{number}\"")}"
        );

    /// <param name="actual">The kind found ("a list", "a number"), never the value.</param>
    public Diagnostic WrongType(string path, string expected, string actual) =>
        Make(DiagnosticCatalog.WrongType, $"{path}: expected {expected}, got {actual}");

    public Diagnostic UrlWrongType(string path, string actual) =>
        Make(DiagnosticCatalog.UrlWrongType, $"{path}: expected a URL string, got {actual}");

    /// <param name="variables">The unset variables' names.</param>
    public Diagnostic UnresolvedVariable(string path, IEnumerable<string> variables) =>
        Make(
            DiagnosticCatalog.UnresolvedVariable,
            $"{path}: {Variables(variables)} has no value, so the host is unknown"
        );

    /// <param name="kind">"an in-cluster name", "local to the pod or node", "a private IP address".</param>
    public Diagnostic NonInternetUrl(string path, string host, string kind) =>
        Make(
            DiagnosticCatalog.NonInternetUrl,
            $"{path}: host {host} is {kind}, not internet egress"
        );

    /// <param name="literalVariable">The value is a ${VAR} LibreChat does not expand at this field.</param>
    public Diagnostic UrlWithoutHost(string path, bool literalVariable) =>
        Make(
            DiagnosticCatalog.UrlWithoutHost,
            literalVariable
                ? $"{path}: LibreChat does not expand ${{VAR}} here, so the literal text is used as the URL"
                : $"{path}: the value has no usable host name"
        );

    public Diagnostic RootNotMapping(string actual) =>
        Make(
            DiagnosticCatalog.RootNotMapping,
            $"the document is {actual}, not a mapping of settings"
        );

    /// <param name="empty">The field is there but its list is empty.</param>
    /// <param name="unless">When the field may be left out ("the group is serverless with a baseURL"), or null.</param>
    public Diagnostic MissingField(string path, bool empty, string? unless) =>
        Make(
            DiagnosticCatalog.MissingField,
            (empty ? $"{path} needs at least one entry" : $"{path} is required")
                + (unless is null ? "" : $" unless {unless}")
        );

    public Diagnostic WebSearchLiteralUrl(string path) =>
        Make(
            DiagnosticCatalog.WebSearchLiteralUrl,
            $"{path}: LibreChat reads only the ${{VAR}} form here and ignores this value"
        );

    /// <param name="detail">The kind found for <see cref="McpServerProblem.NotMapping"/> and <see cref="McpServerProblem.TypeNotString"/>, the transport for <see cref="McpServerProblem.WebUrlIsWebSocket"/>.</param>
    public Diagnostic InvalidMcpServer(string path, McpServerProblem problem, string detail) =>
        Make(
            DiagnosticCatalog.InvalidMcpServer,
            problem switch
            {
                McpServerProblem.NotMapping => $"{path}: expected a mapping, got {detail}",
                McpServerProblem.StdioWithoutArgs =>
                    $"{path}: a stdio server needs `args` (use `args: []` when there are none)",
                McpServerProblem.WebSocketWithoutWsUrl =>
                    $"{path}.url: a websocket server needs a ws:// or wss:// URL",
                McpServerProblem.WebUrlIsWebSocket =>
                    $"{path}.url: a {detail} server must not use a ws:// or wss:// URL",
                McpServerProblem.TypeNotString => $"{path}.type: expected a string, got {detail}",
                _ => $"{path}: needs `command` and `args` (stdio) or a `url`",
            }
        );

    /// <param name="variables">The sensitive variables' names; never their values.</param>
    public Diagnostic SensitiveVariable(string path, IEnumerable<string> variables) =>
        Make(
            DiagnosticCatalog.SensitiveVariable,
            $"{path}: LibreChat never expands {Variables(variables)}"
        );

    public Diagnostic UserProvidedUrl(string path) =>
        Make(
            DiagnosticCatalog.UserProvidedUrl,
            $"{path} is user_provided: each user supplies the host at run time"
        );

    /// <param name="value">The value as written, or null where it is not shown.</param>
    public Diagnostic InvalidValue(string path, string? value, IEnumerable<string> allowed) =>
        Make(
            DiagnosticCatalog.InvalidValue,
            $"{path}: {(value is null ? "the value" : $"\"{value}\"")} is not one of {string.Join(", ", allowed)}"
        );

    /// <param name="consequence">What the missing value costs (", so the host is unknown"), or empty.</param>
    public Diagnostic UnresolvedSetting(
        string path,
        IEnumerable<string> variables,
        string consequence
    ) =>
        Make(
            DiagnosticCatalog.UnresolvedSetting,
            $"{path}: {Variables(variables)} has no value{consequence}"
        );

    /// <summary>Variable names as librechat.yaml writes them: ${A}, ${B}.</summary>
    private static string Variables(IEnumerable<string> names) =>
        string.Join(", ", names.Select(n => "${" + n + "}"));
}

/// <summary>What is wrong with an mcpServers entry, for <see cref="DiagnosticBuilder.InvalidMcpServer"/>.</summary>
public enum McpServerProblem
{
    NotMapping,
    StdioWithoutArgs,
    WebSocketWithoutWsUrl,
    WebUrlIsWebSocket,
    TypeNotString,
    NoCommandOrUrl,
}
