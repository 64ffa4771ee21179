namespace Containment.Core.Diagnostics;

/// <summary>CT2310-CT2319: built-in LLM providers and what LibreChat's environment decides for them (issue 12 items 4-6).</summary>
public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticDescriptor BuiltInBlockWithoutKey = new(
        "CT2310",
        Severity.Warning,
        "Built-in endpoint block without its key",
        "LibreChat enables a built-in endpoint from its key in the environment, not from its librechat.yaml block; without the key the block enables nothing and no host is allowed for it. Set the variable the message names (a key, user_provided, or a name under containment:secretEnv)."
    );

    public static readonly DiagnosticDescriptor BuiltInBaseUrlIgnored = new(
        "CT2311",
        Severity.Warning,
        "Built-in endpoint baseURL is not read",
        "LibreChat's built-in endpoints take their address from a proxy variable in the environment, never from a yaml baseURL, so the host is not allowed. Set the proxy variable the message names instead."
    );
}
