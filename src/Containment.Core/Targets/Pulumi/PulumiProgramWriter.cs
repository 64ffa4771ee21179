using System.Text;
using System.Text.Json;
using Containment.Core.IO;

namespace Containment.Core.Targets.Pulumi;

/// <summary>
/// Prints a <see cref="PulumiProgram"/> as one JSON document, which Pulumi's YAML runtime parses as YAML:
/// typed scalars, no anchors, no multi-document streams. Literal <c>$</c> is doubled everywhere Pulumi
/// interpolates; references print as <c>${root.path}</c>. Two-space indent, "\n" line ends, final newline.
/// </summary>
public static class PulumiProgramWriter
{
    public static string Write(PulumiProgram program) =>
        CanonicalJson.Write(json => WriteProgram(json, program));

    private static void WriteProgram(Utf8JsonWriter json, PulumiProgram program)
    {
        json.WriteStartObject();
        json.WriteString("name", program.Name);
        json.WriteString("runtime", "yaml");
        if (program.Description is not null)
        {
            json.WriteString("description", program.Description);
        }

        if (program.Config.Count > 0)
        {
            json.WriteStartObject("config");
            foreach (var config in program.Config)
            {
                json.WriteStartObject(config.Name);
                json.WriteString("type", config.Type);
                if (config.Secret)
                {
                    json.WriteBoolean("secret", true);
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        if (program.Variables.Count > 0)
        {
            json.WriteStartObject("variables");
            foreach (var variable in program.Variables)
            {
                json.WritePropertyName(variable.Name);
                WriteValue(json, variable.Value);
            }

            json.WriteEndObject();
        }

        if (program.Resources.Count > 0)
        {
            json.WriteStartObject("resources");
            foreach (var resource in program.Resources)
            {
                WriteResource(json, resource);
            }

            json.WriteEndObject();
        }

        if (program.Outputs.Count > 0)
        {
            json.WriteStartObject("outputs");
            foreach (var output in program.Outputs)
            {
                json.WritePropertyName(output.Name);
                WriteValue(json, output.Value);
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void WriteResource(Utf8JsonWriter json, PulumiResource resource)
    {
        json.WriteStartObject(resource.LogicalName);
        json.WriteString("type", resource.Type);
        json.WritePropertyName("properties");
        WriteValue(json, resource.Properties);

        var options = resource.Options;
        if (!options.IsEmpty)
        {
            json.WriteStartObject("options");
            if (options.DependsOn.Count > 0)
            {
                json.WriteStartArray("dependsOn");
                foreach (var dependency in options.DependsOn)
                {
                    json.WriteStringValue(Reference(new ReferencePart(dependency, [])));
                }

                json.WriteEndArray();
            }

            if (options.Parent is not null)
            {
                json.WriteString("parent", Reference(new ReferencePart(options.Parent, [])));
            }

            if (options.Protect)
            {
                json.WriteBoolean("protect", true);
            }

            if (options.DeleteBeforeReplace)
            {
                json.WriteBoolean("deleteBeforeReplace", true);
            }

            if (options.Version is not null)
            {
                json.WriteString("version", options.Version);
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter json, PulumiValue value)
    {
        switch (value)
        {
            case PulumiText text:
                json.WriteStringValue(Interpolation(text));
                break;
            case PulumiBool b:
                json.WriteBooleanValue(b.Value);
                break;
            case PulumiInt i:
                json.WriteNumberValue(i.Value);
                break;
            case PulumiList list:
                json.WriteStartArray();
                foreach (var item in list.Items)
                {
                    WriteValue(json, item);
                }

                json.WriteEndArray();
                break;
            case PulumiObject obj:
                json.WriteStartObject();
                foreach (var (key, item) in obj.Properties)
                {
                    json.WritePropertyName(ObjectKey(key));
                    WriteValue(json, item);
                }

                json.WriteEndObject();
                break;
            case PulumiInvoke invoke:
                WriteInvoke(json, invoke);
                break;
            default:
                throw new ArgumentOutOfRangeException(
                    nameof(value),
                    value.GetType().Name,
                    "Unknown Pulumi value."
                );
        }
    }

    private static void WriteInvoke(Utf8JsonWriter json, PulumiInvoke invoke)
    {
        json.WriteStartObject();
        json.WriteStartObject("fn::invoke");
        json.WriteString("function", invoke.Function);
        json.WritePropertyName("arguments");
        WriteValue(json, invoke.Arguments);
        if (invoke.Version is not null)
        {
            json.WriteStartObject("options");
            json.WriteString("version", invoke.Version);
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>Keys of expression objects are interpolated too; a key starting with <c>fn::</c> would be read as a call.</summary>
    private static string ObjectKey(string key)
    {
        if (key.StartsWith("fn::", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException(
                $"Object key '{key}' would be read by Pulumi as a function call.",
                nameof(key)
            );
        }

        return Escape(key);
    }

    public static string Interpolation(PulumiText text)
    {
        var builder = new StringBuilder();
        foreach (var part in text.Parts)
        {
            builder.Append(
                part switch
                {
                    LiteralPart literal => Escape(literal.Text),
                    ReferencePart reference => Reference(reference),
                    _ => throw new ArgumentOutOfRangeException(
                        nameof(text),
                        part.GetType().Name,
                        "Unknown text part."
                    ),
                }
            );
        }

        return builder.ToString();
    }

    /// <summary>Pulumi turns <c>$$</c> into <c>$</c> everywhere, so every literal <c>$</c> is doubled.</summary>
    public static string Escape(string literal) =>
        literal.Replace("$", "$$", StringComparison.Ordinal);

    /// <summary><c>${root.a.b}</c>; names that are not plain identifiers use the <c>["..."]</c> form, where
    /// Pulumi's parser knows only the <c>\"</c> escape.</summary>
    public static string Reference(ReferencePart reference)
    {
        var builder = new StringBuilder("${");
        builder.Append(IsPlainName(reference.Root) ? reference.Root : Subscript(reference.Root));
        foreach (var segment in reference.Path)
        {
            builder.Append(IsPlainName(segment) ? "." + segment : Subscript(segment));
        }

        return builder.Append('}').ToString();
    }

    private static bool IsPlainName(string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string Subscript(string name) =>
        "[\"" + name.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"]";
}
