namespace Containment.Core.Diagnostics;

/// <summary>CT4xxx: stack settings (Pulumi.&lt;stack&gt;.yaml, PULUMI_CONFIG).</summary>
public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticDescriptor SettingsFileUnreadable = new(
        "CT4001",
        Severity.Error,
        "Stack settings file cannot be read",
        "Check the path: the CLI reads Pulumi.<stack>.yaml beside Pulumi.yaml (--stack) or the file given with --settings."
    );

    public static readonly DiagnosticDescriptor SettingsYamlInvalid = new(
        "CT4002",
        Severity.Error,
        "Stack settings file is not valid YAML",
        "Fix the YAML at the position shown; Pulumi stack files are a mapping with a 'config:' section."
    );

    public static readonly DiagnosticDescriptor PulumiConfigInvalid = new(
        "CT4003",
        Severity.Error,
        "PULUMI_CONFIG is not a JSON object",
        "Pulumi sets PULUMI_CONFIG to a JSON object of \"namespace:key\": \"value\"; run the compiler through Pulumi or pass valid JSON."
    );

    public static readonly DiagnosticDescriptor UnknownSettingKey = new(
        "CT4004",
        Severity.Warning,
        "Unknown containment setting",
        "The key is ignored. Known keys: agentGuard, attachmentPoint, catalogOverrides, cloudProvider, cluster, controllerVersion, decryption, env, extraDestinations, helmValues, librechatConfig, mcpHosts, mcpPlatform, mode, obotEndpoint, registry, secretEnv."
    );

    public static readonly DiagnosticDescriptor SettingWrongType = new(
        "CT4005",
        Severity.Error,
        "Setting has the wrong type",
        "Write the value with the type the key takes (see the message); in PULUMI_CONFIG objects and lists arrive as JSON text."
    );

    public static readonly DiagnosticDescriptor SettingInvalidValue = new(
        "CT4006",
        Severity.Error,
        "Setting has a value outside its allowed set",
        "Use one of the values the message lists."
    );

    public static readonly DiagnosticDescriptor SettingInvalidVersion = new(
        "CT4007",
        Severity.Error,
        "controllerVersion is not a version",
        "Write the Aviatrix Controller version as a quoted major.minor string, e.g. \"8.2\" or \"9.0\"."
    );

    public static readonly DiagnosticDescriptor SettingIsSecret = new(
        "CT4008",
        Severity.Error,
        "Secret value in a containment setting",
        "Containment settings hold no secrets; keep credentials in their provider's namespace (e.g. aviatrix:password with --secret)."
    );

    public static readonly DiagnosticDescriptor SettingMissingField = new(
        "CT4009",
        Severity.Error,
        "Setting entry is missing a required field",
        "Add the field the message names."
    );

    public static readonly DiagnosticDescriptor SettingsNoConfig = new(
        "CT4010",
        Severity.Warning,
        "Stack settings have no containment keys",
        "Add a 'config:' section with 'containment:<key>' entries; documented defaults apply until then."
    );
}

public sealed partial class DiagnosticBuilder
{
    /// <param name="key">The setting's path ("cluster.podLabels", "containment:egress").</param>
    /// <param name="expected">The shape it must have ("a mapping of strings", "a whole number (a port such as 443)").</param>
    /// <param name="actual">The kind found ("a list", "a number"), never the value: settings may hold secrets.</param>
    public Diagnostic SettingWrongType(string key, string expected, string actual) =>
        Make(DiagnosticCatalog.SettingWrongType, $"{key} must be {expected}; it is {actual}.");

    public Diagnostic SettingsFileUnreadable(string path) =>
        Make(
            DiagnosticCatalog.SettingsFileUnreadable,
            $"stack settings file '{path}' does not exist."
        );

    /// <param name="parserMessage">The YAML parser's first line, or null when the YAML parses but is not a mapping.</param>
    public Diagnostic SettingsYamlInvalid(string? parserMessage) =>
        Make(
            DiagnosticCatalog.SettingsYamlInvalid,
            parserMessage is null
                ? "a Pulumi stack file is a mapping with a 'config:' section."
                : $"stack settings file is not valid YAML: {parserMessage}"
        );

    /// <param name="isJson">True when PULUMI_CONFIG parses as JSON but is not an object.</param>
    public Diagnostic PulumiConfigInvalid(bool isJson) =>
        Make(
            DiagnosticCatalog.PulumiConfigInvalid,
            isJson ? "PULUMI_CONFIG must be a JSON object." : "PULUMI_CONFIG is not valid JSON."
        );

    /// <param name="key">The setting as written ("'containment:egres'", "cluster.zone").</param>
    /// <param name="known">The keys allowed at that place, when there are few enough to list.</param>
    /// <param name="didYouMean">A known key that differs only in case.</param>
    public Diagnostic UnknownSettingKey(
        string key,
        IEnumerable<string>? known,
        string? didYouMean
    ) =>
        Make(
            DiagnosticCatalog.UnknownSettingKey,
            $"{key} is not a known setting and is ignored"
                + (known is null ? "" : $" (known here: {string.Join(", ", known)})")
                + (didYouMean is null ? "" : $"; did you mean {didYouMean}?")
                + "."
        );

    public Diagnostic SettingInvalidValue(string key, string text, string allowed) =>
        Make(DiagnosticCatalog.SettingInvalidValue, $"{key} '{text}' is not one of: {allowed}.");

    public Diagnostic SettingInvalidVersion(string text) =>
        Make(
            DiagnosticCatalog.SettingInvalidVersion,
            $"controllerVersion '{text}' is not a version; write it as a quoted string such as \"8.2\" or \"9.0\"."
        );

    /// <param name="key">The setting's name only: its value is a secret and never appears.</param>
    public Diagnostic SettingIsSecret(string key) =>
        Make(
            DiagnosticCatalog.SettingIsSecret,
            $"containment:{key} is a secret; Containment settings hold no secrets, so set it as plain config (or keep the secret in its provider's namespace)."
        );

    /// <param name="list">The list setting whose entry is incomplete ("extraDestinations").</param>
    /// <param name="fields">The fields every entry needs, and why when it is not obvious.</param>
    public Diagnostic SettingMissingField(string list, string fields) =>
        Make(DiagnosticCatalog.SettingMissingField, $"each {list} entry needs {fields}.");

    public Diagnostic SettingsNoConfig() =>
        Make(
            DiagnosticCatalog.SettingsNoConfig,
            "no 'containment:' settings found; defaults apply (monitor mode, controller 8.2, namespace librechat, no cloudProvider)."
        );
}
