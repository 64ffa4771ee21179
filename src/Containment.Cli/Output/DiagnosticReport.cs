using System.Text;
using System.Text.Json;
using Containment.Core.Diagnostics;

namespace Containment.Cli.Output;

/// <summary>Renders diagnostics as text lines (stderr) or as the stable lint JSON document (stdout).</summary>
internal static class DiagnosticReport
{
    public static void WriteText(TextWriter writer, IReadOnlyList<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics)
        {
            writer.Write(d.Render());
            writer.Write('\n');
        }
    }

    public static string Summary(string file, IReadOnlyList<Diagnostic> diagnostics)
    {
        var errors = Count(diagnostics, Severity.Error);
        var warnings = Count(diagnostics, Severity.Warning);
        var verdict = errors > 0 ? "not usable" : "usable";
        return $"{file}: {verdict}, {Plural(errors, "error")}, {Plural(warnings, "warning")}";
    }

    /// <summary><c>{"schemaVersion":1,"file":...,"diagnostics":[...],"errors":N,"warnings":N}</c>; field names are stable (extend, never rename).</summary>
    public static string Json(string file, IReadOnlyList<Diagnostic> diagnostics)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("schemaVersion", 1);
            json.WriteString("file", file);
            json.WriteStartArray("diagnostics");
            foreach (var d in diagnostics)
            {
                json.WriteStartObject();
                json.WriteString("severity", Diagnostic.SeverityWord(d.Severity));
                json.WriteString("code", d.Code);
                json.WriteString("message", d.Message);
                json.WriteString("file", d.Span.File);
                if (d.Span.HasPosition)
                {
                    json.WriteNumber("line", d.Span.Line);
                    json.WriteNumber("column", d.Span.Column);
                }
                else
                {
                    json.WriteNull("line");
                    json.WriteNull("column");
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteNumber("errors", Count(diagnostics, Severity.Error));
            json.WriteNumber("warnings", Count(diagnostics, Severity.Warning));
            json.WriteEndObject();
        }
        // Utf8JsonWriter indents with Environment.NewLine by default; normalise to \n for byte-stable output.
        return Encoding
                .UTF8.GetString(stream.ToArray())
                .Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    private static int Count(IReadOnlyList<Diagnostic> diagnostics, Severity severity) =>
        diagnostics.Count(d => d.Severity == severity);

    private static string Plural(int n, string word) => n == 1 ? $"1 {word}" : $"{n} {word}s";
}
