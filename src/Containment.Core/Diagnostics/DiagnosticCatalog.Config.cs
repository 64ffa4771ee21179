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
