using System.Globalization;
using System.Text.Json.Nodes;

namespace Containment.Core.Targets.Aviatrix;

/// <summary>
/// The Aviatrix Terraform provider facts as the Terraform target reads them (types and arguments keyed by Terraform name,
/// releases, look-up providers), all taken from the one <see cref="AviatrixSchemaFacts"/> the Pulumi target also reads,
/// and a validator for Terraform JSON that uses them.
/// </summary>
public sealed class AviatrixTerraformSchema
{
    private static readonly Lazy<AviatrixTerraformSchema> Embedded = new(() =>
        new AviatrixTerraformSchema(AviatrixSchemaFacts.Default)
    );

    public static AviatrixTerraformSchema Instance => Embedded.Value;

    public AviatrixTerraformSchema(AviatrixSchemaFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ProviderSource = facts.Provider.Source;
        Releases = facts.Provider.Releases;
        ProviderConfiguration = facts.Provider.Configuration;
        Resources = facts.Resources.ToDictionary(
            t => t.TerraformType,
            t => t.ArgumentsByTerraformName,
            StringComparer.Ordinal
        );
        var dataSources = facts.DataSources.ToDictionary(
            t => t.TerraformType,
            t => t.ArgumentsByTerraformName,
            StringComparer.Ordinal
        );
        var dataSourceProvider = dataSources.Keys.ToDictionary(
            k => k,
            _ => "aviatrix",
            StringComparer.Ordinal
        );
        var lookupProviders = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var provider in facts.LookupProviders)
        {
            lookupProviders[provider.Name] = (provider.Source, provider.Version);
            foreach (var (type, args) in provider.DataSources)
            {
                dataSources[type] = args;
                dataSourceProvider[type] = provider.Name;
            }
        }

