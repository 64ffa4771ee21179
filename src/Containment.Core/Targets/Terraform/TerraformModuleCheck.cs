using System.Globalization;
using Containment.Core.Targets.Aviatrix;

namespace Containment.Core.Targets.Terraform;

/// <summary>
/// Checks a <see cref="TerraformModule"/> as built, before anything is printed, against the Aviatrix provider facts
/// (the same <c>aviatrix-schema-facts.json</c> and the same <see cref="AviatrixArgumentRules"/> the Pulumi program
/// check uses): every resource and data source type is known, every argument exists, is writable, has the right type,
/// an allowed value, and exists in the lowest provider version the pin allows; required arguments are present; a
/// sensitive variable has no value. Problems read <c>$.path: reason</c> (the path the printed JSON would have), in
/// print order.
/// </summary>
public static class TerraformModuleCheck
{
    public static IReadOnlyList<string> Check(
        TerraformFile file,
        AviatrixTerraformSchema schema,
        Version minimumProvider
    )
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(minimumProvider);
        var errors = new List<string>();
        var checker = new Checker(minimumProvider, errors);

        // Print order: data, output, provider, resource, terraform, variable.
        checker.Blocks(file.DataSources, schema.DataSources, "data");
        foreach (var provider in file.Providers.OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            if (provider.Name == "aviatrix")
            {
                checker.Body(
                    provider.Arguments,
                    schema.ProviderConfiguration,
                    $"$.provider.{provider.Name}"
                );
            }
        }

        checker.Blocks(file.Resources, schema.Resources, "resource");
        foreach (var variable in file.Variables.OrderBy(v => v.Name, StringComparer.Ordinal))
        {
            if (variable.Sensitive && variable.Default is not null)
            {
                errors.Add(
                    $"$.variable.{variable.Name}.default: a sensitive variable must never carry a value"
                );
            }
        }

        return errors;
    }

    private sealed class Checker(Version minimumProvider, List<string> errors)
    {
        public void Blocks(
            IReadOnlyList<TerraformBlock> blocks,
            IReadOnlyDictionary<string, IReadOnlyDictionary<string, AviatrixArgument>> known,
            string kind
        )
        {
            foreach (var type in TerraformModuleWriter.ByType(blocks))
            {
                if (!known.TryGetValue(type.Key, out var arguments))
                {
                    errors.Add($"$.{kind}.{type.Key}: unknown {kind} type");
                    continue;
                }

                foreach (var block in type)
                {
                    Body(block.Body, arguments, $"$.{kind}.{type.Key}.{block.Name}");
                }
            }
        }

        public void Body(
            TerraformObject body,
            IReadOnlyDictionary<string, AviatrixArgument> arguments,
            string path
        )
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (key, value) in body.Arguments)
            {
                if (!seen.Add(key))
                {
                    errors.Add($"{path}.{key}: set twice");
                }

                if (!arguments.TryGetValue(key, out var argument))
                {
                    errors.Add($"{path}.{key}: unknown argument");
                    continue;
                }

                Argument(value, argument, $"{path}.{key}");
            }

            foreach (
                var argument in arguments
                    .Values.Where(a => a.Required && !seen.Contains(a.TerraformName))
                    .OrderBy(a => a.TerraformName, StringComparer.Ordinal)
            )
            {
                errors.Add($"{path}.{argument.TerraformName}: required argument is missing");
            }
        }

        private void Argument(TerraformValue value, AviatrixArgument argument, string path)
        {
            errors.AddRange(
                AviatrixArgumentRules
                    .CheckSettable(argument, minimumProvider)
                    .Select(reason => $"{path}: {reason}")
            );
            if (argument.IsOutputOnly)
            {
                return;
            }

            // A reference or expression: its type is the provider's business at plan time.
            if (value is TerraformString { IsWholeExpression: true } && !argument.IsBlock)
            {
                return;
            }

            switch (argument.TerraformType)
            {
                case "string" when value is TerraformString text:
                    if (text.IsLiteral)
                    {
                        errors.AddRange(
                            AviatrixArgumentRules
                                .CheckText(argument, text.LiteralText)
                                .Select(reason => $"{path}: {reason}")
                        );
                    }

                    break;
                case "int" when value is TerraformNumber number:
                    if (AviatrixArgumentRules.CheckInteger(argument, number.Value) is { } tooSmall)
                    {
                        errors.Add($"{path}: {tooSmall}");
                    }

                    break;
                case "bool" when value is TerraformBool:
                    break;
                case "map" when value is TerraformObject map:
                    foreach (var (key, item) in map.Arguments)
                    {
                        if (item is not TerraformString)
                        {
                            errors.Add($"{path}.{key}: expected a string");
                        }
                    }

                    break;
                case "list" or "set" when value is TerraformList list:
                    Collection(list, argument, path);
                    break;
                case "string" or "int" or "bool" or "map" or "list" or "set":
                    errors.Add($"{path}: expected {Describe(argument.TerraformType)}");
                    break;
                default:
                    errors.Add($"{path}: facts name an unknown type '{argument.TerraformType}'");
                    break;
            }
        }

        private void Collection(TerraformList list, AviatrixArgument argument, string path)
        {
            if (AviatrixArgumentRules.CheckItemCount(argument, list.Items.Count) is { } tooMany)
            {
                errors.Add($"{path}: {tooMany}");
            }

            for (var i = 0; i < list.Items.Count; i++)
            {
                var itemPath = string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]");
                if (argument.IsBlock)
                {
                    if (list.Items[i] is TerraformObject item)
                    {
                        Body(item, argument.BlockByTerraformName, itemPath);
                    }
                    else
                    {
                        errors.Add($"{itemPath}: expected an object");
                    }
                }
                else if (list.Items[i] is not TerraformString)
                {
                    errors.Add($"{itemPath}: expected a string");
                }
            }
        }

        private static string Describe(string terraformType) =>
            terraformType switch
            {
                "string" => "a string",
                "int" => "an integer",
                "bool" => "a boolean",
                "map" => "an object (map of strings)",
                _ => "an array",
            };
    }
}
