namespace Containment.Core.LibreChat;

/// <summary>
/// The environment LibreChat would see, as far as we know it: plain values for <c>${VAR}</c>, and the names
/// that hold secrets (whose values we may hold but must never expand into a host or print).
/// </summary>
public sealed class EnvScope
{
    private readonly Func<string, string?> _lookup;
    private readonly HashSet<string> _secrets;

    public EnvScope(Func<string, string?> lookup, IEnumerable<string>? secretNames = null)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        _lookup = lookup;
        _secrets = new HashSet<string>(secretNames ?? [], StringComparer.Ordinal);
    }

    public EnvScope(
        IReadOnlyDictionary<string, string> values,
        IEnumerable<string>? secretNames = null
    )
        : this(name => values.TryGetValue(name, out var v) ? v : null, secretNames) { }

    /// <summary>A secret: named like a credential, used as one by the config, or declared as set from a Secret.</summary>
    public bool IsSecret(string name) =>
        _secrets.Contains(name) || SecretVariables.LooksSecret(name);

    /// <summary>The value LibreChat would substitute, or null when the variable is unset or empty (LibreChat keeps the literal then).</summary>
    public string? Lookup(string name) => _lookup(name) is { Length: > 0 } v ? v : null;

    /// <summary>The same values with more secret names (those the config uses as credentials).</summary>
    public EnvScope WithSecrets(IEnumerable<string> names) => new(_lookup, _secrets.Concat(names));
}