        DataSources = dataSources;
        LookupProviders = lookupProviders;
        DataSourceProvider = dataSourceProvider;
    }

    /// <summary><c>AviatrixSystems/aviatrix</c>.</summary>
    public string ProviderSource { get; }

    /// <summary>Every released provider version in the facts, ascending.</summary>
    public IReadOnlyList<Version> Releases { get; }

    public IReadOnlyDictionary<string, AviatrixArgument> ProviderConfiguration { get; }
    public IReadOnlyDictionary<
        string,
        IReadOnlyDictionary<string, AviatrixArgument>
    > Resources { get; }
    public IReadOnlyDictionary<
        string,
        IReadOnlyDictionary<string, AviatrixArgument>
    > DataSources { get; }

    /// <summary>Providers used only for deploy-time lookups (aws, google): local name → (source, version constraint).</summary>
    public IReadOnlyDictionary<string, (string Source, string Version)> LookupProviders { get; }

    /// <summary>Data source type → local provider name (aviatrix, aws, google).</summary>
    public IReadOnlyDictionary<string, string> DataSourceProvider { get; }

    /// <summary>
    /// The provider version to pin for a controller version: from 8.0 the provider version equals the controller
    /// version, so controller 8.2 gets <c>~&gt; 8.2.0</c> (any 8.2 patch). Null when the facts know no release of that
    /// series; callers then pin the latest release and warn.
    /// </summary>
    public Version? LowestReleaseFor(Version controller) =>
        Releases.FirstOrDefault(r => r.Major == controller.Major && r.Minor == controller.Minor);

    public Version LatestRelease => Releases[^1];

    // ---------------------------------------------------------------- validation

    /// <summary>
    /// Checks one Terraform JSON file against the facts: every resource and data source type is known, every argument
    /// exists, is writable, has the right JSON type, an allowed value, and exists in <paramref name="minimumProvider"/>
    /// (the lowest provider version the pin allows); required arguments are present; sensitive variables have no value.
    /// Returns one message per problem, with a JSON path, in document order.
    /// </summary>
    public IReadOnlyList<string> Validate(JsonNode? document, Version minimumProvider)
    {
        var errors = new List<string>();
        if (document is not JsonObject root)
        {
            errors.Add("$: a Terraform JSON file must be an object");
            return errors;
        }

        foreach (var (key, value) in root)
        {
            switch (key)
            {
                case "//":
                    break;
                case "resource":
                    ValidateTypedBlocks(value, Resources, "resource", minimumProvider, errors);
                    break;
                case "data":
                    ValidateTypedBlocks(value, DataSources, "data", minimumProvider, errors);
                    break;
                case "provider":
                    ValidateProviders(value, minimumProvider, errors);
                    break;
                case "variable":
                    ValidateVariables(value, errors);
                    break;
                case "terraform":
                case "output":
                case "locals":
                    break;
                default:
                    errors.Add($"$.{key}: not a Terraform JSON top-level key");
                    break;
            }
        }

        return errors;
    }

    private void ValidateProviders(JsonNode? node, Version minimumProvider, List<string> errors)
    {
        foreach (var (name, config) in node as JsonObject ?? [])
        {
            if (name == "aviatrix")
            {
                ValidateBody(
                    config,
                    ProviderConfiguration,
                    $"$.provider.{name}",
                    minimumProvider,
                    errors
                );
            }
        }
    }

    private static void ValidateVariables(JsonNode? node, List<string> errors)
    {
        foreach (var (name, body) in node as JsonObject ?? [])
        {
            if (
                body is JsonObject o
                && o["sensitive"] is JsonValue s
                && s.TryGetValue<bool>(out var sensitive)
                && sensitive
                && o.ContainsKey("default")
            )
            {
                errors.Add(
                    $"$.variable.{name}.default: a sensitive variable must never carry a value"
                );
            }
        }
    }

    private static void ValidateTypedBlocks(
        JsonNode? node,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, AviatrixArgument>> known,
        string kind,
        Version minimumProvider,
        List<string> errors
    )
    {
        foreach (var (type, instances) in node as JsonObject ?? [])
        {
            if (!known.TryGetValue(type, out var args))
            {
                errors.Add($"$.{kind}.{type}: unknown {kind} type");
                continue;
            }

            foreach (var (name, body) in instances as JsonObject ?? [])
            {
                ValidateBody(body, args, $"$.{kind}.{type}.{name}", minimumProvider, errors);
            }
        }
    }

    private static void ValidateBody(
        JsonNode? node,
        IReadOnlyDictionary<string, AviatrixArgument> args,
        string path,
        Version minimumProvider,
        List<string> errors
    )
    {
        if (node is not JsonObject body)
        {
            errors.Add($"{path}: expected an object");
            return;
        }

        foreach (var (key, value) in body)
        {
            if (key is "//" or "depends_on" or "lifecycle" or "count" or "for_each" or "provider")
            {
                continue;
            }

            if (!args.TryGetValue(key, out var arg))
            {
                errors.Add($"{path}.{key}: unknown argument");
                continue;
            }

            ValidateArgument(value, arg, $"{path}.{key}", minimumProvider, errors);
        }

        foreach (
            var arg in args
                .Values.Where(a => a.Required)
                .OrderBy(a => a.TerraformName, StringComparer.Ordinal)
        )
        {
            if (!body.ContainsKey(arg.TerraformName))
            {
                errors.Add($"{path}.{arg.TerraformName}: required argument is missing");
            }
        }
    }

    private static void ValidateArgument(
        JsonNode? value,
        AviatrixArgument arg,
        string path,
        Version minimumProvider,
        List<string> errors
    )
    {
        if (arg.IsOutputOnly)
        {
            errors.Add($"{path}: read-only (computed) argument");
            return;
        }

        if (!arg.IsAvailableIn(minimumProvider))
        {
            errors.Add(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"{path}: not in provider {minimumProvider} (since {arg.SinceTag})"
                )
            );
        }

        if (IsInterpolation(value) && !arg.IsBlock)
        {
            return; // A reference or expression: its type is the provider's business at plan time.
        }

        switch (arg.TerraformType)
        {
            case "string":
                ValidateString(value, arg, path, errors);
                break;
            case "int":
                if (value is not JsonValue v || !TryGetInteger(v, out var number))
                {
                    errors.Add($"{path}: expected an integer");
                }
                else if (AviatrixArgumentRules.CheckInteger(arg, number) is { } tooSmall)
                {
                    errors.Add($"{path}: {tooSmall}");
                }

                break;
            case "bool":
                if (value is not JsonValue b || !b.TryGetValue<bool>(out _))
                {
                    errors.Add($"{path}: expected a boolean");
                }

                break;
            case "map":
                if (value is not JsonObject map)
                {
                    errors.Add($"{path}: expected an object (map of strings)");
                    break;
                }

                foreach (var (k, item) in map)
                {
                    if (item is not JsonValue s || !s.TryGetValue<string>(out _))
                    {
                        errors.Add($"{path}.{k}: expected a string");
                    }
                }

                break;
            case "list":
            case "set":
                ValidateCollection(value, arg, path, minimumProvider, errors);
                break;
            default:
                errors.Add($"{path}: facts name an unknown type '{arg.TerraformType}'");
                break;
        }
    }

    private static void ValidateCollection(
        JsonNode? value,
        AviatrixArgument arg,
        string path,
        Version minimumProvider,
        List<string> errors
    )
    {
        // Terraform JSON accepts a single object for a nested block with at most one item; we always write arrays.
        if (value is not JsonArray items)
        {
            errors.Add($"{path}: expected an array");
            return;
        }

        if (arg.MaxItems is { } max && items.Count > max)
        {
            errors.Add(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"{path}: {items.Count} items, at most {max}"
                )
            );
        }

        for (var i = 0; i < items.Count; i++)
        {
            var itemPath = string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]");
            if (arg.IsBlock)
            {
                ValidateBody(items[i], arg.BlockByTerraformName, itemPath, minimumProvider, errors);
            }
            else if (items[i] is not JsonValue s || !s.TryGetValue<string>(out _))
            {
                errors.Add($"{itemPath}: expected a string");
            }
        }
    }

    private static void ValidateString(
        JsonNode? value,
        AviatrixArgument arg,
        string path,
        List<string> errors
    )
    {
        if (value is not JsonValue v || !v.TryGetValue<string>(out var text))
        {
            errors.Add($"{path}: expected a string");
            return;
        }

        errors.AddRange(
            AviatrixArgumentRules.CheckText(arg, text).Select(reason => $"{path}: {reason}")
        );
    }

    /// <summary>
    /// A parsed number reads as <c>long</c>, but a document built in memory holds the CLR type it was given (an
    /// <c>int</c> priority): accept both, so the writer can validate what it built before printing it.
    /// </summary>
    private static bool TryGetInteger(JsonValue value, out long number)
    {
        if (value.TryGetValue(out number))
        {
            return true;
        }

        var isInt = value.TryGetValue<int>(out var small);
        number = small;
        return isInt;
    }

    /// <summary>A whole-value Terraform expression such as <c>${var.cluster_id}</c>.</summary>
    private static bool IsInterpolation(JsonNode? value) =>
        value is JsonValue v
        && v.TryGetValue<string>(out var s)
        && s.StartsWith("${", StringComparison.Ordinal)
        && s.EndsWith('}')
        && s.IndexOf("${", 2, StringComparison.Ordinal) < 0;
}
