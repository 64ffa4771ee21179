namespace Containment.Core.Model;

/// <summary>
/// The <c>containment:</c> stack settings' keys. The settings reader binds them and the Pulumi program checker keeps
/// program names clear of them (pulumi-yaml puts every config key in one namespace with the program's names), so the
/// list is shared vocabulary and lives below both.
/// </summary>
public static class StackSettingKeys
{
    /// <summary>Every key, ordinal order.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        "agentGuard",
        "attachmentPoint",
        "catalogOverrides",
        "cloudProvider",
        "cluster",
        "controllerVersion",
        "decryption",
        "env",
        "extraDestinations",
        "helmValues",
        "librechatConfig",
        "mcpHosts",
        "mcpPlatform",
        "mode",
        "obotEndpoint",
        "registry",
        "secretEnv",
    ];

    private static readonly string[] Structured =
    [
        "catalogOverrides",
        "cluster",
        "env",
        "extraDestinations",
        "helmValues",
        "mcpHosts",
        "registry",
        "secretEnv",
    ];

    /// <summary>Whether the key holds a list or mapping (Pulumi passes it as JSON text) rather than a string.</summary>
    public static bool IsStructured(string key) => Structured.Contains(key, StringComparer.Ordinal);
}
