using Containment.Core.Targets.Aviatrix;

namespace Containment.Core.Targets.Pulumi;

/// <summary>
/// Checks a program against the Aviatrix schema facts before anything reaches Pulumi: every Aviatrix
/// property exists under its bridged Pulumi name, has the bridged shape (MaxItems-1 blocks as objects,
/// block lists as arrays), uses an allowed value, is released in the pinned provider version, and no
/// required argument is missing. It also checks that every <c>${reference}</c> and <c>dependsOn</c> names
/// something the program declares, and that references into Aviatrix objects read attributes they have.
/// </summary>
public static class PulumiSchemaCheck
{
    private const string AviatrixPrefix = PulumiPackages.AviatrixPackage + ":";

    /// <summary>Problems as <c>path: message</c>, in program order; empty when the program is consistent.</summary>
    public static IReadOnlyList<string> Check(PulumiProgram program, AviatrixSchemaFacts facts) =>
        Check(program, facts, PulumiPackages.AviatrixProviderVersion);

    public static IReadOnlyList<string> Check(
        PulumiProgram program,
        AviatrixSchemaFacts facts,
        Version providerVersion
    )
    {
        var checker = new Checker(program, facts, providerVersion);
        checker.Run();
        return checker.Problems;
    }

    private sealed class Checker(
        PulumiProgram program,
        AviatrixSchemaFacts facts,
        Version providerVersion
    )
    {
        public List<string> Problems { get; } = [];

        public void Run()
        {
            foreach (var variable in program.Variables)
            {
                CheckExpression($"variables.{variable.Name}", variable.Value);
            }

            foreach (var resource in program.Resources)
            {
                var path = $"resources.{resource.LogicalName}";
                if (IsAviatrix(resource.Type))
                {
                    var type = AviatrixType(path, resource.Type, expectDataSource: false);
                    if (type is not null)
                    {
                        CheckBlock($"{path}.properties", resource.Properties, type.Arguments);
                    }
                }
                else
                {
                    CheckExpression($"{path}.properties", resource.Properties);
                }

                foreach (
                    var dependency in resource
                        .Options.DependsOn.Append(resource.Options.Parent)
                        .OfType<string>()
                )
                {
                    if (program.Resource(dependency) is null)
                    {
                        Problems.Add(
                            $"{path}.options: '{dependency}' is not a resource of the program."
                        );
                    }
                }
            }

            foreach (var output in program.Outputs)
            {
                CheckExpression($"outputs.{output.Name}", output.Value);
            }
        }

        private static bool IsAviatrix(string token) =>
            token.StartsWith(AviatrixPrefix, StringComparison.Ordinal);

        private AviatrixType? AviatrixType(string path, string token, bool expectDataSource)
        {
            var type = facts.ByPulumiToken(token);
            if (type is null || type.IsDataSource != expectDataSource)
            {
                Problems.Add(
                    $"{path}: '{token}' is not an Aviatrix {(expectDataSource ? "function" : "resource")} in the schema facts."
                );
                return null;
            }

            if (type.Since > providerVersion)
            {
                Problems.Add(
                    $"{path}: '{token}' needs Aviatrix provider {type.Since}, pinned {providerVersion}."
                );
            }

            return type;
        }

        /// <summary>Values outside the Aviatrix schema: only references are checked.</summary>
        private void CheckExpression(string path, PulumiValue value)
        {
            switch (value)
            {
                case PulumiText text:
                    CheckReferences(path, text);
                    break;
                case PulumiList list:
                    for (var i = 0; i < list.Items.Count; i++)
                    {
                        CheckExpression($"{path}[{i}]", list.Items[i]);
                    }

                    break;
                case PulumiObject obj:
                    foreach (var (key, item) in obj.Properties)
                    {
                        CheckExpression($"{path}.{key}", item);
                    }

                    break;
                case PulumiInvoke invoke when IsAviatrix(invoke.Function):
                    var type = AviatrixType(path, invoke.Function, expectDataSource: true);
                    if (type is not null)
                    {
                        CheckBlock($"{path}.arguments", invoke.Arguments, type.Arguments);
                    }

                    break;
                case PulumiInvoke invoke:
                    CheckExpression($"{path}.arguments", invoke.Arguments);
                    break;
                default:
                    break;
            }
        }

        private void CheckBlock(
            string path,
            PulumiObject obj,
            IReadOnlyDictionary<string, AviatrixArgument> arguments
        )
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (key, value) in obj.Properties)
            {
                var at = $"{path}.{key}";
                if (!seen.Add(key))
                {
                    Problems.Add($"{at}: set twice.");
                }

                if (!arguments.TryGetValue(key, out var argument))
                {
                    Problems.Add(
                        $"{at}: no such argument (known: {string.Join(", ", arguments.Keys.Order(StringComparer.Ordinal))})."
                    );
                    continue;
                }

                foreach (
                    var reason in AviatrixArgumentRules.CheckSettable(argument, providerVersion)
                )
                {
                    Problems.Add($"{at}: {reason}.");
                }

                CheckValue(at, value, argument);
            }

