using System.Text.Json;
using Containment.Core.IO;

namespace Containment.Core.Baseline;

/// <summary>
/// <c>baseline --format json</c>: <c>wouldDeny</c> (a list of <c>{workload, destination: {host?, ip, port}, count,
/// firstSeen, lastSeen, rules, suggestion}</c>), <c>enforcedDenies</c>, <c>permits</c>, <c>skippedLines</c>,
/// <c>ready</c>, <c>window</c> (issue 15). Field names are stable: extend, never rename.
/// </summary>
public static class BaselineJson
{
    public static string Write(BaselineReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return CanonicalJson.Write(json =>
        {
            json.WriteStartObject();
            json.WriteNumber("schemaVersion", 1);
            json.WriteString("stack", report.Stack);
            json.WriteBoolean("ready", report.Ready);
            json.WriteString("verdict", report.Verdict);
            Flows(json, "wouldDeny", report.WouldDeny, withSuggestion: true);
            Flows(json, "enforcedDenies", report.EnforcedDenies, withSuggestion: false);
            json.WriteStartArray("permits");
            foreach (var p in report.Permits)
            {
                json.WriteStartObject();
                json.WriteString("rule", p.Rule);
                json.WriteNumber("count", p.Count);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartObject("skippedLines");
            json.WriteNumber("count", report.SkippedLines);
            json.WriteStartArray("first");
            foreach (var s in report.FirstSkipped)
            {
                json.WriteStartObject();
                json.WriteString("file", s.File);
                json.WriteNumber("line", s.Line);
                json.WriteString("reason", s.Reason);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
            Window(json, report.Window);
            json.WriteStartArray("notes");
            foreach (var note in report.Notes)
            {
                json.WriteStringValue(note);
            }
            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    private static void Flows(
        Utf8JsonWriter json,
        string name,
        IReadOnlyList<BaselineFlow> flows,
        bool withSuggestion
    )
    {
        json.WriteStartArray(name);
        foreach (var f in flows)
        {
            json.WriteStartObject();
            json.WriteString("workload", f.Workload);
            json.WriteStartObject("destination");
            if (f.Destination.Host is { } host)
            {
                json.WriteString("host", host);
            }
            json.WriteString("ip", f.Destination.Ip);
            json.WriteNumber("port", f.Destination.Port);
            json.WriteEndObject();
            json.WriteNumber("count", f.Count);
            Time(json, "firstSeen", f.FirstSeen);
            Time(json, "lastSeen", f.LastSeen);
            json.WriteStartArray("rules");
            foreach (var r in f.Rules)
            {
                json.WriteStringValue(r);
            }
            json.WriteEndArray();
            if (withSuggestion)
            {
                json.WriteString("suggestion", f.Suggestion);
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void Window(Utf8JsonWriter json, BaselineWindow w)
    {
        json.WriteStartObject("window");
        Time(json, "from", w.From);
        Time(json, "to", w.To);
        json.WriteStartArray("files");
        foreach (var f in w.Files)
        {
            json.WriteStringValue(f);
        }
        json.WriteEndArray();
        json.WriteNumber("lines", w.Lines);
        json.WriteNumber("flowLines", w.FlowLines);
        json.WriteNumber("otherLines", w.OtherLines);
        json.WriteNumber("noDecisionLines", w.NoDecisionLines);
        json.WriteNumber("unaggregatedLines", w.UnaggregatedLines);
        json.WriteEndObject();
    }

    private static void Time(Utf8JsonWriter json, string name, long? unixSeconds)
    {
        if (BaselineTime.Format(unixSeconds) is { } text)
        {
            json.WriteString(name, text);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
