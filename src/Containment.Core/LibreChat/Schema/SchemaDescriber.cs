namespace Containment.Core.LibreChat.Schema;

/// <summary>Says what a schema node accepts in zod-like words: "an array of strings", "one of 'a', 'b'".</summary>
internal static class SchemaDescriber
{
    public static string Describe(SchemaNode schema, int nesting = 0)
    {
        schema = schema.Resolved;
        if (schema.Never)
        {
            return "nothing (the key must be absent)";
        }
        if (schema.Enum is { } values)
        {
            return values.Count == 1
                ? Literal(values[0])
                : "one of " + string.Join(", ", values.Select(Literal));
        }
        if (schema.AnyOf is { } branches && nesting < 2)
        {
            var parts = branches
                .Select(b => Describe(b, nesting + 1))
                .Distinct(StringComparer.Ordinal)
                .ToList();
            return parts.Count <= 5 ? JoinOr(parts) : "one of several shapes";
        }
        if (schema.AllOf is { Count: > 0 } all && schema.Types == JsonTypes.Any)
        {
            return Describe(all[0], nesting + 1);
        }
        return DescribeTypes(schema.Types, schema.Items);
    }

    public static string DescribeTypes(JsonTypes types, SchemaNode? items)
    {
        if (types == JsonTypes.Any)
        {
            return "any value";
        }
        var parts = new List<string>();
        if (types.HasFlag(JsonTypes.String))
        {
            parts.Add("a string");
        }
        if (types.HasFlag(JsonTypes.Number))
        {
            parts.Add("a number");
        }
        else if (types.HasFlag(JsonTypes.Integer))
        {
            parts.Add("an integer");
        }
        if (types.HasFlag(JsonTypes.Boolean))
        {
            parts.Add("a boolean");
        }
        if (types.HasFlag(JsonTypes.Object))
        {
            parts.Add("a mapping");
        }
        if (types.HasFlag(JsonTypes.Array))
        {
            var plural = items is null ? null : Plural(items.Resolved);
            parts.Add(plural is null ? "an array" : "an array of " + plural);
        }
        if (types.HasFlag(JsonTypes.Null))
        {
            parts.Add("null");
        }
        return JoinOr(parts);
    }

    private static string? Plural(SchemaNode items) =>
        items.Enum is not null || items.AnyOf is not null
            ? null
            : items.Types switch
            {
                JsonTypes.String => "strings",
                JsonTypes.Number | JsonTypes.Integer => "numbers",
                JsonTypes.Integer => "integers",
                JsonTypes.Boolean => "booleans",
                JsonTypes.Object => "mappings",
                _ => null,
            };

    private static string JoinOr(List<string> parts) =>
        parts.Count <= 1
            ? string.Concat(parts)
            : string.Join(", ", parts.Take(parts.Count - 1)) + " or " + parts[^1];

    public static string Literal(SchemaLiteral value) => value.Display;
}
