using Containment.Core.Yaml;

namespace Containment.Core.Settings;

/// <summary>
/// <c>librechat.configYamlContent</c>: librechat.yaml itself, written inside a Helm values file. The chart renders it into
/// the <c>&lt;release&gt;-librechat-config</c> ConfigMap and mounts it at /app/librechat.yaml, unless
/// <c>librechat.existingConfigYaml</c> names another ConfigMap (danny-avila/LibreChat helm/librechat/templates/configmap.yaml
/// and deployment.yaml, commit f0c0b2eb: <c>if existingConfigYaml ... else if configYamlContent</c>).
/// </summary>
/// <param name="Content">The scalar's value: the librechat.yaml text.</param>
/// <param name="File">The values file, as diagnostics name it.</param>
/// <param name="FirstLine">The values-file line that holds the content's first line.</param>
/// <param name="Indent">How far the content is indented in the values file.</param>
/// <param name="Exact">True for a literal block scalar (<c>|</c>), whose lines are the file's lines; other styles fold or
/// escape lines, so positions inside them are only near the value.</param>
/// <param name="ExistingConfigYaml">The ConfigMap <c>librechat.existingConfigYaml</c> names, which the chart mounts instead.</param>
public sealed record EmbeddedConfigYaml(
    string Content,
    string File,
    int FirstLine,
    int Indent,
    bool Exact,
    string? ExistingConfigYaml = null
)
{
    /// <summary>
    /// The content laid out where it stands in the values file: blank lines above it and every line indented as in the
    /// file. A uniformly indented block means the same YAML, so the reader's positions (diagnostics, provenance) are
    /// values-file positions with no mapping step. A leading <c>---</c> is a document marker only at column 0, so it is
    /// blanked (LibreChat's js-yaml reads one document either way).
    /// </summary>
    public string PositionedText()
    {
        var lines = Content.Split('\n');
        var first = Array.FindIndex(lines, l => l.Trim().Length > 0);
        if (first >= 0 && lines[first].TrimEnd() == "---")
        {
            lines[first] = "";
        }
        var pad = new string(' ', Indent);
        return new string('\n', Math.Max(0, FirstLine - 1))
            + string.Join('\n', lines.Select(l => l.TrimEnd('\r').Length == 0 ? "" : pad + l));
    }

    /// <summary>Where <paramref name="value"/> (the value of the <paramref name="key"/> entry) sits in <paramref name="fileText"/>.</summary>
    public static EmbeddedConfigYaml From(YScalar key, YScalar value, string fileText, string file)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(fileText);
        var lines = fileText.Split('\n');
        var header = value.Line >= 1 && value.Line <= lines.Length ? lines[value.Line - 1] : "";
        var at = value.Column - 1;
        if (at < 0 || at >= header.Length || header[at] != '|')
        {
            // Quoted, plain or folded (>): the content's lines are not the file's lines; point at the value.
            return new EmbeddedConfigYaml(value.Value, file, value.Line, value.Column - 1, false);
        }
        // YAML 1.2 §8.1.1.1: an explicit indentation indicator counts from the parent's indentation (the key's column);
        // without one the first non-empty content line sets it.
        var indicator = header[(at + 1)..].FirstOrDefault(char.IsAsciiDigit);
        var indent =
            indicator != default
                ? key.Column - 1 + (indicator - '0')
                : lines
                    .Skip(value.Line)
                    .Select(l => l.TrimEnd('\r'))
                    .Where(l => l.Trim().Length > 0)
                    .Select(l => l.Length - l.TrimStart(' ').Length)
                    .FirstOrDefault();
        return new EmbeddedConfigYaml(value.Value, file, value.Line + 1, indent, true);
    }
}
