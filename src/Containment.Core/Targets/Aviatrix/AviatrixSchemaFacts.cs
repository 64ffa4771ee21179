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
/// One argument of an Aviatrix Terraform resource or data source, with its Pulumi name: the one record both the Pulumi and
/// the Terraform checks read. Facts come from <c>aviatrix-schema-facts.json</c> (derived from
/// shared/reference/aviatrix-dcf-schema.json, source noted in the file).
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

    /// <summary>
    /// The facts' release tag as written (<c>v8.2.0</c>, <c>unreleased (HEAD only)</c>); null when the argument is not
    /// version-gated (provider configuration, lookup providers).
    /// </summary>
    public string? SinceTag { get; init; }

    /// <summary>First provider release carrying the argument; null when unreleased (HEAD only) or not gated.</summary>
    public Version? Since => AviatrixSchemaFacts.ParseSince(SinceTag);

    /// <summary>Nested block arguments keyed by Pulumi name (empty for scalars).</summary>
    public IReadOnlyDictionary<string, AviatrixArgument> Block { get; init; } =
        FrozenDictionary<string, AviatrixArgument>.Empty;

    /// <summary>The same nested arguments keyed by Terraform name, for checks that read Terraform JSON.</summary>
    public IReadOnlyDictionary<string, AviatrixArgument> BlockByTerraformName { get; init; } =
        FrozenDictionary<string, AviatrixArgument>.Empty;

    /// <summary>A list or set of nested blocks (as opposed to scalars).</summary>
    public bool IsBlock => Elem == "block";

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
            _ => throw new InvalidDataException(
                $"Unknown Terraform type '{TerraformType}' for {TerraformName}."
            ),
        };
}

/// <summary>A resource or data source with its Pulumi token and arguments (keyed by Pulumi name).</summary>
public sealed record AviatrixType(
    string TerraformType,
    bool IsDataSource,
    string PulumiToken,
    Version Since,
    IReadOnlyDictionary<string, AviatrixArgument> Arguments
)
{
    /// <summary>The same arguments keyed by Terraform name.</summary>
    public IReadOnlyDictionary<string, AviatrixArgument> ArgumentsByTerraformName { get; } =
        AviatrixSchemaFacts.ByTerraformName(Arguments);
}

/// <summary>
/// A provider Terraform needs only for deploy-time look-ups (aws, google): its source, version constraint and the data
/// sources used, with arguments keyed by Terraform name.
/// </summary>
public sealed record LookupProvider(
    string Name,
    string Source,
    string Version,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, AviatrixArgument>> DataSources
);

/// <summary>
/// The one set of Aviatrix provider facts, shared by the Pulumi and Terraform targets: resources and data sources (with
/// Pulumi tokens and names), provider releases and configuration, predefined UUIDs, and the look-up providers Terraform
/// uses. Loaded once from the embedded <c>aviatrix-schema-facts.json</c>; tests can load a modified copy with
/// <see cref="Parse"/>.
/// </summary>
public sealed class AviatrixSchemaFacts
{
    private const string ResourceName =
        "Containment.Core.Targets.Aviatrix.aviatrix-schema-facts.json";
    private static readonly Lazy<AviatrixSchemaFacts> Embedded = new(LoadEmbedded);

    private readonly FrozenDictionary<string, AviatrixType> _resources;
    private readonly FrozenDictionary<string, AviatrixType> _dataSources;
    private readonly FrozenDictionary<string, AviatrixType> _byPulumiToken;

    private AviatrixSchemaFacts(
        IReadOnlyList<AviatrixType> types,
        IReadOnlyDictionary<string, string> predefinedUuids,
        string source,
        AviatrixProviderFacts provider,
        IReadOnlyList<LookupProvider> lookupProviders
    )
    {
        _resources = types
            .Where(t => !t.IsDataSource)
            .ToFrozenDictionary(t => t.TerraformType, StringComparer.Ordinal);
        _dataSources = types
            .Where(t => t.IsDataSource)
            .ToFrozenDictionary(t => t.TerraformType, StringComparer.Ordinal);
        _byPulumiToken = types.ToFrozenDictionary(t => t.PulumiToken, StringComparer.Ordinal);
        PredefinedUuids = predefinedUuids;
        Source = source;
        Provider = provider;
        LookupProviders = lookupProviders;
    }

    public static AviatrixSchemaFacts Default => Embedded.Value;

    /// <summary>Where the facts were copied from (the file's <c>_source</c>).</summary>
    public string Source { get; }

    /// <summary>System object UUIDs (publicInternet, anywhere, allWebWebGroup, systemMitmCa).</summary>
    public IReadOnlyDictionary<string, string> PredefinedUuids { get; }

    /// <summary>The Aviatrix provider itself: source, releases, configuration.</summary>
    public AviatrixProviderFacts Provider { get; }

    /// <summary>Providers Terraform uses only for deploy-time look-ups, by local name.</summary>
    public IReadOnlyList<LookupProvider> LookupProviders { get; }

    /// <summary>Every resource and data source, resources first within a name, ordinal by Terraform type.</summary>
    public IEnumerable<AviatrixType> Types =>
        _resources
            .Values.Concat(_dataSources.Values)
            .OrderBy(t => t.TerraformType, StringComparer.Ordinal)
            .ThenBy(t => t.IsDataSource);

