using System.Text.Json;
using Containment.Core.Diagnostics;
using Containment.Core.Model;

namespace Containment.Core.Reports;

/// <summary>
/// Shared JSON plumbing for the reports: one writer configuration (two-space indent, "\n", no HTML escaping
/// of messages) and the plan-JSON shapes of CLI.md for provenance and diagnostics.
/// </summary>
internal static class JsonReport
{
    /// <summary><c>{"file","path","line","column"}</c>, <c>{"catalogue","version","entry"}</c> or <c>{"setting","detail"}</c>.</summary>
    public static void WriteProvenance(Utf8JsonWriter json, Provenance provenance)
    {
        json.WriteStartObject();
        switch (provenance)
        {
            case ConfigProvenance c:
                json.WriteString("file", c.File);
                json.WriteString("path", c.Path);
                json.WriteNumber("line", c.Line);
                json.WriteNumber("column", c.Column);
                break;
            case CatalogProvenance c:
                json.WriteString("catalogue", c.Catalogue);
                json.WriteString("version", c.Version);
                json.WriteString("entry", c.Entry);
                break;
            case SettingProvenance s:
                json.WriteString("setting", s.Setting);
                if (s.Detail is { } detail)
                {
                    json.WriteString("detail", detail);
                }
                // Where in a stack file the setting was written (diff --base-ref reports stack-file changes by line).
                if (s.At is { HasPosition: true } at)
                {
                    json.WriteString("file", at.File);
                    json.WriteNumber("line", at.Line);
                    json.WriteNumber("column", at.Column);
                }
                break;
            default:
                json.WriteString("source", provenance.SortKey);
                break;
        }
        json.WriteEndObject();
    }

    public static void WriteSources(
        Utf8JsonWriter json,
        string name,
        IEnumerable<Provenance> sources
    )
    {
        json.WriteStartArray(name);
        foreach (var source in PolicyText.Sorted(sources))
        {
            WriteProvenance(json, source);
        }
        json.WriteEndArray();
    }

    public static void WriteDiagnostic(Utf8JsonWriter json, Diagnostic diagnostic)
    {
        json.WriteStartObject();
        json.WriteString("severity", Diagnostic.SeverityWord(diagnostic.Severity));
        json.WriteString("code", diagnostic.Code);
        json.WriteString("message", diagnostic.Message);
        json.WriteString("file", diagnostic.Span.File);
        // The YAML path, named "path" as in a host's sources: what `diff` matches a diagnostic by, whatever its line.
        if (diagnostic.Span.ConfigPath is { } path)
        {
            json.WriteString("path", path);
        }
        // A diagnostic about a whole file has no line or column.
        if (diagnostic.Span.HasPosition)
        {
            json.WriteNumber("line", diagnostic.Span.Line);
            json.WriteNumber("column", diagnostic.Span.Column);
        }
        // Where the value ends, as SARIF's endLine/endColumn, so a tool can mark the whole value.
        if (diagnostic.Span.HasEnd)
        {
            json.WriteNumber("endLine", diagnostic.Span.EndLine);
            json.WriteNumber("endColumn", diagnostic.Span.EndColumn);
        }
        json.WriteEndObject();
    }

    public static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }
        json.WriteEndArray();
    }

    public static void WriteNumbers(Utf8JsonWriter json, string name, IEnumerable<int> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteNumberValue(value);
        }
        json.WriteEndArray();
    }

    public static string Word(ChangeKind kind) =>
        kind switch
        {
            ChangeKind.Added => "added",
            ChangeKind.Removed => "removed",
            _ => "changed",
        };

    public static string Word(NewEgressKind kind) =>
        kind switch
        {
            NewEgressKind.DenyWatched => "deny-watched",
            NewEgressKind.DenyRemoved => "deny-removed",
            NewEgressKind.BaseInvalid => "base-invalid",
            _ => "permit",
        };
}
