using System.Globalization;

namespace Containment.Core.Policy;

/// <summary>
/// WebGroup names for MCP servers: <c>mcp-&lt;server&gt;</c> as a DNS-1123 label. A name that only needs
/// lower-casing keeps its text; one that needed other changes (or collides after cleaning) gets a short
/// hash of the original name, so the result is stable across runs and unique.
/// </summary>
public static class McpGroupNames
{
    public const string Prefix = "mcp-";
    private const int MaxLength = 63;
    private const int HashLength = 8;

    public static IReadOnlyDictionary<string, string> Assign(IEnumerable<string> serverNames)
    {
        var names = serverNames
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        var plain = names.ToDictionary(n => n, Plain, StringComparer.Ordinal);
        var collisions = plain
            .Values.Where(v => v is not null)
            .GroupBy(v => v!, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => g.Key)
            .ToHashSet(StringComparer.Ordinal);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var p = plain[name];
            result[name] = p is not null && !collisions.Contains(p) ? Prefix + p : Hashed(name);
        }
        return result;
    }

    /// <summary>True when the WebGroup name is not simply the lower-cased server name.</summary>
    public static bool WasChanged(string serverName, string groupName) =>
        !string.Equals(Prefix + serverName.ToLowerInvariant(), groupName, StringComparison.Ordinal);

    /// <summary>
    /// The lower-cased name when it is usable as is. A name holding <see cref="WebGroupAssembler.PortSeparator"/>
    /// is not: <c>mcp-a--80</c> could then be both server <c>a--80</c> and server <c>a</c>'s port-80 group.
    /// </summary>
    private static string? Plain(string name)
    {
        var lower = name.ToLowerInvariant();
        return
            KubernetesNames.IsDns1123Label(Prefix + lower)
            && !lower.Contains(WebGroupAssembler.PortSeparator, StringComparison.Ordinal)
            ? lower
            : null;
    }

    private static string Hashed(string name)
    {
        var hash = StableHash.Fnv1a32(name).ToString("x8", CultureInfo.InvariantCulture);
        var body = KubernetesNames.Sanitize(name, MaxLength - Prefix.Length - HashLength - 1);
        return body is null ? Prefix + hash : Prefix + body + "-" + hash;
    }
}
