using Containment.Core.Diagnostics;
using Containment.Core.IO;
using Containment.Core.Reports;

namespace Containment.Cli.Output;

/// <summary>Renders diagnostics as text lines (stderr) or as the stable lint JSON document (stdout).</summary>
internal static class DiagnosticReport
{
    /// <summary>One line per diagnostic; file names and messages quote the config, so each line is escaped
    /// (<see cref="TextEscape"/>): no value can start a line of its own or move the cursor.</summary>
    public static void WriteText(TextWriter writer, IReadOnlyList<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics)
        {
            writer.Write(TextEscape.Document(TextEscape.Line(d.Render())));
            writer.Write('\n');
        }
    }

    /// <summary><c>infra/librechat.yaml: not usable, 2 errors (in Pulumi.dev.yaml), 1 warning</c>: the verdict is about the
    /// config, and the files that hold the errors are named, since they may be the stack or env file rather than the config.</summary>
    public static string Summary(string file, IReadOnlyList<Diagnostic> diagnostics)
    {
        var errors = Count(diagnostics, Severity.Error);
        var warnings = Count(diagnostics, Severity.Warning);
        var where =
            errors == 0
                ? ""
                : " (in "
                    + string.Join(
                        ", ",
                        diagnostics
                            .Where(d => d.Severity == Severity.Error)
                            .Select(d => d.Span.File)
                            .Distinct(StringComparer.Ordinal)
                            .Order(StringComparer.Ordinal)
                    )
                    + ")";
        var verdict = errors > 0 ? "not usable" : "usable";
        return TextEscape.Document(
            TextEscape.Line(
                $"{file}: {verdict}, {PolicyText.Count(errors, "error")}{where}, {PolicyText.Count(warnings, "warning")}"
            )
        );
    }

    /// <summary><c>{"schemaVersion":1,"file":...,"diagnostics":[...],"errors":N,"warnings":N}</c>; field names are stable
    /// (extend, never rename). Written by the shared <see cref="CanonicalJson"/> writer like every other report.</summary>
    public static string Json(string file, IReadOnlyList<Diagnostic> diagnostics) =>
        CanonicalJson.Write(json =>
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
                // Lint JSON has always written null for a whole-file diagnostic (plan JSON leaves the fields out).
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
        });

    private static int Count(IReadOnlyList<Diagnostic> diagnostics, Severity severity) =>
        diagnostics.Count(d => d.Severity == severity);
}
