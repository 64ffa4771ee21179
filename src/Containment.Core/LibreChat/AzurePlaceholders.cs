namespace Containment.Core.LibreChat;

/// <summary>
/// The two placeholders LibreChat fills in an <c>endpoints.azureOpenAI.groups[].baseURL</c> from the group
/// itself, not from the environment: <c>constructAzureURL</c> (danny-avila/LibreChat
/// packages/api/src/utils/azure.ts @ 0affea39a60061d1661d5a5ea32a0ad58706509d) replaces <c>${INSTANCE_NAME}</c>
/// with the group's instanceName and <c>${DEPLOYMENT_NAME}</c> with the model's deploymentName, each with
/// <c>String.prototype.replace</c> and a string pattern, so only the first occurrence. It runs after
/// <c>extractEnvVariable(baseURL)</c> (mapModelToAzureConfig, packages/data-provider/src/azure.ts @
/// 0ef4cdf6992e7741e0b364416b1ad0e12207988e): when the environment sets INSTANCE_NAME or DEPLOYMENT_NAME
/// (LibreChat's <c>conflictingAzureVariables</c>), the environment's value wins and these are ordinary variables.
/// </summary>
internal static class AzurePlaceholders
{
    public const string InstanceName = "INSTANCE_NAME";
    public const string DeploymentName = "DEPLOYMENT_NAME";

    /// <summary>
    /// A DNS label that stands in for the instance name while the URL is parsed and classified; the policy stage
    /// puts the shape-checked instanceName in its place (the shape check lives with the host templates).
    /// </summary>
    public const string InstanceLabel = "containment-azure-instance-name";

    /// <summary>True when <paramref name="text"/> holds <c>${name}</c> and LibreChat fills it from the group.</summary>
    public static bool Holds(string text, string name, EnvScope env) =>
        text.Contains(Token(name), StringComparison.Ordinal)
        && env.Lookup(name) is null
        && !env.IsSecret(name);

    /// <summary>Replaces the first <c>${name}</c> only, as LibreChat's <c>replace</c> does.</summary>
    public static string ReplaceFirst(string text, string name, string value)
    {
        var token = Token(name);
        var i = text.IndexOf(token, StringComparison.Ordinal);
        return i < 0
            ? text
            : string.Concat(text.AsSpan(0, i), value, text.AsSpan(i + token.Length));
    }

    private static string Token(string name) => "${" + name + "}";
}
