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

public sealed partial class DiagnosticBuilder
{
    /// <param name="keys">The variables any of which enables the endpoint (names only).</param>
    public Diagnostic BuiltInBlockWithoutKey(
        string what,
        string endpointKey,
        IReadOnlyList<string> keys
    ) =>
        Make(
            DiagnosticCatalog.BuiltInBlockWithoutKey,
            $"{what} is in librechat.yaml, but "
                + (
                    keys.Count == 1
                        ? $"{keys[0]} is not set"
                        : $"none of {string.Join(", ", keys)} is set"
                )
                + $", so LibreChat does not enable {endpointKey} and nothing is allowed for it; set {(keys.Count == 1 ? "it" : "one of them")} in the environment (a key or user_provided) or list the name under containment:secretEnv."
        );

    /// <param name="proxy">The gateway variable that would replace the vendor's host, or null when there is none.</param>
    public Diagnostic BuiltInBaseUrlIgnored(string endpointKey, string? proxy) =>
        Make(
            DiagnosticCatalog.BuiltInBaseUrlIgnored,
            $"endpoints.{endpointKey}.baseURL is not read by LibreChat for a built-in endpoint, so its host is not allowed; set {(proxy is null ? "the endpoint's own settings" : $"{proxy} in the environment")} to send {endpointKey} through a gateway."
        );
}
