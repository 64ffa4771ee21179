using System.Text.Json;
using Containment.Core.Diagnostics;
using Containment.Core.Yaml;

namespace Containment.Core.Targets.Pulumi.Checks;

/// <summary>
/// The stack config keys Pulumi turns into program nodes, by the name a program would use: the project prefix is
/// stripped (<c>containment:attachmentPoint</c> becomes <c>attachmentPoint</c>), other namespaces stay
/// (<c>aws:region</c>). pulumi/pulumi-yaml v1.38.1 <c>pkg/pulumiyaml/run.go</c> <c>getConfNodesFromMap</c>.
/// Each key remembers whether its value is an object, because only object config may be read with <c>${key.field}</c>.
/// </summary>
public sealed class PulumiConfigKeys
{
    private readonly SortedDictionary<string, bool> _isObject;

    private PulumiConfigKeys(SortedDictionary<string, bool> isObject) => _isObject = isObject;

    public static PulumiConfigKeys None { get; } =
        new(new SortedDictionary<string, bool>(StringComparer.Ordinal));

    public IEnumerable<string> Names => _isObject.Keys;

    public bool Contains(string name) => _isObject.ContainsKey(name);

    public bool IsObject(string name) => _isObject.GetValueOrDefault(name);

    public PulumiConfigKeys Union(PulumiConfigKeys other)
    {
        var merged = new SortedDictionary<string, bool>(_isObject, StringComparer.Ordinal);
        foreach (var (name, isObject) in other._isObject)
        {
            merged[name] = merged.GetValueOrDefault(name) || isObject;
        }

        return new PulumiConfigKeys(merged);
    }

    /// <summary>Keys of <c>PULUMI_CONFIG</c> (the map Pulumi gives the compiler and the program on <c>Run</c>);
    /// objects and arrays arrive as JSON text inside the string value.</summary>
    public static PulumiConfigKeys FromPulumiConfigJson(string? json, string project)
    {
        var keys = new SortedDictionary<string, bool>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(json))
        {
            return new PulumiConfigKeys(keys);
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return new PulumiConfigKeys(keys);
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                var text =
                    property.Value.ValueKind == JsonValueKind.String
                        ? property.Value.GetString() ?? ""
                        : "";
                keys[Strip(property.Name, project)] = text.TrimStart().StartsWith('{');
            }
        }
        catch (JsonException)
        {
            // The settings loader reports a malformed PULUMI_CONFIG; here it simply contributes no names.
        }

        return new PulumiConfigKeys(keys);
    }

    /// <summary>Keys declared under <c>config:</c> in Pulumi.yaml (object when <c>type: object</c> or the default is a mapping).</summary>
    public static PulumiConfigKeys FromProjectFile(string text, string file, string project) =>
        FromConfigBlock(text, file, project, declarations: true);

    /// <summary>Keys set under <c>config:</c> in a <c>Pulumi.&lt;stack&gt;.yaml</c> file.</summary>
    public static PulumiConfigKeys FromStackFile(string text, string file, string project) =>
        FromConfigBlock(text, file, project, declarations: false);

    private static PulumiConfigKeys FromConfigBlock(
        string text,
        string file,
        string project,
        bool declarations
    )
    {
        var keys = new SortedDictionary<string, bool>(StringComparer.Ordinal);
        if (
            YamlLoader.LoadText(text, file, new DiagnosticBag()) is YMapping root
            && root["config"] is YMapping config
        )
        {
            foreach (var entry in config.Entries)
            {
                keys[Strip(entry.Key.Value, project)] = declarations
                    ? IsObjectDeclaration(entry.Value)
                    : entry.Value is YMapping;
            }
        }

        return new PulumiConfigKeys(keys);
    }

    private static bool IsObjectDeclaration(YNode declaration) =>
        declaration is YMapping map
        && (map["type"] is YScalar { Value: "object" } || map["default"] is YMapping);

    private static string Strip(string key, string project) =>
        key.StartsWith(project + ":", StringComparison.Ordinal) ? key[(project.Length + 1)..] : key;
}
