using System.Collections.Frozen;
using System.Text.Json;

namespace Containment.Core.Targets.Aviatrix;

/// <summary>The shape an argument takes in Pulumi once the Any-Terraform-Provider bridge has mapped it.</summary>
public enum PulumiShape
{
    String,
    Integer,
    Boolean,

    /// <summary>A Terraform map of strings: a Pulumi object with free-form keys and string values.</summary>
    StringMap,

    /// <summary>A Terraform list/set of scalars.</summary>
    StringArray,

    /// <summary>A Terraform list/set of blocks (MaxItems other than 1).</summary>
    ObjectArray,

    /// <summary>A Terraform list/set of blocks with MaxItems 1: flattened to a single object.</summary>
    Object,
}

/// <summary>
/// One argument of an Aviatrix Terraform resource or data source, with its Pulumi name. Facts come from
/// <c>aviatrix-schema-facts.json</c> (derived from shared/reference/aviatrix-dcf-schema.json, source noted in the file).
/// </summary>
public sealed record AviatrixArgument
{
    public required string TerraformName { get; init; }
    public required string PulumiName { get; init; }

    /// <summary>Terraform type: string, int, bool, list, set, map.</summary>
    public required string TerraformType { get; init; }

    /// <summary>Element kind for list/set/map: <c>block</c> or <c>string</c>.</summary>
    public string? Elem { get; init; }
    public int? MaxItems { get; init; }
    public bool Required { get; init; }
    public bool Computed { get; init; }
    public bool Optional { get; init; }
    public bool Sensitive { get; init; }
    public bool Deprecated { get; init; }

    /// <summary>Allowed values (Terraform <c>StringInSlice</c>); empty when unrestricted.</summary>
    public IReadOnlyList<string> Allowed { get; init; } = [];
    public bool IgnoreCase { get; init; }
    public long? Min { get; init; }

    /// <summary>Plan-time regular expression (e.g. RFC 1123 labels for k8s names); null when unchecked.</summary>
    public string? Pattern { get; init; }

    /// <summary>First provider release carrying the argument; null when unreleased (HEAD only).</summary>
    public Version? Since { get; init; }

    /// <summary>Nested block arguments keyed by Pulumi name (empty for scalars).</summary>
    public IReadOnlyDictionary<string, AviatrixArgument> Block { get; init; } = FrozenDictionary<string, AviatrixArgument>.Empty;

    /// <summary>Computed-only attributes are outputs: a program must read them, never set them.</summary>
    public bool IsOutputOnly => Computed && !Optional && !Required;

    public PulumiShape Shape =>
        TerraformType switch
        {
            "string" => PulumiShape.String,
            "int" => PulumiShape.Integer,
            "bool" => PulumiShape.Boolean,
            "map" => PulumiShape.StringMap,
            "list" or "set" when Elem == "block" && MaxItems == 1 => PulumiShape.Object,
            "list" or "set" when Elem == "block" => PulumiShape.ObjectArray,
            "list" or "set" => PulumiShape.StringArray,
            _ => throw new InvalidDataException($"Unknown Terraform type '{TerraformType}' for {TerraformName}."),
        };
}

/// <summary>A resource or data source with its Pulumi token and arguments (keyed by Pulumi name).</summary>
public sealed record AviatrixType(
    string TerraformType,
    bool IsDataSource,
    string PulumiToken,
    Version Since,
    IReadOnlyDictionary<string, AviatrixArgument> Arguments);

/// <summary>
/// Loader for the schema facts shared by the Pulumi and Terraform writers. Loaded once from the embedded
/// <c>aviatrix-schema-facts.json</c>; tests can load a modified copy with <see cref="Parse"/>.
/// </summary>
public sealed class AviatrixSchemaFacts
{
    private const string ResourceName = "Containment.Core.Targets.Aviatrix.aviatrix-schema-facts.json";
    private static readonly Lazy<AviatrixSchemaFacts> Embedded = new(LoadEmbedded);

    private readonly FrozenDictionary<string, AviatrixType> _byTerraformType;
    private readonly FrozenDictionary<string, AviatrixType> _byPulumiToken;

