namespace Containment.Core.Diagnostics;

/// <summary>CT5001-CT5099: the Pulumi target (resource graph and compiler).</summary>
public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticDescriptor PulumiUnknownLookupToken = new(
        "CT5001",
        Severity.Error,
        "Unknown deploy-time lookup token",
        "Help: a host names a token such as {aws.accountId} that the Pulumi target cannot look up; use a token listed in PulumiLookups or give the value in the stack's registry settings."
    );

    public static readonly DiagnosticDescriptor PulumiUnknownGroup = new(
        "CT5002",
        Severity.Error,
        "Rule names a group the policy does not define",
        "Help: every rule source, destination and WebGroup must be a SmartGroup or WebGroup of the policy, or public-internet/anywhere."
    );

    public static readonly DiagnosticDescriptor PulumiDuplicateLogicalName = new(
        "CT5003",
        Severity.Error,
        "Two policy objects map to the same Pulumi resource name",
        "Help: rename one of the groups; Pulumi resource names are derived from group names (letters, digits and dashes)."
    );

    public static readonly DiagnosticDescriptor PulumiEmptyWebGroup = new(
        "CT5004",
        Severity.Error,
        "WebGroup without hosts",
        "Help: an Aviatrix WebGroup needs at least one match expression; drop the group or the rules that use it."
    );

    public static readonly DiagnosticDescriptor PulumiSchemaMismatch = new(
        "CT5005",
        Severity.Error,
        "Generated property does not match the Aviatrix provider schema",
        "Help: the message names the property and the provider rule it breaks; fix the stack setting the value comes from (e.g. cluster.namespace), or report a bug when Containment produced it. Facts: src/Containment.Core/Targets/Aviatrix/aviatrix-schema-facts.json."
    );

    public static readonly DiagnosticDescriptor PulumiMitmCaNeedsController90 = new(
        "CT5006",
        Severity.Error,
        "The decryption CA resources need Aviatrix Controller 9.0",
        "Help: set containment:controllerVersion to 9.0 or later, or set containment:decryption to off."
    );

    public static readonly DiagnosticDescriptor PulumiDuplicateRule = new(
        "CT5007",
        Severity.Error,
        "Two rules share a name or a priority",
        "Help: the Aviatrix provider keeps rule identity by name and the controller refuses equal priorities in a ruleset; give every rule a unique name and priority."
    );

    public static readonly DiagnosticDescriptor PulumiProgramRule = new(
        "CT5100",
        Severity.Error,
        "The generated program breaks a Pulumi YAML rule",
        "Help: Pulumi would refuse or misread this program (a name shared with a config key, a reference to nothing, an unknown type, property or option); the message names the rule. Rename the stack config key the message names, or report a bug when Containment produced it."
    );
}

public sealed partial class DiagnosticBuilder
{
    public Diagnostic PulumiUnknownLookupToken(string host, string token) =>
        Make(
            DiagnosticCatalog.PulumiUnknownLookupToken,
            $"Host '{host}' uses the lookup token {token}, which the Pulumi target cannot resolve."
        );

    /// <param name="kind">"SmartGroup" or "WebGroup".</param>
    public Diagnostic PulumiUnknownGroup(string rule, string kind, string name) =>
        Make(
            DiagnosticCatalog.PulumiUnknownGroup,
            $"Rule '{rule}' names {kind} '{name}', which the policy does not define."
        );

    /// <param name="what">What claims the name: "SmartGroup 'x'", "The ruleset".</param>
    public Diagnostic PulumiDuplicateLogicalName(string what, string logicalName) =>
        Make(
            DiagnosticCatalog.PulumiDuplicateLogicalName,
            $"{what} maps to the Pulumi resource name '{logicalName}', which another group already uses."
        );

    public Diagnostic PulumiEmptyWebGroup(string webGroup) =>
        Make(DiagnosticCatalog.PulumiEmptyWebGroup, $"WebGroup '{webGroup}' has no hosts.");

    /// <param name="problem">The schema check's finding about the program (argument names and kinds, no values).</param>
    public Diagnostic PulumiSchemaMismatch(string problem) =>
        Make(DiagnosticCatalog.PulumiSchemaMismatch, problem);

    public Diagnostic PulumiMitmCaNeedsController90(Version controllerVersion) =>
        Make(
            DiagnosticCatalog.PulumiMitmCaNeedsController90,
            $"Decryption with a managed MITM CA needs Aviatrix Controller 9.0; the stack says {controllerVersion}."
        );

    /// <param name="what">The rule field that repeats: "name", "priority".</param>
    public Diagnostic PulumiDuplicateRule(string what, string duplicate) =>
        Make(
            DiagnosticCatalog.PulumiDuplicateRule,
            $"More than one rule has the {what} '{duplicate}'."
        );

    /// <param name="problem">pulumi-yaml's rule that the printed program breaks, as the gate words it.</param>
    public Diagnostic PulumiProgramRule(string problem) =>
        Make(DiagnosticCatalog.PulumiProgramRule, problem);
}