            foreach (
                var required in arguments.Values.Where(a =>
                    a.Required && !seen.Contains(a.PulumiName)
                )
            )
            {
                Problems.Add($"{path}: required argument '{required.PulumiName}' is missing.");
            }
        }

        private void CheckValue(string path, PulumiValue value, AviatrixArgument argument)
        {
            // A whole-value reference carries the referenced value's type, which only Pulumi knows.
            if (value is PulumiText { WholeReference: not null } whole)
            {
                CheckReferences(path, whole);
                return;
            }

            switch (argument.Shape)
            {
                case PulumiShape.String when value is PulumiText text:
                    CheckReferences(path, text);
                    CheckAllowed(path, text, argument);
                    break;
                case PulumiShape.Integer when value is PulumiInt number:
                    if (AviatrixArgumentRules.CheckInteger(argument, number.Value) is { } tooSmall)
                    {
                        Problems.Add($"{path}: {tooSmall}.");
                    }

                    break;
                case PulumiShape.Boolean when value is PulumiBool:
                    break;
                case PulumiShape.StringMap when value is PulumiObject map:
                    foreach (var (key, item) in map.Properties)
                    {
                        if (item is PulumiText text)
                        {
                            CheckReferences($"{path}.{key}", text);
                        }
                        else
                        {
                            Problems.Add(
                                $"{path}.{key}: expected a string (map of strings), got {Describe(item)}."
                            );
                        }
                    }

                    break;
                case PulumiShape.StringArray when value is PulumiList list:
                    for (var i = 0; i < list.Items.Count; i++)
                    {
                        if (list.Items[i] is PulumiText text)
                        {
                            CheckReferences($"{path}[{i}]", text);
                        }
                        else
                        {
                            Problems.Add(
                                $"{path}[{i}]: expected a string, got {Describe(list.Items[i])}."
                            );
                        }
                    }

                    break;
                case PulumiShape.ObjectArray when value is PulumiList list:
                    if (
                        AviatrixArgumentRules.CheckItemCount(argument, list.Items.Count) is
                        { } tooMany
                    )
                    {
                        Problems.Add($"{path}: {tooMany}.");
                    }

                    for (var i = 0; i < list.Items.Count; i++)
                    {
                        if (list.Items[i] is PulumiObject item)
                        {
                            CheckBlock($"{path}[{i}]", item, argument.Block);
                        }
                        else
                        {
                            Problems.Add(
                                $"{path}[{i}]: expected an object, got {Describe(list.Items[i])}."
                            );
                        }
                    }

                    break;
                case PulumiShape.Object when value is PulumiObject obj:
                    CheckBlock(path, obj, argument.Block);
                    break;
                default:
                    Problems.Add(
                        $"{path}: expected {Describe(argument.Shape)}, got {Describe(value)}."
                    );
                    break;
            }
        }

        private void CheckAllowed(string path, PulumiText text, AviatrixArgument argument)
        {
            if (!text.IsLiteral)
            {
                return;
            }

            foreach (var reason in AviatrixArgumentRules.CheckText(argument, text.LiteralText))
            {
                Problems.Add($"{path}: {reason}.");
            }
        }

        private void CheckReferences(string path, PulumiText text)
        {
            foreach (var reference in text.References)
            {
                CheckReference(path, reference);
            }
        }

        private void CheckReference(string path, ReferencePart reference)
        {
            if (
                program.Config.Any(c =>
                    string.Equals(c.Name, reference.Root, StringComparison.Ordinal)
                )
            )
            {
                return;
            }

            if (program.Resource(reference.Root) is { } resource)
            {
                if (IsAviatrix(resource.Type) && reference.Path.Count > 0)
                {
                    CheckAttribute(path, reference, facts.ByPulumiToken(resource.Type));
                }

                return;
            }

            if (program.Variable(reference.Root) is { } variable)
            {
                if (
                    variable.Value is PulumiInvoke invoke
                    && IsAviatrix(invoke.Function)
                    && reference.Path.Count > 0
                )
                {
                    CheckAttribute(path, reference, facts.ByPulumiToken(invoke.Function));
                }

                return;
            }

            Problems.Add(
                $"{path}: ${{{reference.Expression}}} names no config, variable or resource of the program."
            );
        }

        private void CheckAttribute(string path, ReferencePart reference, AviatrixType? type)
        {
            var attribute = reference.Path[0];
            if (
                type is not null
                && attribute is not ("id" or "urn")
                && !type.Arguments.ContainsKey(attribute)
            )
            {
                Problems.Add(
                    $"{path}: ${{{reference.Expression}}} reads '{attribute}', which {type.TerraformType} does not have."
                );
            }
        }

        private static string Describe(PulumiShape shape) =>
            shape switch
            {
                PulumiShape.String => "a string",
                PulumiShape.Integer => "an integer",
                PulumiShape.Boolean => "a boolean",
                PulumiShape.StringMap => "a map of strings",
                PulumiShape.StringArray => "a list of strings",
                PulumiShape.ObjectArray => "a list of objects",
                PulumiShape.Object => "an object (single block)",
                _ => shape.ToString(),
            };

        private static string Describe(PulumiValue value) =>
            value switch
            {
                PulumiText => "a string",
                PulumiInt => "an integer",
                PulumiBool => "a boolean",
                PulumiList => "a list",
                PulumiObject => "an object",
                PulumiInvoke => "an invoke",
                _ => value.GetType().Name,
            };
    }
}
