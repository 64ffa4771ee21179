using System.Text.RegularExpressions;
using Containment.Core.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Containment.Tests.Schema;

/// <summary>
/// Test-only YAML → <see cref="YNode"/> conversion through YamlDotNet's representation model, typing
/// plain scalars the way js-yaml 4's default schema does (null, bool, int, float, else string).
/// Stand-in until the real loader (Containment.Core.Yaml) lands; swap at merge.
/// </summary>
internal static partial class TestYaml
{
    public static YNode? Parse(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream.Documents.Count == 0 ? null : Convert(stream.Documents[0].RootNode);
    }

    public static YNode? ParseFile(string path) => Parse(File.ReadAllText(path));

    private static YNode Convert(YamlNode node) =>
        node switch
        {
            YamlMappingNode mapping => new YMapping(
                [.. mapping.Children.Select(pair => new YEntry((YScalar)Convert(pair.Key), Convert(pair.Value)))],
                Line(mapping), Column(mapping)),
            YamlSequenceNode sequence => new YSequence([.. sequence.Children.Select(Convert)], Line(sequence), Column(sequence)),
            YamlScalarNode scalar => new YScalar(scalar.Value ?? string.Empty, KindOf(scalar), Line(scalar), Column(scalar)),
            _ => throw new NotSupportedException(node.GetType().Name),
        };

    private static YScalarKind KindOf(YamlScalarNode scalar)
    {
        if (scalar.Style != ScalarStyle.Plain || (!scalar.Tag.IsEmpty && !scalar.Tag.IsNonSpecific && scalar.Tag.Value == "tag:yaml.org,2002:str"))
        {
            return YScalarKind.String;
        }
        var value = scalar.Value ?? string.Empty;
        return value switch
        {
            "" or "~" or "null" or "Null" or "NULL" => YScalarKind.Null,
            "true" or "True" or "TRUE" or "false" or "False" or "FALSE" => YScalarKind.Bool,
            _ when Int().IsMatch(value) => YScalarKind.Int,
            _ when Float().IsMatch(value) => YScalarKind.Float,
            _ => YScalarKind.String,
        };
    }

    private static int Line(YamlNode node) => (int)node.Start.Line;

    private static int Column(YamlNode node) => (int)node.Start.Column;

    [GeneratedRegex("^[-+]?(?:0b[01]+|0x[0-9a-fA-F]+|0o[0-7]+|[0-9]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex Int();

    [GeneratedRegex(@"^(?:[-+]?(?:[0-9]+)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|\.[0-9]+(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$", RegexOptions.CultureInvariant)]
    private static partial Regex Float();
}
