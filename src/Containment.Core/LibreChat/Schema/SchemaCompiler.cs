using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Containment.Core.LibreChat.Schema;

/// <summary>
/// Turns the generated JSON Schema document into <see cref="SchemaNode"/>s once. Hand-written over
/// <see cref="JsonDocument"/> (no serializer reflection) so it stays fast at start-up and AOT-safe.
/// </summary>
internal static class SchemaCompiler
{
    // Annotations the evaluator does not need; everything else must be understood.
    private static readonly HashSet<string> IgnoredKeywords = new(StringComparer.Ordinal)
    {
        "$schema",
        "$comment",
        "default",
        "description",
        "title",
        "x-librechat-data-provider",
        "x-config-version",
        "x-unimplemented-refinements",
    };

    public static SchemaNode Compile(JsonElement root)
    {
        var refs = new List<SchemaNode>();
        var byPointer = new Dictionary<string, SchemaNode>(StringComparer.Ordinal);
        var compiled = CompileNode(root, "#", refs, byPointer);
        foreach (var node in refs)
        {
            node.RefTarget = byPointer.TryGetValue(node.RefPointer!, out var target)
                ? target
                : throw new InvalidOperationException(
                    $"Schema $ref {node.RefPointer} points nowhere."
                );
        }
        return compiled;
    }

    private static SchemaNode CompileNode(
        JsonElement element,
        string pointer,
        List<SchemaNode> refs,
        Dictionary<string, SchemaNode> byPointer
    )
    {
        SchemaNode node;
        if (element.ValueKind == JsonValueKind.True)
        {
            node = new SchemaNode();
        }
        else if (element.ValueKind == JsonValueKind.False)
        {
            node = new SchemaNode { Never = true };
        }
        else if (element.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidOperationException($"Schema node {pointer} is not an object.");
        }
        else if (element.TryGetProperty("$ref", out var reference))
        {
            node = new SchemaNode { RefPointer = reference.GetString() };
            refs.Add(node);
        }
        else
        {
            node = CompileObject(element, pointer, refs, byPointer);
        }
        byPointer[pointer] = node;
        return node;
    }

    private static SchemaNode CompileObject(
        JsonElement element,
        string pointer,
        List<SchemaNode> refs,
        Dictionary<string, SchemaNode> byPointer
    )
    {
        Dictionary<string, SchemaNode>? properties = null;
        List<string>? order = null;
        List<string> required = [];
        var additionalAllowed = true;
        SchemaNode? additionalSchema = null;
        SchemaNode? items = null;
        List<SchemaNode>? tuple = null;
        List<SchemaLiteral>? enumValues = null;
        List<SchemaNode>? anyOf = null;
        List<SchemaNode>? allOf = null;
        var types = JsonTypes.Any;
        var never = false;
        Lazy<Regex>? pattern = null;
        var url = UrlCheck.None;
        var trim = false;
        var finite = false;
        List<string>? protocols = null;
        List<string>? forbiddenProtocols = null;
        string? refine = null;
        List<string> refineArgs = [];
        int? minItems = null,
            maxItems = null,
            minLength = null,
            maxLength = null;
        double? minimum = null,
            maximum = null,
            exclusiveMinimum = null,
            exclusiveMaximum = null;

        foreach (var property in element.EnumerateObject())
        {
            var value = property.Value;
            var here = pointer + "/" + property.Name;
            switch (property.Name)
            {
                case "type":
                    types = ParseTypes(value);
                    break;
                case "properties":
                    properties = new Dictionary<string, SchemaNode>(StringComparer.Ordinal);
                    order = [];
                    foreach (var child in value.EnumerateObject())
                    {
                        properties[child.Name] = CompileNode(
                            child.Value,
                            here + "/" + child.Name,
                            refs,
                            byPointer
                        );
                        order.Add(child.Name);
                    }
                    break;
                case "required":
                    required.AddRange(Strings(value));
                    break;
                case "additionalProperties":
                    if (value.ValueKind == JsonValueKind.False)
                    {
                        additionalAllowed = false;
                    }
                    else if (value.ValueKind == JsonValueKind.Object)
                    {
                        additionalSchema = CompileNode(value, here, refs, byPointer);
                    }
                    break;
                case "items":
                    if (value.ValueKind == JsonValueKind.Array)
                    {
                        tuple = CompileList(value, here, refs, byPointer);
                    }
                    else
                    {
                        items = CompileNode(value, here, refs, byPointer);
                    }
                    break;
                case "anyOf":
                case "oneOf":
                    // zod unions pass when any branch passes; the generator never relies on oneOf's exclusivity.
                    anyOf = CompileList(value, here, refs, byPointer);
                    break;
                case "allOf":
                    allOf = CompileList(value, here, refs, byPointer);
                    break;
                case "enum":
                    enumValues = Literals(value);
                    break;
                case "const":
                    enumValues = [SchemaLiteral.From(value)];
                    break;
                case "not":
                    // The generator only emits `not: {}` (z.never / z.undefined): the value must be absent.
                    if (value.ValueKind != JsonValueKind.Object || value.GetPropertyCount() != 0)
                    {
                        throw new InvalidOperationException($"Unsupported schema 'not' at {here}.");
                    }
                    never = true;
                    break;
                case "minItems":
                    minItems = value.GetInt32();
                    break;
                case "maxItems":
                    maxItems = value.GetInt32();
                    break;
                case "minLength":
                    minLength = value.GetInt32();
                    break;
                case "maxLength":
                    maxLength = value.GetInt32();
                    break;
                case "minimum":
                    minimum = value.GetDouble();
                    break;
                case "maximum":
                    maximum = value.GetDouble();
                    break;
                case "exclusiveMinimum":
                    exclusiveMinimum = value.GetDouble();
                    break;
                case "exclusiveMaximum":
                    exclusiveMaximum = value.GetDouble();
                    break;
                case "pattern":
                    var source = JsRegex.ToDotNet(value.GetString()!);
                    pattern = new Lazy<Regex>(() =>
                        new Regex(source, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1))
                    );
                    break;
                case "format":
                    url =
                        value.GetString() == "uri"
                            ? UrlCheck.Plain
                            : throw new InvalidOperationException($"Unsupported format at {here}.");
                    break;
                case "x-url":
                    url = value.GetString() == "env" ? UrlCheck.AfterEnvExpansion : UrlCheck.Plain;
                    break;
                case "x-url-protocols":
                    protocols = Strings(value);
                    break;
                case "x-trim":
                    trim = value.GetBoolean();
                    break;
                case "x-finite":
                    finite = value.GetBoolean();
                    break;
                case "x-url-forbidden-protocols":
                    forbiddenProtocols = Strings(value);
                    break;
                case "x-refine":
                    refine = Refinements.IsKnown(value.GetString()!)
                        ? value.GetString()
                        : throw new InvalidOperationException($"Unknown refinement at {here}.");
                    break;
                case "x-refine-args":
                    refineArgs.AddRange(Strings(value));
                    break;
                default:
                    if (!IgnoredKeywords.Contains(property.Name))
                    {
                        throw new InvalidOperationException(
                            $"Unsupported schema keyword '{property.Name}' at {pointer}."
                        );
                    }
                    break;
            }
        }

