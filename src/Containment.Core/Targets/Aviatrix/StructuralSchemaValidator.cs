using System.Globalization;
using System.Text.Json.Nodes;

namespace Containment.Core.Targets.Aviatrix;

/// <summary>
/// Validates a JSON tree against the small JSON-Schema subset that firewallpolicy-crd-facts.json uses (see its
/// <c>_meta.keywords</c>). Unknown properties are errors: a Kubernetes structural schema would prune them silently.
/// </summary>
internal static class StructuralSchemaValidator
{
    public static void Validate(
        JsonNode? value,
        JsonObject schema,
        string path,
        List<string> errors
    )
    {
        var type = schema["type"]?.GetValue<string>();
        switch (type)
        {
            case "object":
                ValidateObject(value, schema, path, errors);
                break;
            case "array":
                ValidateArray(value, schema, path, errors);
                break;
            case "string":
                if (value is not JsonValue s || !s.TryGetValue<string>(out var text))
                {
                    errors.Add($"{path}: expected a string");
                    return;
                }

                if (schema["minLength"]?.GetValue<int>() is { } min && text.Length < min)
                {
                    errors.Add(
                        string.Create(CultureInfo.InvariantCulture, $"{path}: shorter than {min}")
                    );
                }

                if (
                    schema["enum"] is JsonArray allowed
                    && !allowed.Any(a => a!.GetValue<string>() == text)
                )
                {
                    errors.Add(
                        $"{path}: '{text}' is not one of {string.Join(", ", allowed.Select(a => a!.GetValue<string>()))}"
                    );
                }

                break;
            case "integer":
                if (value is not JsonValue i || !i.TryGetValue<long>(out _))
                {
                    errors.Add($"{path}: expected an integer");
                }

                break;
            case "boolean":
                if (value is not JsonValue b || !b.TryGetValue<bool>(out _))
                {
                    errors.Add($"{path}: expected a boolean");
                }

                break;
            default:
                errors.Add($"{path}: facts name an unknown type '{type}'");
                break;
        }
    }

    private static void ValidateObject(
        JsonNode? value,
        JsonObject schema,
        string path,
        List<string> errors
    )
    {
        if (value is not JsonObject obj)
        {
            errors.Add($"{path}: expected an object");
            return;
        }

        if (schema["additionalProperties"] is JsonObject mapValues)
        {
            foreach (var (key, item) in obj)
            {
                Validate(item, mapValues, $"{path}.{key}", errors);
            }

            return;
        }

        var properties = schema["properties"] as JsonObject ?? [];
        foreach (var (key, item) in obj)
        {
            if (properties[key] is JsonObject propertySchema)
            {
                Validate(item, propertySchema, $"{path}.{key}", errors);
            }
            else
            {
                errors.Add($"{path}.{key}: unknown field (the API server would prune it)");
            }
        }

        foreach (var required in schema["required"] as JsonArray ?? [])
        {
            var name = required!.GetValue<string>();
            if (!obj.ContainsKey(name))
            {
                errors.Add($"{path}.{name}: required field is missing");
            }
        }

        if (schema["x-exactlyOneOf"] is JsonArray oneOf)
        {
            var present = oneOf.Select(n => n!.GetValue<string>()).Count(obj.ContainsKey);
            if (present != 1)
            {
                errors.Add(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"{path}: exactly one of {string.Join(", ", oneOf.Select(n => n!.GetValue<string>()))} is required ({present} given)"
                    )
                );
            }
        }

        foreach (var (field, needed) in schema["x-requires"] as JsonObject ?? [])
        {
            var neededName = needed!.GetValue<string>();
            if (obj.ContainsKey(field) && !obj.ContainsKey(neededName))
            {
                errors.Add($"{path}.{field}: needs {neededName}");
            }
        }
    }

    private static void ValidateArray(
        JsonNode? value,
        JsonObject schema,
        string path,
        List<string> errors
    )
    {
        if (value is not JsonArray array)
        {
            errors.Add($"{path}: expected an array");
            return;
        }

        if (schema["minItems"]?.GetValue<int>() is { } min && array.Count < min)
        {
            errors.Add(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"{path}: at least {min} item(s) required"
                )
            );
        }

        if (schema["items"] is JsonObject items)
        {
            for (var i = 0; i < array.Count; i++)
            {
                Validate(
                    array[i],
                    items,
                    string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]"),
                    errors
                );
            }
        }

        if (schema["x-uniqueItemsBy"]?.GetValue<string>() is { } key)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var item in array)
            {
                if (item?[key] is JsonValue v && v.TryGetValue<string>(out var id) && !seen.Add(id))
                {
                    errors.Add($"{path}: {key} '{id}' is not unique");
                }
            }
        }
    }
}
