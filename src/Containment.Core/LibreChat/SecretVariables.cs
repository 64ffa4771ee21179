using Containment.Core.Yaml;

namespace Containment.Core.LibreChat;

/// <summary>
/// Which environment variables hold secrets. A secret is never expanded into a host and never printed:
/// its name reads like a credential, the config uses it as one, or the deployment sets it from a Secret.
/// </summary>
public static class SecretVariables
{
    /// <summary>Name parts that mark a credential (matched case-insensitively anywhere in the name).</summary>
    private static readonly string[] Shapes = ["KEY", "SECRET", "TOKEN", "PASSWORD", "CREDENTIAL"];

    /// <summary>
    /// Keys whose values are credentials wherever they appear in librechat.yaml (apiKey, serperApiKey,
    /// client_secret, key, ...). A key ending in url names an address, not a credential (token_url).
    /// </summary>
    private static readonly string[] CredentialKeyParts =
    [
        "key",
        "secret",
        "token",
        "password",
        "credential",
        "authorization",
    ];

    /// <summary>Mappings whose every value is a credential or may carry one: request headers and stdio servers' env.</summary>
    private static readonly HashSet<string> CredentialMaps = new(StringComparer.Ordinal)
    {
        "headers",
        "additionalHeaders",
        "env",
    };

    public static bool LooksSecret(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var shape in Shapes)
        {
            if (name.Contains(shape, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return EnvInterpolation.SensitiveNames.Contains(name);
    }

    /// <summary>Every <c>${NAME}</c> that librechat.yaml puts in a credential field (apiKey, headers, OAuth secrets, stdio env).</summary>
    public static IReadOnlySet<string> UsedAsCredentials(YNode root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var names = new HashSet<string>(StringComparer.Ordinal);
        // An explicit stack, not recursion: the tree's depth is bounded by the YAML limits, but the walk must not care.
        var pending = new Stack<(YNode Node, bool Credential)>();
        pending.Push((root, false));
        while (pending.Count > 0)
        {
            var (node, credential) = pending.Pop();
            switch (node)
            {
                case YScalar scalar when credential:
                    names.UnionWith(EnvInterpolation.NamesIn(scalar.Value));
                    break;
                case YSequence sequence:
                    foreach (var item in sequence.Items)
                    {
                        pending.Push((item, credential));
                    }
                    break;
                case YMapping mapping:
                    foreach (var entry in mapping.Entries)
                    {
                        var key = entry.Key.Value;
                        pending.Push(
                            (
                                entry.Value,
                                credential || IsCredentialKey(key) || CredentialMaps.Contains(key)
                            )
                        );
                    }
                    break;
                default:
                    break;
            }
        }
        return names;
    }

    private static bool IsCredentialKey(string key)
    {
        if (key.EndsWith("url", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        foreach (var part in CredentialKeyParts)
        {
            if (key.Contains(part, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }
}