    public IEnumerable<AviatrixType> Resources => _resources.Values;

    public IEnumerable<AviatrixType> DataSources => _dataSources.Values;

    /// <summary>
    /// The type a Terraform name denotes in a Pulumi program: the resource when there is one (aviatrix_dcf_mitm_ca is both
    /// a resource and a data source), otherwise the data source.
    /// </summary>
    public AviatrixType? ByTerraformType(string terraformType) =>
        _resources.GetValueOrDefault(terraformType)
        ?? _dataSources.GetValueOrDefault(terraformType);

    public AviatrixType? ByPulumiToken(string token) => _byPulumiToken.GetValueOrDefault(token);

    public static AviatrixSchemaFacts Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var types = new List<AviatrixType>();
        AddTypes(root, "resources", isDataSource: false, types);
        AddTypes(root, "dataSources", isDataSource: true, types);

        var uuids = root.TryGetProperty("predefinedUuids", out var predefined)
            ? predefined
                .EnumerateObject()
                .ToFrozenDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal)
            : FrozenDictionary<string, string>.Empty;
        return new AviatrixSchemaFacts(
            types,
            uuids,
            root.GetProperty("_source").GetString() ?? "",
            ParseProvider(root),
            ParseLookupProviders(root)
        );
    }

    private static void AddTypes(
        JsonElement root,
        string section,
        bool isDataSource,
        List<AviatrixType> types
    )
    {
        if (!root.TryGetProperty(section, out var entries))
        {
            return;
        }

        foreach (var type in entries.EnumerateObject())
        {
            var value = type.Value;
            types.Add(
                new AviatrixType(
                    type.Name,
                    isDataSource,
                    value.GetProperty("pulumiToken").GetString()!,
                    ParseSince(value.GetProperty("since").GetString())
                        ?? throw new InvalidDataException($"{type.Name} has no release."),
                    ParseArguments(value.GetProperty("arguments"))
                )
            );
        }
    }

    private static AviatrixProviderFacts ParseProvider(JsonElement root)
    {
        if (!root.TryGetProperty("provider", out var provider))
        {
            return AviatrixProviderFacts.Empty;
        }

        var releases = provider
            .GetProperty("releaseTags")
            .EnumerateArray()
            .Select(t =>
                ParseSince(t.GetString()) ?? throw new InvalidDataException($"Bad release tag {t}.")
            )
            .Order()
            .ToList();
        return new AviatrixProviderFacts(
            provider.GetProperty("source").GetString()!,
            releases,
            ByTerraformName(ParseArguments(provider.GetProperty("configuration")))
        );
    }

    private static List<LookupProvider> ParseLookupProviders(JsonElement root)
    {
        var result = new List<LookupProvider>();
        if (!root.TryGetProperty("lookupProviders", out var providers))
        {
            return result;
        }

        foreach (var provider in providers.EnumerateObject())
        {
            var dataSources = provider
                .Value.GetProperty("dataSources")
                .EnumerateObject()
                .ToFrozenDictionary(
                    d => d.Name,
                    d =>
                        (IReadOnlyDictionary<string, AviatrixArgument>)
                            ByTerraformName(ParseArguments(d.Value.GetProperty("arguments"))),
                    StringComparer.Ordinal
                );
            result.Add(
                new LookupProvider(
                    provider.Name,
                    provider.Value.GetProperty("source").GetString()!,
                    provider.Value.GetProperty("version").GetString()!,
                    dataSources
                )
            );
        }

        return result;
    }

    private static AviatrixSchemaFacts LoadEmbedded()
    {
        using var stream =
            typeof(AviatrixSchemaFacts).Assembly.GetManifestResourceStream(ResourceName)
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
            var block = a.TryGetProperty("block", out var nested)
                ? ParseArguments(nested)
                : FrozenDictionary<string, AviatrixArgument>.Empty;
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
                SinceTag = OptionalString(a, "since"),
                Block = block,
                BlockByTerraformName = ByTerraformName(block),
            };
            result.Add(parsed.PulumiName, parsed);
        }

        return result.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Re-keys arguments (keyed by Pulumi name) by their Terraform name.</summary>
    internal static FrozenDictionary<string, AviatrixArgument> ByTerraformName(
        IReadOnlyDictionary<string, AviatrixArgument> arguments
    ) => arguments.Values.ToFrozenDictionary(a => a.TerraformName, StringComparer.Ordinal);

    /// <summary>"v9.0.0" becomes 9.0.0; "unreleased (HEAD only)" becomes null.</summary>
    internal static Version? ParseSince(string? since) =>
        since is not null && since.StartsWith('v') && Version.TryParse(since[1..], out var version)
            ? version
            : null;

    private static string? OptionalString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.GetString() : null;

    private static bool Flag(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;
}

/// <summary>The Aviatrix provider: its registry source, every release in the facts (ascending), its configuration.</summary>
public sealed record AviatrixProviderFacts(
    string Source,
    IReadOnlyList<Version> Releases,
    IReadOnlyDictionary<string, AviatrixArgument> Configuration
)
{
    public static AviatrixProviderFacts Empty { get; } =
        new("", [], FrozenDictionary<string, AviatrixArgument>.Empty);
}
