using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Containment.Core.Targets.Aviatrix;

/// <summary>One argument of a Terraform resource or data source, as kept in aviatrix-terraform-schema-facts.json.</summary>
public sealed record TerraformArgument(
    string Name,
    string Type,
    bool Required,
    bool Optional,
    bool Computed,
    bool Sensitive,
    string? Elem,
    int? MaxItems,
    IReadOnlyList<string> AllowedValues,
    bool IgnoreCase,
    string? Regex,
    string? Since,
    IReadOnlyDictionary<string, TerraformArgument>? Block)
{
    /// <summary>Computed-only arguments are read back from the provider; writing one is an error.</summary>
    public bool ReadOnly => Computed && !Required && !Optional;
}

/// <summary>
/// The Aviatrix Terraform provider facts Containment relies on (argument names, types, enums, version gates), loaded from
/// the embedded aviatrix-terraform-schema-facts.json (derived from shared/reference/aviatrix-dcf-schema.json), and a
/// validator for Terraform JSON that uses them. Self-contained on purpose: the Pulumi target may keep its own facts.
/// </summary>
public sealed class AviatrixTerraformSchema
{
    private const string ResourceName = "Containment.Core.Targets.Aviatrix.aviatrix-terraform-schema-facts.json";

    private static readonly Lazy<AviatrixTerraformSchema> Embedded = new(() => Parse(ReadEmbedded()));

    public static AviatrixTerraformSchema Instance => Embedded.Value;

    private AviatrixTerraformSchema(
        string providerSource,
        IReadOnlyList<Version> releases,
        IReadOnlyDictionary<string, TerraformArgument> providerConfiguration,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, TerraformArgument>> resources,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, TerraformArgument>> dataSources,
        IReadOnlyDictionary<string, (string Source, string Version)> lookupProviders,
        IReadOnlyDictionary<string, string> dataSourceProvider)
    {
        ProviderSource = providerSource;
        Releases = releases;
        ProviderConfiguration = providerConfiguration;
        Resources = resources;
        DataSources = dataSources;
        LookupProviders = lookupProviders;
        DataSourceProvider = dataSourceProvider;
    }

    /// <summary><c>AviatrixSystems/aviatrix</c>.</summary>
    public string ProviderSource { get; }

    /// <summary>Every released provider version in the facts, ascending.</summary>
    public IReadOnlyList<Version> Releases { get; }

    public IReadOnlyDictionary<string, TerraformArgument> ProviderConfiguration { get; }
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, TerraformArgument>> Resources { get; }
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, TerraformArgument>> DataSources { get; }

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

    public static AviatrixTerraformSchema Parse(string json)
    {
        var root = JsonNode.Parse(json)?.AsObject() ?? throw new InvalidDataException("Schema facts are not a JSON object.");
        var provider = root["provider"]!.AsObject();
        var releases = provider["release_tags"]!.AsArray()
            .Select(t => ParseTag(t!.GetValue<string>()) ?? throw new InvalidDataException($"Bad release tag {t}."))
            .Order()
            .ToList();

        var resources = ReadTypes(root["resources"]!.AsObject());
        var dataSources = new Dictionary<string, IReadOnlyDictionary<string, TerraformArgument>>(ReadTypes(root["data_sources"]!.AsObject()), StringComparer.Ordinal);
        var dataSourceProvider = dataSources.Keys.ToDictionary(k => k, _ => "aviatrix", StringComparer.Ordinal);
        var lookupProviders = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var (name, node) in root["lookup_providers"]!.AsObject())
        {
            lookupProviders[name] = (node!["source"]!.GetValue<string>(), node["version"]!.GetValue<string>());
            foreach (var (type, args) in ReadTypes(node["data_sources"]!.AsObject()))
            {
                dataSources[type] = args;
                dataSourceProvider[type] = name;
            }
        }

