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

// Factories added ahead of issue 11 item 5's second wave, which swaps the Settings/ call sites over to them.
public sealed partial class DiagnosticBuilder
{
    /// <param name="key">The setting's path ("cluster.podLabels", "containment:egress").</param>
    /// <param name="expected">The shape it must have ("a mapping of strings", "a whole number (a port such as 443)").</param>
    /// <param name="actual">The kind found ("a list", "a number"), never the value: settings may hold secrets.</param>
    public Diagnostic SettingWrongType(string key, string expected, string actual) =>
        Make(DiagnosticCatalog.SettingWrongType, $"{key} must be {expected}; it is {actual}.");
}
