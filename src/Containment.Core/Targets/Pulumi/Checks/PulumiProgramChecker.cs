using System.Text.Json;
using System.Text.Json.Nodes;
using Containment.Core.Targets.Aviatrix;

namespace Containment.Core.Targets.Pulumi.Checks;

/// <summary>
/// Checks a printed program the way Pulumi YAML will read it, so a program Pulumi would refuse or misread never
/// reaches it. It reads the text, not the builder's graph, so it also catches what the writer adds. Rules, each from
/// pulumi/pulumi-yaml v1.38.1 (commit 36f271c):
/// <list type="number">
/// <item>Top-level keys are <c>TemplateDecl</c>'s (<c>ast/template.go</c>); <c>components</c> and <c>namespace</c>
/// are refused in programs (<c>run.go</c> <c>RunTemplate</c>). Misspelled resource fields and options only warn in
/// Pulumi (<c>parseRecord</c>) and are then ignored: errors here.</item>
/// <item>Config keys, variables and resources share one name space (<c>sort.go</c> <c>topologicallySortedResources</c>,
/// <c>checkUniqueNode</c>); <c>pulumi</c> is reserved. A variable or resource named like a stack config key is
/// accepted silently but never evaluated, and <c>${name.x}</c> then reads the config value (<c>run.go</c>
/// <c>evaluatePropertyAccess</c> looks in resources, then config, then variables): an error here.</item>
/// <item>Every <c>${root...}</c> root is a resource, a variable, a config key or <c>pulumi</c>; reading a field of
/// config needs an object value; <c>pulumi.x</c> is one of the built-in fields (<c>run.go</c> ~L1186).</item>
/// <item>Resource fields are <c>ResourceDecl.Fields()</c>; option keys are <c>ResourceOptionsDecl</c>'s; invoke keys
/// and options are <c>InvokeExpr</c>/<c>InvokeOptionsDecl</c>'s (<c>ast/template.go</c>, <c>ast/expr.go</c>).</item>
/// <item>Aviatrix resource types and invoke tokens exist in the bridged schema facts, with the right kind; their
/// property, argument and read attribute names exist there; other packages' tokens are the ones the builder knows.</item>
/// </list>
/// </summary>
public static class PulumiProgramChecker
{
    /// <summary><c>TemplateDecl</c>'s fields, plus <c>runtime</c>: the template parser ignores unknown top-level keys
    /// (<c>ast/template.go</c> <c>parseRecord("template", ..., noMatchWarning: false)</c>) so a program may carry the
    /// project file's <c>runtime</c>; any other unknown key would be dropped silently, so it is an error here.</summary>
    private static readonly string[] TemplateKeys =
    [
        "runtime",
        "name",
        "namespace",
        "description",
        "version",
        "pulumi",
        "configuration",
        "config",
        "variables",
        "resources",
        "outputs",
        "components",
    ];

    private static readonly string[] ResourceFields =
    [
        "type",
        "name",
        "defaultProvider",
        "properties",
        "options",
        "get",
    ];

    private static readonly string[] ResourceOptions =
    [
        "additionalSecretOutputs",
        "aliases",
        "customTimeouts",
        "deleteBeforeReplace",
        "dependsOn",
        "ignoreChanges",
        "import",
        "parent",
        "protect",
        "provider",
        "providers",
        "version",
        "pluginDownloadURL",
        "replaceOnChanges",
        "retainOnDelete",
        "replaceWith",
        "deletedWith",
        "hideDiffs",
        "replacementTrigger",
        "envVarMappings",
    ];

    private static readonly string[] InvokeKeys = ["function", "arguments", "options", "return"];
    private static readonly string[] InvokeOptions =
    [
        "dependsOn",
        "parent",
        "provider",
        "version",
        "pluginDownloadURL",
    ];
    private static readonly string[] PulumiFields =
    [
        "cwd",
        "organization",
        "project",
        "stack",
        "rootDirectory",
    ];

    /// <summary>Reserved root (<c>run.go</c> <c>PulumiVarName</c>).</summary>
    private const string PulumiRoot = "pulumi";