        return new AviatrixTerraformSchema(
            provider["source"]!.GetValue<string>(),
            releases,
            ReadArguments(provider["configuration"]!.AsObject()),
            resources,
            dataSources,
            lookupProviders,
            dataSourceProvider);
    }

    /// <summary><c>v8.2.10</c> → 8.2.10; <c>unreleased (HEAD only)</c> → null.</summary>
    public static Version? ParseTag(string? tag) =>
        tag is not null && tag.StartsWith('v') && Version.TryParse(tag[1..], out var v) ? v : null;

    private static Dictionary<string, IReadOnlyDictionary<string, TerraformArgument>> ReadTypes(JsonObject types)
    {
        var result = new Dictionary<string, IReadOnlyDictionary<string, TerraformArgument>>(StringComparer.Ordinal);
        foreach (var (type, node) in types)
        {
            result[type] = ReadArguments(node!["arguments"]!.AsObject());
        }

        return result;
    }

    private static Dictionary<string, TerraformArgument> ReadArguments(JsonObject args)
    {
        var result = new Dictionary<string, TerraformArgument>(StringComparer.Ordinal);
        foreach (var (name, node) in args)
        {
            var o = node!.AsObject();
            result[name] = new TerraformArgument(
                name,
                o["type"]!.GetValue<string>(),
                Flag(o, "required"),
                Flag(o, "optional"),
                Flag(o, "computed"),
                Flag(o, "sensitive"),
                o["elem"]?.GetValue<string>(),
                o["max_items"]?.GetValue<int>(),
                o["allowed_values"]?.AsArray().Select(v => v!.GetValue<string>()).ToList() ?? [],
                Flag(o, "ignore_case"),
                o["regex"]?.GetValue<string>(),
                o["since"]?.GetValue<string>(),
                o["block"] is JsonObject block ? ReadArguments(block) : null);
        }

        return result;
    }

    private static bool Flag(JsonObject o, string name) => o[name]?.GetValue<bool>() ?? false;

    private static string ReadEmbedded()
    {
        using var stream = typeof(AviatrixTerraformSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

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
                ValidateBody(config, ProviderConfiguration, $"$.provider.{name}", minimumProvider, errors);
            }
        }
    }

    private static void ValidateVariables(JsonNode? node, List<string> errors)
    {
        foreach (var (name, body) in node as JsonObject ?? [])
        {
            if (body is JsonObject o && o["sensitive"] is JsonValue s && s.TryGetValue<bool>(out var sensitive) && sensitive && o.ContainsKey("default"))
            {
                errors.Add($"$.variable.{name}.default: a sensitive variable must never carry a value");
            }
        }
    }

    private static void ValidateTypedBlocks(
        JsonNode? node,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, TerraformArgument>> known,
        string kind,
        Version minimumProvider,
        List<string> errors)
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

    private static void ValidateBody(JsonNode? node, IReadOnlyDictionary<string, TerraformArgument> args, string path, Version minimumProvider, List<string> errors)
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

        foreach (var arg in args.Values.Where(a => a.Required).OrderBy(a => a.Name, StringComparer.Ordinal))
        {
            if (!body.ContainsKey(arg.Name))
            {
                errors.Add($"{path}.{arg.Name}: required argument is missing");
            }
        }
    }

    private static void ValidateArgument(JsonNode? value, TerraformArgument arg, string path, Version minimumProvider, List<string> errors)
    {
        if (arg.ReadOnly)
        {
            errors.Add($"{path}: read-only (computed) argument");
            return;
        }

        var since = ParseTag(arg.Since);
        if (arg.Since is not null && (since is null || since > minimumProvider))
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{path}: not in provider {minimumProvider} (since {arg.Since})"));
        }

        if (IsInterpolation(value) && arg.Block is null)
        {
            return; // A reference or expression: its type is the provider's business at plan time.
        }

        switch (arg.Type)
        {
            case "string":
                ValidateString(value, arg, path, errors);
                break;
            case "int":
                if (value is not JsonValue v || !v.TryGetValue<long>(out _))
                {
                    errors.Add($"{path}: expected an integer");
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
                errors.Add($"{path}: facts name an unknown type '{arg.Type}'");
                break;
        }
    }

    private static void ValidateCollection(JsonNode? value, TerraformArgument arg, string path, Version minimumProvider, List<string> errors)
    {
        // Terraform JSON accepts a single object for a nested block with at most one item; we always write arrays.
        if (value is not JsonArray items)
        {
            errors.Add($"{path}: expected an array");
            return;
        }

        if (arg.MaxItems is { } max && items.Count > max)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{path}: {items.Count} items, at most {max}"));
        }

        for (var i = 0; i < items.Count; i++)
        {
            var itemPath = string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]");
            if (arg.Block is not null)
            {
                ValidateBody(items[i], arg.Block, itemPath, minimumProvider, errors);
            }
            else if (items[i] is not JsonValue s || !s.TryGetValue<string>(out _))
            {
                errors.Add($"{itemPath}: expected a string");
            }
        }
    }

    private static void ValidateString(JsonNode? value, TerraformArgument arg, string path, List<string> errors)
    {
        if (value is not JsonValue v || !v.TryGetValue<string>(out var text))
        {
            errors.Add($"{path}: expected a string");
            return;
        }

        if (arg.AllowedValues.Count > 0)
        {
            var comparer = arg.IgnoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
            if (!arg.AllowedValues.Contains(text, comparer))
            {
                errors.Add($"{path}: '{text}' is not one of {string.Join(", ", arg.AllowedValues)}");
            }
        }

        // The facts hold Go patterns, where `$` is the end of text; in .NET it also matches before a final "\n".
        if (arg.Regex is not null && !Regex.IsMatch(text, arg.Regex.EndsWith('$') ? arg.Regex[..^1] + @"\z" : arg.Regex, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
        {
            errors.Add($"{path}: '{text}' does not match {arg.Regex}");
        }
    }

    /// <summary>A whole-value Terraform expression such as <c>${var.cluster_id}</c>.</summary>
    private static bool IsInterpolation(JsonNode? value) =>
        value is JsonValue v && v.TryGetValue<string>(out var s) && s.StartsWith("${", StringComparison.Ordinal) && s.EndsWith('}') && s.IndexOf("${", 2, StringComparison.Ordinal) < 0;
}
