using System.Text;
using System.Text.Json;
using Containment.Core.Diagnostics;
using Containment.Core.IO;

namespace Containment.Core.Reports;

/// <summary>
/// <c>lint --format sarif</c>: SARIF 2.1.0 for GitHub code scanning, written with System.Text.Json (no SARIF
/// package is served). Rule ids are diagnostic codes; locations are relative to the repository root
/// (<c>%SRCROOT%</c>) with forward slashes, so code scanning can place them on the file and line.
/// </summary>
public static class SarifWriter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
    public const string ToolName = "containment";
    public const string SourceRoot = "%SRCROOT%";

    public static string Write(
        IReadOnlyList<Diagnostic> diagnostics,
        string toolVersion,
        string baseDirectory
    )
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        // Sorted by the URI code scanning sees, so absolute and relative spellings of one file sort together.
        var sorted = diagnostics
            .OrderBy(
                d =>
                    string.IsNullOrEmpty(d.Span.File)
                        ? ""
                        : RelativeUri(d.Span.File, baseDirectory),
                StringComparer.Ordinal
            )
            .ThenBy(d => d.Span.Line)
            .ThenBy(d => d.Span.Column)
            .ThenBy(d => d.Code, StringComparer.Ordinal)
            .ThenBy(d => d.Message, StringComparer.Ordinal)
            .ToList();
        var rules = sorted
            .Select(d => d.Descriptor)
            .DistinctBy(d => d.Code)
            .OrderBy(d => d.Code, StringComparer.Ordinal)
            .ToList();
        var ruleIndex = rules
            .Select((r, i) => (r.Code, i))
            .ToDictionary(x => x.Code, x => x.i, StringComparer.Ordinal);
        return CanonicalJson.Write(json =>
        {
            json.WriteStartObject();
            json.WriteString("$schema", SchemaUri);
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            json.WriteStartObject("tool");
            json.WriteStartObject("driver");
            json.WriteString("name", ToolName);
            json.WriteString("version", toolVersion);
            json.WriteStartArray("rules");
            foreach (var rule in rules)
            {
                WriteRule(json, rule);
            }
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartArray("results");
            foreach (var diagnostic in sorted)
            {
                WriteResult(json, diagnostic, ruleIndex[diagnostic.Code], baseDirectory);
            }
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    /// <summary>
    /// The SARIF escaping helper: a message quotes config values, and viewers (GitHub code scanning) render
    /// <c>[text](n)</c> in a plain-text message as an embedded link, so brackets and backslashes are escaped as SARIF
    /// 2.1.0 §3.11.6 asks; control and bidi characters are shown as escapes (<see cref="TextEscape"/>).
    /// </summary>
    public static string MessageText(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var line = TextEscape.Line(message);
        var sb = new StringBuilder(line.Length + 4);
        foreach (var c in line)
        {
            if (c is '\\' or '[' or ']')
            {
                sb.Append('\\');
            }
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>SARIF levels: <c>error</c>, <c>warning</c>, <c>note</c>.</summary>
    public static string Level(Severity severity) =>
        severity switch
        {
            Severity.Error => "error",
            Severity.Warning => "warning",
            _ => "note",
        };

    private static void WriteRule(Utf8JsonWriter json, DiagnosticDescriptor rule)
    {
        json.WriteStartObject();
        json.WriteString("id", rule.Code);
        json.WriteString("name", RuleName(rule.Title));
        json.WriteStartObject("shortDescription");
        json.WriteString("text", rule.Title);
        json.WriteEndObject();
        json.WriteStartObject("fullDescription");
        json.WriteString("text", rule.Help);
        json.WriteEndObject();
        json.WriteStartObject("help");
        json.WriteString("text", rule.Help);
        json.WriteString("markdown", $"**{rule.Code}: {rule.Title}**\n\n{rule.Help}");
        json.WriteEndObject();
        json.WriteStartObject("defaultConfiguration");
        json.WriteString("level", Level(rule.DefaultSeverity));
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteResult(
        Utf8JsonWriter json,
        Diagnostic diagnostic,
        int ruleIndex,
        string baseDirectory
    )
    {
        json.WriteStartObject();
        json.WriteString("ruleId", diagnostic.Code);
        json.WriteNumber("ruleIndex", ruleIndex);
        json.WriteString("level", Level(diagnostic.Severity));
        json.WriteStartObject("message");
        json.WriteString("text", MessageText(diagnostic.Message));
        json.WriteEndObject();
        if (!string.IsNullOrEmpty(diagnostic.Span.File))
        {
            json.WriteStartArray("locations");
            json.WriteStartObject();
            json.WriteStartObject("physicalLocation");
            json.WriteStartObject("artifactLocation");
            json.WriteString("uri", RelativeUri(diagnostic.Span.File, baseDirectory));
            json.WriteString("uriBaseId", SourceRoot);
            json.WriteEndObject();
            if (diagnostic.Span.HasPosition)
            {
                json.WriteStartObject("region");
                json.WriteNumber("startLine", diagnostic.Span.Line);
                if (diagnostic.Span.Column > 0)
                {
                    json.WriteNumber("startColumn", diagnostic.Span.Column);
                }
                if (diagnostic.Span.HasEnd)
                {
                    // SARIF 2.1.0 §3.30.5-3.30.8: endColumn is exclusive, like the parser's end mark, so the whole value is underlined.
                    json.WriteNumber("endLine", diagnostic.Span.EndLine);
                    json.WriteNumber("endColumn", diagnostic.Span.EndColumn);
                }
                json.WriteEndObject();
            }
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
        }
        json.WriteEndObject();
    }

    /// <summary>
    /// The file relative to <paramref name="baseDirectory"/>, with forward slashes and each segment percent-encoded
    /// (a valid uri-reference even for names with spaces). Relative inputs are taken as relative to the base.
    /// </summary>
    public static string RelativeUri(string file, string baseDirectory)
    {
        var full = Path.GetFullPath(file, Path.GetFullPath(baseDirectory));
        var relative = Path.GetRelativePath(Path.GetFullPath(baseDirectory), full);
        return string.Join(
            '/',
            relative.Replace('\\', '/').Split('/').Select(Uri.EscapeDataString)
        );
    }

    /// <summary>A rule name in the SARIF style (PascalCase words): "Duplicate key" becomes <c>DuplicateKey</c>.</summary>
    public static string RuleName(string title)
    {
        var name = new StringBuilder();
        foreach (var word in title.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var letters = new string([.. word.Where(char.IsAsciiLetterOrDigit)]);
            if (letters.Length > 0)
            {
                name.Append(char.ToUpperInvariant(letters[0])).Append(letters.AsSpan(1));
            }
        }
        return name.Length == 0 ? "Rule" : name.ToString();
    }
}
