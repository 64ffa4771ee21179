using System.Text;
using System.Text.Json;
using Containment.Core.IO;

namespace Containment.Core.Targets.Terraform;

/// <summary>
/// Prints a <see cref="TerraformFile"/> as Terraform JSON: top-level keys, block types, block names, variables,
/// providers and outputs in ordinal order; argument bodies in the builder's order; the <c>"//"</c> comment first.
/// Literal text is escaped here and only here (<c>${</c> → <c>$${</c>, <c>%{</c> → <c>%%{</c>), so a name or a
/// description from the model can never become a Terraform expression.
/// </summary>
public static class TerraformModuleWriter
{
    public static string Write(TerraformFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return CanonicalJson.Write(json => WriteFile(json, file));
    }

    /// <summary>One string as Terraform reads it: literal parts escaped, expressions as <c>${expression}</c>.</summary>
    public static string Render(TerraformString text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder();
        foreach (var part in text.Parts)
        {
            sb.Append(
                part switch
                {
                    TerraformLiteral literal => literal
                        .Text.Replace("${", "$${", StringComparison.Ordinal)
                        .Replace("%{", "%%{", StringComparison.Ordinal),
                    TerraformExpression expression => "${" + expression.Expression + "}",
                    _ => throw new InvalidOperationException(part.GetType().Name),
                }
            );
        }

        return sb.ToString();
    }

    /// <summary>Blocks grouped by type, both in ordinal order: the order the printer and the check walk them.</summary>
    public static IEnumerable<IGrouping<string, TerraformBlock>> ByType(
        IEnumerable<TerraformBlock> blocks
    ) =>
        blocks
            .OrderBy(b => b.Type, StringComparer.Ordinal)
            .ThenBy(b => b.Name, StringComparer.Ordinal)
            .GroupBy(b => b.Type, StringComparer.Ordinal);

    private static void WriteFile(Utf8JsonWriter json, TerraformFile file)
    {
        json.WriteStartObject();
        if (file.Comment is not null)
        {
            json.WriteString("//", file.Comment);
        }

        // Ordinal order of the top-level keys: data, output, provider, resource, terraform, variable.
        WriteBlocks(json, "data", file.DataSources);
        WriteOutputs(json, file.Outputs);
        WriteProviders(json, file.Providers);
        WriteBlocks(json, "resource", file.Resources);
        WriteRequiredProviders(json, file.RequiredProviders);
        WriteVariables(json, file.Variables);
        json.WriteEndObject();
    }

    private static void WriteBlocks(
        Utf8JsonWriter json,
        string key,
        IReadOnlyList<TerraformBlock> blocks
    )
    {
        if (blocks.Count == 0)
        {
            return;
        }

        json.WriteStartObject(key);
        foreach (var type in ByType(blocks))
        {
            json.WriteStartObject(type.Key);
            foreach (var block in type)
            {
                json.WritePropertyName(block.Name);
                WriteValue(json, block.Body);
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void WriteOutputs(Utf8JsonWriter json, IReadOnlyList<TerraformOutput> outputs)
    {
        if (outputs.Count == 0)
        {
            return;
        }

        json.WriteStartObject("output");
        foreach (var output in outputs.OrderBy(o => o.Name, StringComparer.Ordinal))
        {
            json.WriteStartObject(output.Name);
            json.WriteString("description", output.Description);
            json.WritePropertyName("value");
            WriteValue(json, output.Value);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void WriteProviders(
        Utf8JsonWriter json,
        IReadOnlyList<TerraformProvider> providers
    )
    {
        if (providers.Count == 0)
        {
            return;
        }

        json.WriteStartObject("provider");
        foreach (var provider in providers.OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            json.WritePropertyName(provider.Name);
            WriteValue(json, provider.Arguments);
        }

        json.WriteEndObject();
    }

    private static void WriteRequiredProviders(
        Utf8JsonWriter json,
        IReadOnlyList<TerraformRequiredProvider> providers
    )
    {
        if (providers.Count == 0)
        {
            return;
        }

        json.WriteStartObject("terraform");
        json.WriteStartObject("required_providers");
        foreach (var provider in providers.OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            json.WriteStartObject(provider.Name);
            json.WriteString("source", provider.Source);
            json.WriteString("version", provider.Version);
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteVariables(
        Utf8JsonWriter json,
        IReadOnlyList<TerraformVariable> variables
    )
    {
        if (variables.Count == 0)
        {
            return;
        }

        json.WriteStartObject("variable");
        foreach (var variable in variables.OrderBy(v => v.Name, StringComparer.Ordinal))
        {
            json.WriteStartObject(variable.Name);
            json.WriteString("type", variable.Type);
            json.WriteString("description", variable.Description);
            if (variable.Default is not null)
            {
                json.WriteString("default", variable.Default);
            }

            if (variable.Sensitive)
            {
                json.WriteBoolean("sensitive", true);
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter json, TerraformValue value)
    {
        switch (value)
        {
            case TerraformString text:
                json.WriteStringValue(Render(text));
                break;
            case TerraformNumber number:
                json.WriteNumberValue(number.Value);
                break;
            case TerraformBool flag:
                json.WriteBooleanValue(flag.Value);
                break;
            case TerraformList list:
                json.WriteStartArray();
                foreach (var item in list.Items)
                {
                    WriteValue(json, item);
                }

                json.WriteEndArray();
                break;
            case TerraformObject obj:
                json.WriteStartObject();
                if (obj.Comment is not null)
                {
                    json.WriteString("//", obj.Comment);
                }

                foreach (var (key, item) in obj.Arguments)
                {
                    json.WritePropertyName(key);
                    WriteValue(json, item);
                }

                json.WriteEndObject();
                break;
            default:
                throw new InvalidOperationException(value.GetType().Name);
        }
    }
}
