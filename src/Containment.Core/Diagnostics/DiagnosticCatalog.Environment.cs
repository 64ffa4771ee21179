namespace Containment.Core.Diagnostics;

/// <summary>CT2300-CT2349: LibreChat's environment (.env, Helm values, secrets) and what it switches on.</summary>
public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticDescriptor SecretInHost = new(
        "CT2300",
        Severity.Error,
        "A host would need a secret",
        "A secret (a variable used as a credential, named like one, or set from a Secret) is never expanded into a host name or printed. Put the host in a variable that holds no secret."
    );

    public static readonly DiagnosticDescriptor VariableOutsideHost = new(
        "CT2301",
        Severity.Info,
        "Variable outside the host",
        "A ${VAR} in a URL's path, query or fragment does not change where LibreChat connects: the host is allowed without the variable's value, which is never printed."
    );

    public static readonly DiagnosticDescriptor EnvFeatureHidden = new(
        "CT2302",
        Severity.Info,
        "Endpoint hidden by ENDPOINTS",
        "LibreChat offers only the endpoints that ENDPOINTS lists; a key for another endpoint enables nothing. Add the endpoint to ENDPOINTS if it should be used."
    );

    public static readonly DiagnosticDescriptor EnvOnlyFeature = new(
        "CT2303",
        Severity.Info,
        "Feature switched on by the environment",
        "LibreChat turns this on from its environment alone; librechat.yaml does not show it. The policy allows its hosts; unset the variable if the feature should stay off."
    );
}

public sealed partial class DiagnosticBuilder
{
    /// <param name="trigger">The variable's name, never its value.</param>
    public Diagnostic EnvFeatureHidden(string trigger, string endpointKey) =>
        Make(
            DiagnosticCatalog.EnvFeatureHidden,
            $"{trigger} is set, but ENDPOINTS hides {endpointKey} (it is not in the list), so nothing is allowed for it."
        );

    /// <param name="trigger">The variable's name, never its value.</param>
    /// <param name="target">The hosts it calls, or "the host of PROXY_VARIABLE" when a proxy variable replaces them.</param>
    public Diagnostic EnvOnlyFeature(string trigger, string feature, string target) =>
        Make(
            DiagnosticCatalog.EnvOnlyFeature,
            $"{trigger} switches on {feature}, which calls {target}"
        );

    /// <param name="variables">The secret variables' names; their values are never shown.</param>
    public Diagnostic SecretInHost(string what, IEnumerable<string> variables) =>
        Make(
            DiagnosticCatalog.SecretInHost,
            $"{what}: the host would need {Variables(variables)}, a secret; a secret is never expanded into a host"
        );

    /// <param name="variables">The variables' names, in the path, query or fragment.</param>
    public Diagnostic VariableOutsideHost(string path, IEnumerable<string> variables) =>
        Make(
            DiagnosticCatalog.VariableOutsideHost,
            $"{path}: {Variables(variables)} is in the path, query or fragment; the host is known without its value"
        );
}
