using System.Text.Json;
using Containment.Core.Diagnostics;
using Containment.Core.IO;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Containment.Core.Settings;

/// <summary>
/// Reads stack settings from a Pulumi stack file (<c>Pulumi.&lt;stack&gt;.yaml</c>, keys
/// <c>containment:&lt;key&gt;</c> under <c>config:</c>) or from the <c>PULUMI_CONFIG</c> JSON Pulumi hands the
/// compiler. Keys of other namespaces (<c>aviatrix:password</c>) are skipped without looking at their
/// values, so nothing secret is ever echoed. Returns null when an error was reported.
/// </summary>
public static class StackSettingsLoader
{
    public const string Namespace = "containment";
    public const string PulumiConfigSource = "PULUMI_CONFIG";
    public const long MaxStackFileBytes = 4 * 1024 * 1024;

    /// <summary>Reads and parses a stack file through the file-system seam.</summary>
    public static StackSettings? LoadStackFile(
        IFileSystem fileSystem,
        string path,
        string stack,
        DiagnosticBag diagnostics
    )
    {
        ArgumentNullException.ThrowIfNull(fileSystem);
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (!fileSystem.FileExists(path))
        {
            diagnostics.Add(DiagnosticBuilder.AtFile(path).SettingsFileUnreadable(path));
            return null;
        }
        // The one bounded reader: regular files only (no FIFO or /dev/zero behind a link), at most 4 MiB read.
        var bytes = BoundedFile.TryRead(
            fileSystem,
            path,
            path,
            MaxStackFileBytes,
            "stack settings file",
            diagnostics
        );
        return bytes is null
            ? null
            : ParseStackFile(System.Text.Encoding.UTF8.GetString(bytes), path, stack, diagnostics);
    }

