using System.Text.Json;
using Containment.Core.IO;
using Containment.Core.Policy;

namespace Containment.Core.Reports;

/// <summary>
/// <c>diff --format json</c>: the <see cref="EgressDiff"/> as stable JSON (properties in a fixed order, arrays in
/// the diff's sorted order). Like plan JSON: extend, never rename.
/// </summary>
public static class DiffJsonWriter
{
    public const int SchemaVersion = 1;

    public static string Write(EgressDiff diff)
    {
        ArgumentNullException.ThrowIfNull(diff);
        return CanonicalJson.Write(json =>
        {
            json.WriteStartObject();
            json.WriteNumber("schemaVersion", SchemaVersion);
            Side(json, "base", diff.BaseLabel, diff.BaseInvalid, diff.BaseErrorCount);
            Side(json, "head", diff.HeadLabel, diff.HeadInvalid, diff.HeadErrorCount);
            json.WriteBoolean("empty", diff.IsEmpty);
            json.WriteBoolean("hasNewEgress", diff.HasNewEgress);
            if (diff.HeadStack is { } stack)
            {
                json.WriteString("stack", stack);
            }
            NewEgress(json, diff.NewEgress);
            json.WriteStartArray("settings");
            foreach (var change in diff.SettingChanges)
            {
                Value(json, change);
            }
            json.WriteEndArray();
            json.WriteStartArray("webGroups");
            foreach (var group in diff.WebGroups)
            {
                WebGroup(json, group);
            }
            json.WriteEndArray();
            json.WriteStartArray("rules");
            foreach (var rule in diff.Rules)
            {
                Rule(json, rule);
            }
            json.WriteEndArray();
            json.WriteStartArray("smartGroups");
            foreach (var group in diff.SmartGroups)
            {
                json.WriteStartObject();
                json.WriteString("name", group.Name);
                json.WriteString("change", JsonReport.Word(group.Kind));
                JsonReport.WriteStrings(json, "selectorsAdded", group.AddedSelectors);
                JsonReport.WriteStrings(json, "selectorsRemoved", group.RemovedSelectors);
                if (group.Role is { } role)
                {
                    json.WritePropertyName("role");
                    Value(json, role);
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("newDiagnostics");
            foreach (var d in diff.NewDiagnostics)
            {
                JsonReport.WriteDiagnostic(json, d);
            }
            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    private static void Side(
        Utf8JsonWriter json,
        string name,
        string label,
        bool invalid,
        int errors
    )
    {
        json.WriteStartObject(name);
        json.WriteString("label", label);
        json.WriteBoolean("valid", !invalid);
        json.WriteNumber("errors", errors);
        json.WriteEndObject();
    }

    /// <summary>schemaVersion 1 listed sentences here; each entry is now an object whose <c>text</c> is that sentence.</summary>
    private static void NewEgress(Utf8JsonWriter json, IReadOnlyList<NewEgressItem> items)
    {
        json.WriteStartArray("newEgress");
        foreach (var item in items)
        {
            json.WriteStartObject();
            json.WriteString("kind", JsonReport.Word(item.Kind));
            json.WriteString("host", item.Destination);
            json.WriteString("protocol", item.Protocol);
            json.WriteString("ports", item.Ports);
            json.WriteString("smartGroup", item.SmartGroup);
            json.WriteString("workload", item.Workload);
            json.WriteString("rule", item.Rule);
            JsonReport.WriteSources(json, "sources", item.Sources);
            JsonReport.WriteStrings(json, "widens", item.Widens);
            json.WriteString("text", item.Sentence);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void Value(Utf8JsonWriter json, ValueChange change)
    {
        json.WriteStartObject();
        json.WriteString("name", change.Name);
        json.WriteString("from", change.From);
        json.WriteString("to", change.To);
        json.WriteEndObject();
    }

    private static void WebGroup(Utf8JsonWriter json, WebGroupChange group)
    {
        json.WriteStartObject();
        json.WriteString("name", group.Name);
        json.WriteString("purpose", group.Purpose);
        json.WriteString("change", JsonReport.Word(group.Kind));
        json.WriteStartArray("permittedBy");
        foreach (var rule in group.PermittedBy)
        {
            json.WriteStartObject();
            json.WriteString("rule", rule.Name);
            json.WriteNumber("priority", rule.Priority);
            JsonReport.WriteStrings(json, "sources", rule.Sources);
            json.WriteString("ports", rule.Ports);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        Hosts(json, "hostsAdded", group.AddedHosts);
        Hosts(json, "hostsRemoved", group.RemovedHosts);
        json.WriteStartArray("hostsChanged");
        foreach (var host in group.ChangedHosts)
        {
            json.WriteStartObject();
            json.WriteString("host", host.Host);
            JsonReport.WriteNumbers(json, "portsFrom", host.FromPorts);
            JsonReport.WriteNumbers(json, "portsTo", host.ToPorts);
            JsonReport.WriteSources(json, "sources", host.Sources);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Hosts(Utf8JsonWriter json, string name, IReadOnlyList<WebGroupHost> hosts)
    {
        json.WriteStartArray(name);
        foreach (var host in hosts)
        {
            json.WriteStartObject();
            json.WriteString("host", host.Host);
            JsonReport.WriteNumbers(json, "ports", host.Ports.Order());
            JsonReport.WriteSources(json, "sources", host.Sources);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void Rule(Utf8JsonWriter json, RuleChange change)
    {
        var rule = change.Rule;
        json.WriteStartObject();
        json.WriteString("name", change.Name);
        json.WriteString("change", JsonReport.Word(change.Kind));
        json.WriteNumber("priority", rule.Priority);
        json.WriteString("action", PolicyText.Word(rule.Action));
        json.WriteString("summary", PolicyText.RuleSummary(rule));
        json.WriteStartArray("fields");
        foreach (var field in change.Fields)
        {
            Value(json, field);
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
