namespace Containment.Core.LibreChat.Schema;

/// <summary>
/// The property names LibreChat's schema gives an object, read from the embedded schema (generated from
/// librechat-data-provider, see tools/librechat-schema) so the reader's key checks cannot drift from it.
/// </summary>
internal static class SchemaKeys
{
    /// <summary>Path segment for an array's items (<c>endpoints.custom[]</c>).</summary>
    public const string Items = "[]";

    /// <summary>Path segment for a record's values (<c>mcpServers.*</c>).</summary>
    public const string Values = "*";

    /// <summary>Path segment prefix for one alternative of a union: <c>anyOf:2</c>.</summary>
    public const string AnyOf = "anyOf:";

    /// <summary>
    /// The keys of the object at <paramref name="path"/> (property names, and those of every <c>allOf</c> part:
    /// zod's <c>.merge</c>/<c>.and</c>). Throws when the schema has no such object: a regenerated schema that moved
    /// it must fail the tests, not silently leave a set empty.
    /// </summary>
    public static IReadOnlySet<string> At(params string[] path)
    {
        var node = LibreChatSchema.Root.Resolved;
        foreach (var segment in path)
        {
            node =
                Step(node, segment)?.Resolved
                ?? throw new InvalidOperationException(
                    $"The LibreChat schema has no '{string.Join('.', path)}' (at '{segment}')."
                );
        }
        var keys = new HashSet<string>(StringComparer.Ordinal);
        Collect(node, keys);
        return keys.Count > 0
            ? keys
            : throw new InvalidOperationException(
                $"The LibreChat schema's '{string.Join('.', path)}' has no properties."
            );
    }

    private static SchemaNode? Step(SchemaNode node, string segment)
    {
        if (segment == Items)
        {
            return node.Items;
        }
        if (segment == Values)
        {
            return node.AdditionalSchema;
        }
        if (segment.StartsWith(AnyOf, StringComparison.Ordinal))
        {
            var i = int.Parse(
                segment[AnyOf.Length..],
                System.Globalization.CultureInfo.InvariantCulture
            );
            return node.AnyOf is { } alternatives && i < alternatives.Count
                ? alternatives[i]
                : null;
        }
        if (node.Properties?.TryGetValue(segment, out var child) == true)
        {
            return child;
        }
        return node
            .AllOf?.Select(part => Step(part.Resolved, segment))
            .FirstOrDefault(found => found is not null);
    }

    private static void Collect(SchemaNode node, HashSet<string> keys)
    {
        keys.UnionWith(node.Properties?.Keys ?? []);
        foreach (var part in node.AllOf ?? [])
        {
            Collect(part.Resolved, keys);
        }
    }
}