    private AviatrixSchemaFacts(IEnumerable<AviatrixType> types, IReadOnlyDictionary<string, string> predefinedUuids, string source)
    {
        var list = types.ToList();
        _byTerraformType = list.ToFrozenDictionary(t => t.TerraformType, StringComparer.Ordinal);
        _byPulumiToken = list.ToFrozenDictionary(t => t.PulumiToken, StringComparer.Ordinal);
        PredefinedUuids = predefinedUuids;
        Source = source;
    }

    public static AviatrixSchemaFacts Default => Embedded.Value;

    /// <summary>Where the facts were copied from (the file's <c>_source</c>).</summary>
    public string Source { get; }

    /// <summary>System object UUIDs (publicInternet, anywhere, allWebWebGroup, systemMitmCa).</summary>
    public IReadOnlyDictionary<string, string> PredefinedUuids { get; }

    public IEnumerable<AviatrixType> Types => _byTerraformType.Values.OrderBy(t => t.TerraformType, StringComparer.Ordinal);

    public AviatrixType? ByTerraformType(string terraformType) => _byTerraformType.GetValueOrDefault(terraformType);

    public AviatrixType? ByPulumiToken(string token) => _byPulumiToken.GetValueOrDefault(token);

    public static AviatrixSchemaFacts Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var types = new List<AviatrixType>();
        foreach (var type in root.GetProperty("types").EnumerateObject())
        {
            var value = type.Value;
            types.Add(
                new AviatrixType(
                    type.Name,
                    value.GetProperty("kind").GetString() == "data",
                    value.GetProperty("pulumiToken").GetString()!,
                    ParseSince(value.GetProperty("since").GetString())
                        ?? throw new InvalidDataException($"{type.Name} has no release."),
                    ParseArguments(value.GetProperty("arguments"))));
        }

        var uuids = root.GetProperty("predefinedUuids")
            .EnumerateObject()
            .ToFrozenDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
        return new AviatrixSchemaFacts(types, uuids, root.GetProperty("_source").GetString() ?? "");
    }

    private static AviatrixSchemaFacts LoadEmbedded()
    {
        using var stream = typeof(AviatrixSchemaFacts).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    private static FrozenDictionary<string, AviatrixArgument> ParseArguments(JsonElement arguments)
    {
        var result = new Dictionary<string, AviatrixArgument>(StringComparer.Ordinal);
        foreach (var argument in arguments.EnumerateObject())
        {
            var a = argument.Value;
            var parsed = new AviatrixArgument
            {
                TerraformName = argument.Name,
                PulumiName = a.GetProperty("pulumi").GetString()!,
                TerraformType = a.GetProperty("type").GetString()!,
                Elem = OptionalString(a, "elem"),
                MaxItems = a.TryGetProperty("maxItems", out var max) ? max.GetInt32() : null,
                Required = Flag(a, "required"),
                Optional = Flag(a, "optional"),
                Computed = Flag(a, "computed"),
                Sensitive = Flag(a, "sensitive"),
                Deprecated = Flag(a, "deprecated"),
                IgnoreCase = Flag(a, "ignoreCase"),
                Min = a.TryGetProperty("min", out var min) ? min.GetInt64() : null,
                Pattern = OptionalString(a, "pattern"),
                Allowed = a.TryGetProperty("allowed", out var allowed)
                    ? [.. allowed.EnumerateArray().Select(v => v.GetString()!)]
                    : [],
                Since = ParseSince(OptionalString(a, "since")),
                Block = a.TryGetProperty("block", out var block)
                    ? ParseArguments(block)
                    : FrozenDictionary<string, AviatrixArgument>.Empty,
            };
            result.Add(parsed.PulumiName, parsed);
        }

        return result.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>"v9.0.0" becomes 9.0.0; "unreleased (HEAD only)" becomes null.</summary>
    internal static Version? ParseSince(string? since) =>
        since is not null && since.StartsWith('v') && Version.TryParse(since[1..], out var version) ? version : null;

    private static string? OptionalString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.GetString() : null;

    private static bool Flag(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;
}
