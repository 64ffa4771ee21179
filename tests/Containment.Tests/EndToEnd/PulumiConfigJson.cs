using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace Containment.Tests.EndToEnd;

/// <summary>
/// Builds the <c>PULUMI_CONFIG</c> Pulumi's YAML host hands the compiler for a stack: every key of the stack file's
/// <c>config:</c> (objects and lists as JSON text, scalars as strings, secrets decrypted, i.e. their stand-in
/// plaintext), plus the project's defaults (Pulumi.yaml <c>config:</c>, namespaced by the project) for keys left unset.
/// </summary>
internal static class PulumiConfigJson
{
    public static string FromStackFile(string stackYaml, string? projectYaml = null)
    {
        var config = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (projectYaml is not null && Root(projectYaml) is { } project)
        {
            var projectName = ((YamlScalarNode)project.Children[new YamlScalarNode("name")]).Value!;
            if (project.Children.TryGetValue(new YamlScalarNode("config"), out var declared))
            {
                foreach (var (key, declaration) in ((YamlMappingNode)declared).Children)
                {
                    if (
                        ((YamlMappingNode)declaration).Children.TryGetValue(
                            new YamlScalarNode("default"),
                            out var value
                        )
                    )
                    {
                        config[$"{projectName}:{((YamlScalarNode)key).Value}"] = Text(value);
                    }
                }
            }
        }

        if (
            Root(stackYaml) is { } stack
            && stack.Children.TryGetValue(new YamlScalarNode("config"), out var values)
        )
        {
            foreach (var (key, value) in ((YamlMappingNode)values).Children)
            {
                config[((YamlScalarNode)key).Value!] = Text(value);
            }
        }

        return JsonSerializer.Serialize(config);
    }

    private static YamlMappingNode? Root(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode as YamlMappingNode;
    }

    private static string Text(YamlNode node) =>
        node switch
        {
            YamlMappingNode m
                when m.Children.Count == 1
                    && m.Children.Keys.Single() is YamlScalarNode { Value: "secure" } => (
                (YamlScalarNode)m.Children.Values.Single()
            ).Value!,
            YamlScalarNode s => s.Value ?? "",
            _ => Json(node)!.ToJsonString(),
        };

    private static JsonNode? Json(YamlNode node) =>
        node switch
        {
            YamlMappingNode m => new JsonObject(
                m.Children.Select(p =>
                    KeyValuePair.Create(((YamlScalarNode)p.Key).Value!, Json(p.Value))
                )
            ),
            YamlSequenceNode s => new JsonArray([.. s.Children.Select(Json)]),
            YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } s
                when long.TryParse(
                    s.Value,
                    NumberStyles.None,
                    CultureInfo.InvariantCulture,
                    out var n
                ) => JsonValue.Create(n),
            YamlScalarNode
            {
                Style: YamlDotNet.Core.ScalarStyle.Plain,
                Value: "true" or "false"
            } s => JsonValue.Create(s.Value == "true"),
            YamlScalarNode s => JsonValue.Create(s.Value ?? ""),
            _ => null,
        };
}
