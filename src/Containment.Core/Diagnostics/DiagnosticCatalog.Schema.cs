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

// Messages for the schema codes, in zod's shape "<path>: <what is wrong>". `path` is the config path as the
// evaluator labels it ("(root)" for the document). Where LibreChat's own .refine() carries a message, the
// factory quotes it (librechat-data-provider's config.ts), so the user sees what LibreChat would say.
public sealed partial class DiagnosticBuilder
{
    /// <param name="found">How js-yaml sees the document: "an empty document", "a string".</param>
    public Diagnostic SchemaRootNotMapping(string found) =>
        Make(DiagnosticCatalog.SchemaRootNotMapping, $"(root): expected a mapping, found {found}");

    public Diagnostic SchemaUnknownRootKey(
        string path,
        string? suggestion,
        IReadOnlyList<string> known
    ) =>
        Make(
            DiagnosticCatalog.SchemaUnknownRootKey,
            $"{path}: unknown top-level key{KeyHint(suggestion, known)}"
        );

    public Diagnostic SchemaUnknownKey(
        string path,
        string? suggestion,
        IReadOnlyList<string> known
    ) =>
        Make(
            DiagnosticCatalog.SchemaUnknownKey,
            $"{path}: unknown key{KeyHint(suggestion, known)}"
        );

    /// <param name="expected">The schema described ("a string", "one of ...").</param>
    /// <param name="found">The value's kind ("a number", "a fractional number"), never the value.</param>
    public Diagnostic SchemaWrongType(string path, string expected, string found) =>
        Make(DiagnosticCatalog.SchemaWrongType, $"{path}: expected {expected}, found {found}");

    /// <param name="expected">The missing key's schema described, or null when the schema does not say.</param>
    public Diagnostic SchemaMissingRequired(string path, string? expected) =>
        Make(
            DiagnosticCatalog.SchemaMissingRequired,
            expected is null
                ? $"{path}: required key is missing"
                : $"{path}: required key is missing ({expected})"
        );

    public Diagnostic SchemaInvalidEnumValue(string path, string expected) =>
        Make(
            DiagnosticCatalog.SchemaInvalidEnumValue,
            $"{path}: invalid value; expected {expected}"
        );

    /// <param name="requirement">The bound the schema sets, as zod words it ("must have at least 1 item, found 0").</param>
    public Diagnostic SchemaOutOfRange(string path, string requirement) =>
        Make(DiagnosticCatalog.SchemaOutOfRange, $"{path}: {requirement}");

    /// <param name="requirement">The string check the schema sets ("must be a valid URL", "must match the pattern ...").</param>
    public Diagnostic SchemaInvalidString(string path, string requirement) =>
        Make(DiagnosticCatalog.SchemaInvalidString, $"{path}: {requirement}");

    public Diagnostic SchemaForbiddenKey(string path) =>
        Make(DiagnosticCatalog.SchemaForbiddenKey, $"{path}: key is not allowed here");

    public Diagnostic SchemaNoMatchingVariant(string path, string expected, string found) =>
        Make(
            DiagnosticCatalog.SchemaNoMatchingVariant,
            $"{path}: matches none of {expected}, found {found}"
        );

    public Diagnostic RefineEndpointsEmpty(string path) =>
        Make(
            DiagnosticCatalog.RefineEndpointsEmpty,
            $"{path}: at least one field must be provided"
        );

    public Diagnostic RefineReservedCustomEndpointName(
        string path,
        string name,
        IEnumerable<string> reserved
    ) =>
        Make(
            DiagnosticCatalog.RefineReservedCustomEndpointName,
            $"{path}: '{name}' is a built-in endpoint name; custom endpoints cannot use {string.Join(", ", reserved)}"
        );

    public Diagnostic RefineModelSpecEndpointRequired(string path) =>
        Make(
            DiagnosticCatalog.RefineModelSpecEndpointRequired,
            $"{path}: endpoint is required unless the preset names a non-empty agent_id (the agents endpoint is then inferred)"
        );

    /// <param name="protocols">The schemes at fault, with their colon ("ws:").</param>
    /// <param name="allowed">True when <paramref name="protocols"/> are the only ones allowed, false when they are forbidden.</param>
    public Diagnostic RefineMcpUrlProtocol(string path, IEnumerable<string> protocols, bool allowed)
    {
        var list = string.Join(", ", protocols.Select(p => p + "//"));
        return Make(
            DiagnosticCatalog.RefineMcpUrlProtocol,
            allowed
                ? $"{path}: URL must use one of {list} here"
                : $"{path}: URL must not use {list} here"
        );
    }

    /// <param name="refineMessage">The message of the allowedAddressEntrySchema refinement that failed.</param>
    public Diagnostic RefineAllowedAddress(string path, string refineMessage) =>
        Make(DiagnosticCatalog.RefineAllowedAddress, $"{path}: {refineMessage}");

    public Diagnostic RefineAddParamsWebSearch(string path) =>
        Make(
            DiagnosticCatalog.RefineAddParamsWebSearch,
            $"{path}: `web_search` must be a boolean in addParams"
        );

    /// <param name="refineMessage">The message of the cloudfront .refine() that failed.</param>
    public Diagnostic RefineCloudfront(string path, string refineMessage) =>
        Make(DiagnosticCatalog.RefineCloudfront, $"{path}: {refineMessage}");

    /// <param name="hasClientId">False: client_id is missing; true: authorization_url or token_url is.</param>
    public Diagnostic RefineOAuthClientCredentials(string path, bool hasClientId) =>
        Make(
            DiagnosticCatalog.RefineOAuthClientCredentials,
            hasClientId
                ? $"{path}: OAuth client_secret with client_id requires both authorization_url and token_url"
                : $"{path}: OAuth client_secret requires client_id"
        );

    public Diagnostic RefineRangePositiveMin(string path) =>
        Make(
            DiagnosticCatalog.RefineRangePositiveMin,
            $"{path}: range.positiveMin cannot exceed range.max"
        );

    public Diagnostic RefineMimeTypeRegex(string path) =>
        Make(
            DiagnosticCatalog.RefineMimeTypeRegex,
            $"{path}: invalid MIME type regex (JavaScript `new RegExp` rejects it)"
        );

    // A close spelling beats a list; a list longer than 12 keys would bury the line.
    private static string KeyHint(string? suggestion, IReadOnlyList<string> known) =>
        suggestion is not null ? $"; did you mean '{suggestion}'?"
        : known.Count is > 0 and <= 12 ? "; expected one of " + string.Join(", ", known)
        : string.Empty;
}
