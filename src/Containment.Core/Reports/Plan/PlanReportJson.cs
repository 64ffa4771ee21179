using System.Text.Json;
using Containment.Core.Diagnostics;
using Containment.Core.IO;
using Containment.Core.Model;
using Containment.Core.Policy;

namespace Containment.Core.Reports;

/// <summary>
/// <c>plan --format json</c>, exactly as shared/design/CLI.md defines it (schemaVersion 1; extend, never
/// rename). Fields CLI.md does not show are additions: role, selectors, ports and entry of a source,
/// controllerVersion, decryption, agentGuard, attachmentPoint, ruleset, description, lookups, decryptionCa.
/// </summary>
internal static class PlanReportJson
{
    public const int SchemaVersion = 1;

    public static string Render(PolicyModel? model, IReadOnlyList<Diagnostic> diagnostics)
    {
        return CanonicalJson.Write(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("schemaVersion", SchemaVersion);
            if (model is not null)
            {
                WriteModel(w, model);
            }
            w.WriteStartArray("diagnostics");
            foreach (var d in diagnostics)
            {
                JsonReport.WriteDiagnostic(w, d);
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static void WriteModel(Utf8JsonWriter w, PolicyModel m)
    {
        w.WriteString("stack", m.Stack);
        w.WriteString("mode", PolicyText.Word(m.Mode));
        w.WriteString("cloudProvider", PolicyText.Word(m.CloudProvider));
        w.WriteString("controllerVersion", PlanReport.Version(m.ControllerVersion));
        w.WriteString("decryption", PolicyText.Word(m.Decryption));
        w.WriteBoolean("agentGuard", m.AgentGuard);
        w.WriteString("attachmentPoint", m.AttachmentPoint);
        w.WriteString("ruleset", m.RulesetName);

        w.WriteStartArray("smartGroups");
        foreach (var g in m.SmartGroups.OrderBy(g => g.Name, StringComparer.Ordinal))
        {
            w.WriteStartObject();
            w.WriteString("name", g.Name);
            w.WriteString("role", PolicyText.Word(g.Role));
            if (g.Selectors.Count > 0)
            {
                w.WritePropertyName("selector");
                WriteSelector(w, g.Selectors[0]);
            }
            w.WriteStartArray("selectors");
            foreach (var s in g.Selectors)
            {
                WriteSelector(w, s);
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("webGroups");
        foreach (var g in m.WebGroups.OrderBy(g => g.Name, StringComparer.Ordinal))
        {
            w.WriteStartObject();
            w.WriteString("name", g.Name);
            w.WriteString("purpose", g.Purpose);
            w.WriteStartArray("hosts");
            foreach (var h in g.Hosts.OrderBy(h => h.Host, StringComparer.Ordinal))
            {
                w.WriteStartObject();
                w.WriteString("host", h.Host);
                w.WriteStartArray("ports");
                foreach (var p in h.Ports.Order())
                {
                    w.WriteNumberValue(p);
                }
                w.WriteEndArray();
                w.WriteStartArray("sources");
                foreach (var s in h.Sources.OrderBy(s => s.SortKey, StringComparer.Ordinal))
                {
                    JsonReport.WriteProvenance(w, s);
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("rules");
        foreach (var r in m.Rules.OrderBy(r => r.Priority))
        {
            WriteRule(w, r);
        }
        w.WriteEndArray();

        w.WriteStartArray("lookups");
        foreach (var l in m.Lookups.OrderBy(l => l.Token, StringComparer.Ordinal))
        {
            w.WriteStartObject();
            w.WriteString("token", l.Token);
            w.WriteString("description", l.Description);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        if (m.DecryptionCa is { } ca)
        {
            w.WriteStartObject("decryptionCa");
            w.WriteString("configMap", ca.ConfigMapName);
            w.WriteString("namespace", ca.Namespace);
            w.WriteString("fileName", ca.FileName);
            w.WriteString("mountPath", ca.MountPath);
            w.WriteBoolean("useMitmCa", ca.UseMitmCa);
            w.WriteEndObject();
        }
    }

    private static void WriteSelector(Utf8JsonWriter w, SmartGroupSelector s)
    {
        w.WriteStartObject();
        w.WriteString("type", s.Type);
        WriteNullable(w, "clusterId", s.ClusterId);
        WriteNullable(w, "namespace", s.Namespace);
        w.WriteStartObject("labels");
        foreach (var (k, v) in s.Labels.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            w.WriteString(k, v);
        }
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteRule(Utf8JsonWriter w, PolicyRule r)
    {
        w.WriteStartObject();
        w.WriteString("name", r.Name);
        w.WriteNumber("priority", r.Priority);
        w.WriteString("action", PolicyText.Word(r.Action));
        JsonReport.WriteStrings(w, "sources", r.Sources);
        JsonReport.WriteStrings(w, "destinations", r.Destinations);
        JsonReport.WriteStrings(w, "webGroups", r.WebGroups);
        w.WriteString("protocol", PolicyText.Word(r.Protocol));
        w.WriteStartArray("ports");
        foreach (var p in r.Ports)
        {
            if (p.High is { } hi && hi != p.Low)
            {
                w.WriteStartObject();
                w.WriteNumber("lo", p.Low);
                w.WriteNumber("hi", hi);
                w.WriteEndObject();
            }
            else
            {
                w.WriteNumberValue(p.Low);
            }
        }
        w.WriteEndArray();
        w.WriteBoolean("watch", r.Watch);
        w.WriteBoolean("logging", r.Logging);
        w.WriteString("decrypt", PolicyText.Word(r.Decrypt));
        w.WriteString("description", r.Description);
        w.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }
}
