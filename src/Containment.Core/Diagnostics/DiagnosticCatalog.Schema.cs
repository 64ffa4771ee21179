namespace Containment.Core.Diagnostics;

/// <summary>CT2100-CT2199: librechat.yaml checked against LibreChat's own config schema (zod, as generated
/// into LibreChat/Schema/librechat-config.schema.json) and the zod refinements JSON Schema cannot express.</summary>
public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticDescriptor SchemaRootNotMapping = new(
        "CT2100",
        Severity.Error,
        "Config is not a mapping",
        "Help: librechat.yaml must be a YAML mapping at the top level, starting with `version:`."
    );

    public static readonly DiagnosticDescriptor SchemaUnknownRootKey = new(
        "CT2101",
        Severity.Error,
        "Unknown top-level key",
        "Help: LibreChat rejects unknown top-level keys; check the spelling against the LibreChat config reference or remove the key."
    );

    public static readonly DiagnosticDescriptor SchemaUnknownKey = new(
        "CT2102",
        Severity.Error,
        "Unknown key in a strict section",
        "Help: this section (e.g. `endpoints`) only accepts the keys LibreChat knows; check the spelling or move the entry under `custom`."
    );

    public static readonly DiagnosticDescriptor SchemaWrongType = new(
        "CT2103",
        Severity.Error,
        "Value has the wrong type",
        "Help: change the value to the type LibreChat expects; quote numbers or booleans that are meant as strings."
    );

    public static readonly DiagnosticDescriptor SchemaMissingRequired = new(
        "CT2104",
        Severity.Error,
        "Required key is missing",
        "Help: add the key; LibreChat refuses to start without it."
    );

    public static readonly DiagnosticDescriptor SchemaInvalidEnumValue = new(
        "CT2105",
        Severity.Error,
        "Value is not one of the allowed values",
        "Help: use one of the values the message lists."
    );

    public static readonly DiagnosticDescriptor SchemaOutOfRange = new(
        "CT2106",
        Severity.Error,
        "Value is out of range",
        "Help: keep numbers, string lengths and list sizes within the bounds the message names."
    );

    public static readonly DiagnosticDescriptor SchemaInvalidString = new(
        "CT2107",
        Severity.Error,
        "String has an invalid format",
        "Help: write the value in the format the message names (a URL with scheme and host, or the stated pattern)."
    );

    public static readonly DiagnosticDescriptor SchemaForbiddenKey = new(
        "CT2108",
        Severity.Error,
        "Key is not allowed here",
        "Help: remove the key; LibreChat does not accept it in this kind of entry."
    );

    public static readonly DiagnosticDescriptor SchemaNoMatchingVariant = new(
        "CT2109",
        Severity.Error,
        "Value matches none of the accepted shapes",
        "Help: the value must match one of the forms the message lists."
    );

    public static readonly DiagnosticDescriptor RefineEndpointsEmpty = new(
        "CT2120",
        Severity.Error,
        "`endpoints` is empty",
        "Help: LibreChat requires at least one field under `endpoints`; remove the empty section or add an endpoint."
    );

    public static readonly DiagnosticDescriptor RefineReservedCustomEndpointName = new(
        "CT2121",
        Severity.Error,
        "Custom endpoint uses a reserved name",
        "Help: custom endpoint names cannot be a built-in endpoint name (openAI, azureOpenAI, anthropic, google, agents...); rename it."
    );

    public static readonly DiagnosticDescriptor RefineModelSpecEndpointRequired = new(
        "CT2122",
        Severity.Error,
        "Model spec preset has no endpoint",
        "Help: set `preset.endpoint`, or name a non-empty `preset.agent_id` so LibreChat can infer the agents endpoint."
    );

    public static readonly DiagnosticDescriptor RefineMcpUrlProtocol = new(
        "CT2123",
        Severity.Error,
        "MCP server URL has the wrong protocol for its transport",
        "Help: websocket servers need ws:// or wss://; sse and streamable-http servers need http:// or https://; a proxy needs http, https, socks or socks5."
    );

    public static readonly DiagnosticDescriptor RefineAllowedAddress = new(
        "CT2124",
        Severity.Error,
        "Invalid `allowedAddresses` entry",
        "Help: entries are private host:port pairs such as localhost:11434 or [::1]:11434, with no scheme, path, CIDR or public IP literal."
    );

    public static readonly DiagnosticDescriptor RefineAddParamsWebSearch = new(
        "CT2125",
        Severity.Error,
        "`addParams.web_search` is not a boolean",
        "Help: LibreChat only accepts true or false for `web_search` in addParams."
    );

    public static readonly DiagnosticDescriptor RefineCloudfront = new(
        "CT2126",
        Severity.Error,
        "Inconsistent `cloudfront` settings",
        "Help: follow the rule in the message (cookieDomain starts with a dot; invalidateOnDelete needs distributionId; cookie signing needs cookieDomain)."
    );

    public static readonly DiagnosticDescriptor RefineOAuthClientCredentials = new(
        "CT2127",
        Severity.Error,
        "Incomplete MCP OAuth client credentials",
        "Help: an MCP `oauth.client_secret` needs `client_id`, and together they need both `authorization_url` and `token_url`."
    );

    public static readonly DiagnosticDescriptor RefineRangePositiveMin = new(
        "CT2128",
        Severity.Error,
        "`range.positiveMin` exceeds `range.max`",
        "Help: lower `positiveMin` to at most `max` in the custom parameter's range."
    );

    public static readonly DiagnosticDescriptor RefineMimeTypeRegex = new(
        "CT2129",
        Severity.Error,
        "Invalid MIME type regex",
        "Help: `supportedMimeTypes` entries are JavaScript regular expressions; fix the syntax (escape literal parentheses and brackets)."
    );
}
