using System.Text.RegularExpressions;

namespace Containment.Core.LibreChat.Schema;

/// <summary>JSON types as JSON Schema names them, as flags so a node can allow several.</summary>
[Flags]
internal enum JsonTypes
{
    None = 0,
    Null = 1,
    Boolean = 2,
    Integer = 4,
    Number = 8,
    String = 16,
    Array = 32,
    Object = 64,
    Any = Null | Boolean | Integer | Number | String | Array | Object,
}

/// <summary>How a string must parse as a URL (zod <c>.url()</c>, i.e. WHATWG <c>new URL()</c>).</summary>
internal enum UrlCheck
{
    None,

    /// <summary>The string itself must be a URL.</summary>
    Plain,

    /// <summary>LibreChat expands <c>${VAR}</c> first (extractEnvVariable), then checks the URL.</summary>
    AfterEnvExpansion,
}

/// <summary>
/// One compiled node of the JSON Schema subset that tools/librechat-schema/generate.mjs emits. Only the
/// keywords that generator produces are understood; <see cref="SchemaCompiler"/> rejects any other so a
/// regenerated schema cannot silently lose checks.
/// </summary>
internal sealed class SchemaNode
{
    /// <summary>Set for a <c>$ref</c> node; resolved after the whole document is compiled.</summary>
    public string? RefPointer { get; init; }

    public SchemaNode? RefTarget { get; set; }

    /// <summary>The JSON Schema <c>not: {}</c> that zod's <c>z.never()</c>/<c>z.undefined()</c> become.</summary>
    public bool Never { get; init; }

    public JsonTypes Types { get; init; } = JsonTypes.Any;

    public IReadOnlyDictionary<string, SchemaNode>? Properties { get; init; }

    /// <summary>Property names in schema order, for stable "expected one of" messages.</summary>
    public IReadOnlyList<string>? PropertyOrder { get; init; }

    public IReadOnlyList<string> Required { get; init; } = [];

    /// <summary>False: unknown keys are errors (zod <c>.strict()</c>). Null with <see cref="AdditionalSchema"/>
    /// null: anything goes (zod strips unknown keys).</summary>
    public bool AdditionalAllowed { get; init; } = true;

    public SchemaNode? AdditionalSchema { get; init; }

    public SchemaNode? Items { get; init; }

    public IReadOnlyList<SchemaNode>? TupleItems { get; init; }

    public int? MinItems { get; init; }

    public int? MaxItems { get; init; }

    /// <summary>zod <c>.trim()</c>: the length, pattern and URL checks see the trimmed text.</summary>
    public bool Trim { get; init; }

    /// <summary>zod <c>.finite()</c>: Infinity (YAML <c>.inf</c>) is rejected.</summary>
    public bool Finite { get; init; }

    public int? MinLength { get; init; }

    public int? MaxLength { get; init; }

    public double? Minimum { get; init; }

    public double? Maximum { get; init; }

    public double? ExclusiveMinimum { get; init; }

    public double? ExclusiveMaximum { get; init; }

    /// <summary>Built on first use: most configs never reach a patterned field, and building the 14
    /// regexes up front was a visible part of start-up.</summary>
    public Lazy<Regex>? Pattern { get; init; }

    public UrlCheck Url { get; init; }

    /// <summary>URL schemes (with colon, "wss:") a zod refinement on the URL lets through; null for any.</summary>
    public IReadOnlyList<string>? UrlProtocols { get; init; }

    /// <summary>URL schemes a zod refinement rejects (deny-list form, e.g. SSE must not use "ws:").</summary>
    public IReadOnlyList<string>? UrlForbiddenProtocols { get; init; }

    /// <summary>Name of a zod refinement implemented in <see cref="Refinements"/> (<c>x-refine</c>).</summary>
    public string? Refine { get; init; }

    /// <summary>Data the generator extracted for the refinement (<c>x-refine-args</c>).</summary>
    public IReadOnlyList<string> RefineArgs { get; init; } = [];

    /// <summary><c>enum</c> or <c>const</c> values (a const is a one-element enum).</summary>
    public IReadOnlyList<SchemaLiteral>? Enum { get; init; }

    public IReadOnlyList<SchemaNode>? AnyOf { get; init; }

    public IReadOnlyList<SchemaNode>? AllOf { get; init; }

    /// <summary>Follows <c>$ref</c> chains to the node that carries the keywords.</summary>
    public SchemaNode Resolved
    {
        get
        {
            var node = this;
            while (node.RefTarget is not null)
            {
                node = node.RefTarget;
            }
            return node;
        }
    }
}