    /// <summary>Parses the text of a Pulumi stack file; <paramref name="file"/> names it in diagnostics.</summary>
    public static StackSettings? ParseStackFile(
        string text,
        string file,
        string stack,
        DiagnosticBag diagnostics
    )
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var errorsBefore = diagnostics.Items.Count(d => d.Severity == Severity.Error);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text ?? ""));
        }
        catch (YamlException e)
        {
            diagnostics.Add(
                DiagnosticBuilder
                    .At(new SourceSpan(file, (int)e.Start.Line, (int)e.Start.Column))
                    .SettingsYamlInvalid(FirstLine(e.Message))
            );
            return null;
        }
        var entries = new List<(string Key, SettingNode Value, SourceSpan KeySpan)>();
        if (
            stream.Documents.Count > 0
            && stream.Documents[0].RootNode is not YamlScalarNode { Value: null or "" }
        )
        {
            if (stream.Documents[0].RootNode is not YamlMappingNode root)
            {
                diagnostics.Add(
                    DiagnosticBuilder
                        .At(Span(file, stream.Documents[0].RootNode))
                        .SettingsYamlInvalid(null)
                );
                return null;
            }
            if (root.Children.TryGetValue(new YamlScalarNode("config"), out var configNode))
            {
                if (configNode is not YamlMappingNode config)
                {
                    diagnostics.Add(
                        DiagnosticBuilder
                            .At(Span(file, configNode))
                            .SettingWrongType(
                                "'config'",
                                "a mapping of 'containment:<key>: value' entries",
                                configNode is YamlSequenceNode ? "a list" : "a scalar"
                            )
                    );
                    return null;
                }
                foreach (var (keyNode, valueNode) in config.Children)
                {
                    var key = (keyNode as YamlScalarNode)?.Value ?? "";
                    if (ContainmentKey(key) is { } k)
                    {
                        entries.Add((k, FromYaml(file, valueNode), Span(file, keyNode)));
                    }
                }
            }
        }
        var settings = SettingsBinder.Bind(stack, file, entries, diagnostics);
        return diagnostics.Items.Count(d => d.Severity == Severity.Error) > errorsBefore
            ? null
            : settings;
    }

    /// <summary>
    /// Parses <c>PULUMI_CONFIG</c>. Values arrive as strings; objects and lists as JSON text.
    /// <paramref name="secretKeys"/> is <c>PULUMI_CONFIG_SECRET_KEYS</c>: a containment key among them is an error.
    /// </summary>
    public static StackSettings? ParsePulumiConfig(
        string? json,
        string stack,
        DiagnosticBag diagnostics,
        IReadOnlyCollection<string>? secretKeys = null
    )
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var span = SourceSpan.FileOnly(PulumiConfigSource);
        var errorsBefore = diagnostics.Items.Count(d => d.Severity == Severity.Error);
        var entries = new List<(string Key, SettingNode Value, SourceSpan KeySpan)>();
        if (!string.IsNullOrWhiteSpace(json))
        {
            JsonDocument doc;
            try
            {
                doc = JsonDocument.Parse(json);
            }
            catch (JsonException)
            {
                diagnostics.Add(DiagnosticBuilder.At(span).PulumiConfigInvalid(isJson: false));
                return null;
            }
            using (doc)
            {
                if (doc.RootElement.ValueKind != JsonValueKind.Object)
                {
                    diagnostics.Add(DiagnosticBuilder.At(span).PulumiConfigInvalid(isJson: true));
                    return null;
                }
                foreach (var property in doc.RootElement.EnumerateObject())
                {
                    if (ContainmentKey(property.Name) is not { } k)
                    {
                        continue;
                    }
                    var node =
                        secretKeys?.Contains(property.Name, StringComparer.Ordinal) == true
                            ? new SettingSecret(span)
                            : FromPulumiConfigValue(k, property.Value, span, diagnostics);
                    // A value that failed to parse was already reported; it still counts as a setting that was given.
                    entries.Add((k, node ?? new SettingNull(span), span));
                }
            }
        }
        var settings = SettingsBinder.Bind(stack, PulumiConfigSource, entries, diagnostics);
        return diagnostics.Items.Count(d => d.Severity == Severity.Error) > errorsBefore
            ? null
            : settings;
    }

    /// <summary><c>containment:mode</c> gives <c>mode</c>; an un-namespaced key is the project's own; other namespaces give null.</summary>
    private static string? ContainmentKey(string key)
    {
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return key.Length == 0 ? null : key;
        }
        return string.Equals(key[..colon], Namespace, StringComparison.Ordinal)
            ? key[(colon + 1)..]
            : null;
    }

    private static SettingNode? FromPulumiConfigValue(
        string key,
        JsonElement value,
        SourceSpan span,
        DiagnosticBag diagnostics
    )
    {
        if (value.ValueKind == JsonValueKind.String && SettingsBinder.IsStructured(key))
        {
            var text = value.GetString() ?? "";
            try
            {
                using var inner = JsonDocument.Parse(text);
                return FromJson(inner.RootElement, span);
            }
            catch (JsonException)
            {
                diagnostics.Add(
                    DiagnosticBuilder
                        .At(span)
                        .SettingWrongType(
                            $"containment:{key}",
                            $"JSON text for {SettingsBinder.ExpectedShape(key)}",
                            "text that is not valid JSON"
                        )
                );
                return null;
            }
        }
        return FromJson(value, span);
    }

    private static SettingNode FromJson(JsonElement e, SourceSpan span) =>
        e.ValueKind switch
        {
            JsonValueKind.Object => new SettingMap(
                [
                    .. e.EnumerateObject()
                        .Select(p => new KeyValuePair<string, SettingNode>(
                            p.Name,
                            FromJson(p.Value, span)
                        )),
                ],
                span
            ),
            JsonValueKind.Array => new SettingList(
                [.. e.EnumerateArray().Select(i => FromJson(i, span))],
                span
            ),
            JsonValueKind.String => new SettingScalar(e.GetString() ?? "", span),
            JsonValueKind.Null or JsonValueKind.Undefined => new SettingNull(span),
            _ => new SettingScalar(e.GetRawText(), span),
        };

    private static SettingNode FromYaml(string file, YamlNode node) =>
        node switch
        {
            YamlMappingNode m
                when m.Children.Count == 1
                    && m.Children.Keys.First() is YamlScalarNode { Value: "secure" } =>
                new SettingSecret(Span(file, node)),
            YamlMappingNode m => new SettingMap(
                [
                    .. m.Children.Select(p => new KeyValuePair<string, SettingNode>(
                        (p.Key as YamlScalarNode)?.Value ?? "",
                        FromYaml(file, p.Value)
                    )),
                ],
                Span(file, node)
            ),
            YamlSequenceNode s => new SettingList(
                [.. s.Children.Select(c => FromYaml(file, c))],
                Span(file, node)
            ),
            YamlScalarNode { Value: null }
            or YamlScalarNode { Style: ScalarStyle.Plain, Value: "" or "~" or "null" } =>
                new SettingNull(Span(file, node)),
            YamlScalarNode sc => new SettingScalar(sc.Value ?? "", Span(file, node)),
            _ => new SettingNull(Span(file, node)),
        };

    private static SourceSpan Span(string file, YamlNode node) =>
        new(file, (int)node.Start.Line, (int)node.Start.Column);

    private static string FirstLine(string s) => s.Split('\n')[0].Trim();
}