        return new SchemaNode
        {
            Never = never,
            Types = types,
            Properties = properties,
            PropertyOrder = order,
            Required = required,
            AdditionalAllowed = additionalAllowed,
            AdditionalSchema = additionalSchema,
            Items = items,
            TupleItems = tuple,
            MinItems = minItems,
            MaxItems = maxItems,
            Trim = trim,
            Finite = finite,
            MinLength = minLength,
            MaxLength = maxLength,
            Minimum = minimum,
            Maximum = maximum,
            ExclusiveMinimum = exclusiveMinimum,
            ExclusiveMaximum = exclusiveMaximum,
            Pattern = pattern,
            Url = url,
            UrlProtocols = protocols,
            UrlForbiddenProtocols = forbiddenProtocols,
            Refine = refine,
            RefineArgs = refineArgs,
            Enum = enumValues,
            AnyOf = anyOf,
            AllOf = allOf,
        };
    }

    // Plain loops rather than LINQ over JsonElement: every generic instantiation over that struct is
    // JIT-compiled at start-up, which showed up in the time to first diagnostic.
    private static List<SchemaNode> CompileList(
        JsonElement array,
        string pointer,
        List<SchemaNode> refs,
        Dictionary<string, SchemaNode> byPointer
    )
    {
        var list = new List<SchemaNode>(array.GetArrayLength());
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            list.Add(
                CompileNode(
                    item,
                    pointer + "/" + index.ToString(CultureInfo.InvariantCulture),
                    refs,
                    byPointer
                )
            );
            index++;
        }
        return list;
    }

    private static List<string> Strings(JsonElement array)
    {
        var list = new List<string>(array.GetArrayLength());
        foreach (var item in array.EnumerateArray())
        {
            list.Add(item.GetString()!);
        }
        return list;
    }

    private static List<SchemaLiteral> Literals(JsonElement array)
    {
        var list = new List<SchemaLiteral>(array.GetArrayLength());
        foreach (var item in array.EnumerateArray())
        {
            list.Add(SchemaLiteral.From(item));
        }
        return list;
    }

    private static JsonTypes ParseTypes(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            return ParseType(value.GetString()!);
        }
        var types = JsonTypes.None;
        foreach (var item in value.EnumerateArray())
        {
            types |= ParseType(item.GetString()!);
        }
        return types;
    }

    private static JsonTypes ParseType(string name) =>
        name switch
        {
            "null" => JsonTypes.Null,
            "boolean" => JsonTypes.Boolean,
            "integer" => JsonTypes.Integer,
            "number" => JsonTypes.Number | JsonTypes.Integer,
            "string" => JsonTypes.String,
            "array" => JsonTypes.Array,
            "object" => JsonTypes.Object,
            _ => throw new InvalidOperationException($"Unknown schema type '{name}'."),
        };
}