    /// <summary>Problems as <c>path: message</c>, in document order; empty when Pulumi will read the program as meant.</summary>
    public static IReadOnlyList<string> Check(
        string programJson,
        PulumiConfigKeys stackConfig,
        AviatrixSchemaFacts facts
    )
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(programJson);
        }
        catch (JsonException e)
        {
            return [$"$: not a JSON document ({e.Message})."];
        }

        if (root is not JsonObject template)
        {
            return ["$: the program must be an object."];
        }

        var checker = new Checker(template, stackConfig, facts);
        checker.Run();
        return checker.Problems;
    }

    private sealed class Checker(
        JsonObject template,
        PulumiConfigKeys stackConfig,
        AviatrixSchemaFacts facts
    )
    {
        private readonly JsonObject _config = template["config"] as JsonObject ?? [];
        private readonly JsonObject _variables = template["variables"] as JsonObject ?? [];
        private readonly JsonObject _resources = template["resources"] as JsonObject ?? [];

        private static readonly HashSet<string> OtherPackageTokens =
        [
            PulumiTokens.ConfigMap,
            .. PulumiLookups.All.Select(l => l.Function),
        ];

        public List<string> Problems { get; } = [];

        public void Run()
        {
            foreach (var (key, _) in template)
            {
                if (!TemplateKeys.Contains(key, StringComparer.Ordinal))
                {
                    Problems.Add(
                        $"{key}: not a Pulumi YAML top-level key (Pulumi would ignore it)."
                    );
                }
                else if (key is "components" or "namespace")
                {
                    Problems.Add($"{key}: only component plugins may declare it, not programs.");
                }
            }

            CheckNames();
            foreach (var (name, value) in _variables)
            {
                CheckExpression($"variables.{name}", value);
            }

            foreach (var (name, value) in _resources)
            {
                CheckResource($"resources.{name}", value);
            }

            foreach (var (name, value) in template["outputs"] as JsonObject ?? [])
            {
                CheckExpression($"outputs.{name}", value);
            }
        }

        private void CheckNames()
        {
            foreach (
                var (kind, nodes) in new[]
                {
                    ("variable", _variables),
                    ("resource", _resources),
                    ("config", _config),
                }
            )
            {
                foreach (var (name, _) in nodes)
                {
                    if (name == PulumiRoot)
                    {
                        Problems.Add(
                            $"{kind} {name}: 'pulumi' is reserved for the built-in variable."
                        );
                    }
                }
            }

            foreach (var (name, _) in _resources)
            {
                if (_variables.ContainsKey(name))
                {
                    Problems.Add($"resources.{name}: a variable has the same name.");
                }
            }

            foreach (
                var (kind, nodes) in new[] { ("variables", _variables), ("resources", _resources) }
            )
            {
                foreach (var (name, _) in nodes)
                {
                    if (_config.ContainsKey(name))
                    {
                        Problems.Add(
                            $"{kind}.{name}: the program's config declares the same name."
                        );
                    }

                    if (stackConfig.Contains(name))
                    {
                        Problems.Add(
                            $"{kind}.{name}: a stack config key has the same name; Pulumi would use the config value and never evaluate this."
                        );
                    }
                }
            }
        }

        private void CheckResource(string path, JsonNode? node)
        {
            if (node is not JsonObject resource)
            {
                Problems.Add($"{path}: a resource must be an object.");
                return;
            }

            foreach (var (key, _) in resource)
            {
                if (!ResourceFields.Contains(key, StringComparer.Ordinal))
                {
                    Problems.Add(
                        $"{path}.{key}: not a resource field ({string.Join(", ", ResourceFields)})."
                    );
                }
            }

            var type =
                (resource["type"] as JsonValue)?.TryGetValue<string>(out var t) == true ? t : null;
            if (type is null)
            {
                Problems.Add($"{path}.type: missing.");
            }
            else
            {
                CheckToken(
                    $"{path}.type",
                    type,
                    dataSource: false,
                    resource["properties"] as JsonObject
                );
            }

            CheckExpression($"{path}.properties", resource["properties"]);
            CheckExpression($"{path}.get", resource["get"]);
            if (resource["options"] is JsonObject options)
            {
                CheckKeys($"{path}.options", options, ResourceOptions);
                CheckExpression($"{path}.options", options);
                CheckResourceReferences($"{path}.options.dependsOn", options["dependsOn"]);
                CheckResourceReferences($"{path}.options.parent", options["parent"]);
            }
        }

        /// <summary><c>dependsOn</c> and <c>parent</c> take whole references to resources.</summary>
        private void CheckResourceReferences(string path, JsonNode? node)
        {
            IEnumerable<JsonNode?> items = node switch
            {
                null => [],
                JsonArray list => list,
                _ => [node],
            };
            foreach (var item in items)
            {
                var text = (item as JsonValue)?.TryGetValue<string>(out var s) == true ? s : null;
                var (references, _) = PulumiInterpolation.Parse(text ?? "");
                if (
                    text is null
                    || references.Count != 1
                    || !_resources.ContainsKey(references[0].Root)
                )
                {
                    Problems.Add(
                        $"{path}: '{item?.ToJsonString()}' is not a reference to a resource of the program."
                    );
                }
            }
        }

        private void CheckToken(string path, string token, bool dataSource, JsonObject? arguments)
        {
            if (!token.StartsWith(PulumiPackages.AviatrixPackage + ":", StringComparison.Ordinal))
            {
                if (!OtherPackageTokens.Contains(token))
                {
                    Problems.Add(
                        $"{path}: '{token}' is not a type or function the program builder knows."
                    );
                }

                return;
            }

            var type = facts.ByPulumiToken(token);
            if (type is null || type.IsDataSource != dataSource)
            {
                Problems.Add(
                    $"{path}: '{token}' is not an Aviatrix {(dataSource ? "function" : "resource")} in the schema facts."
                );
                return;
            }

            foreach (var (name, _) in arguments ?? [])
            {
                if (!type.Arguments.ContainsKey(name))
                {
                    Problems.Add($"{path}: {type.TerraformType} has no argument '{name}'.");
                }
            }
        }

        private void CheckExpression(string path, JsonNode? node)
        {
            switch (node)
            {
                case JsonValue value when value.TryGetValue<string>(out var text):
                    CheckString(path, text);
                    break;
                case JsonArray list:
                    for (var i = 0; i < list.Count; i++)
                    {
                        CheckExpression($"{path}[{i}]", list[i]);
                    }

                    break;
                case JsonObject obj when obj.Count == 1 && obj["fn::invoke"] is JsonObject invoke:
                    CheckInvoke($"{path}.fn::invoke", invoke);
                    break;
                case JsonObject obj:
                    foreach (var (key, item) in obj)
                    {
                        CheckString($"{path}.{key}", key);
                        CheckExpression($"{path}.{key}", item);
                    }

                    break;
                default:
                    break;
            }
        }

        private void CheckInvoke(string path, JsonObject invoke)
        {
            CheckKeys(path, invoke, InvokeKeys);
            if (invoke["options"] is JsonObject options)
            {
                CheckKeys($"{path}.options", options, InvokeOptions);
            }

            var function =
                (invoke["function"] as JsonValue)?.TryGetValue<string>(out var f) == true
                    ? f
                    : null;
            if (function is null)
            {
                Problems.Add($"{path}.function: missing.");
            }
            else
            {
                CheckToken(
                    $"{path}.function",
                    function,
                    dataSource: true,
                    invoke["arguments"] as JsonObject
                );
            }

            CheckExpression($"{path}.arguments", invoke["arguments"]);
            CheckExpression($"{path}.options", invoke["options"]);
        }

        private void CheckKeys(string path, JsonObject obj, string[] allowed)
        {
            foreach (var (key, _) in obj)
            {
                if (!allowed.Contains(key, StringComparer.Ordinal))
                {
                    Problems.Add(
                        $"{path}.{key}: not a valid key here ({string.Join(", ", allowed)})."
                    );
                }
            }
        }

        private void CheckString(string path, string text)
        {
            var (references, error) = PulumiInterpolation.Parse(text);
            if (error is not null)
            {
                Problems.Add($"{path}: {error}.");
            }

            foreach (var reference in references)
            {
                CheckReference(path, reference);
            }
        }

        private void CheckReference(string path, PropertyAccess reference)
        {
            var root = reference.Root;
            var field = reference.Accessors.Count > 0 ? reference.Accessors[0] : null;
            if (root == PulumiRoot)
            {
                if (field is null || !PulumiFields.Contains(field, StringComparer.Ordinal))
                {
                    Problems.Add(
                        $"{path}: ${{{reference.Expression}}} is not a built-in pulumi field ({string.Join(", ", PulumiFields)})."
                    );
                }

                return;
            }

            // Lookup order of run.go evaluatePropertyAccess: resources, then config, then variables.
            if (_resources[root] is JsonObject resource)
            {
                var type =
                    (resource["type"] as JsonValue)?.TryGetValue<string>(out var t) == true
                        ? t
                        : "";
                CheckAttribute(path, reference, type, field);
                return;
            }

            if (_config.ContainsKey(root) || stackConfig.Contains(root))
            {
                var isObject =
                    (_config[root] as JsonObject)?["type"]?.GetValue<string>() == "object"
                    || stackConfig.IsObject(root);
                if (field is not null && !isObject)
                {
                    Problems.Add(
                        $"{path}: ${{{reference.Expression}}} reads a field of config '{root}', which is not an object."
                    );
                }

                return;
            }

            if (_variables[root] is { } variable)
            {
                if (
                    variable is JsonObject { Count: 1 } v
                    && v["fn::invoke"] is JsonObject invoke
                    && invoke["return"] is null
                )
                {
                    CheckAttribute(
                        path,
                        reference,
                        invoke["function"]?.GetValue<string>() ?? "",
                        field
                    );
                }

                return;
            }

            Problems.Add(
                $"{path}: ${{{reference.Expression}}} names no resource, variable or config key."
            );
        }

        /// <summary>Aviatrix attributes come from the facts; <c>id</c> and <c>urn</c> exist on every resource.</summary>
        private void CheckAttribute(
            string path,
            PropertyAccess reference,
            string token,
            string? field
        )
        {
            if (
                field is null
                || field is "id" or "urn"
                || facts.ByPulumiToken(token) is not { } type
            )
            {
                return;
            }

            if (!type.Arguments.ContainsKey(field))
            {
                Problems.Add(
                    $"{path}: ${{{reference.Expression}}} reads '{field}', which {type.TerraformType} does not have."
                );
            }
        }
    }
}
