using System.Text;
using System.Text.Json;
using Containment.Core.IO;
using Containment.Core.Policy;

namespace Containment.Core.Reports;

/// <summary>Renders a <see cref="CheckResult"/> for <c>check --format text|markdown|json</c>.</summary>
public static class CheckReport
{
    public static string Render(CheckResult result, ReportFormat format)
    {
        ArgumentNullException.ThrowIfNull(result);
        return format switch
        {
            ReportFormat.Json => Json(result),
            ReportFormat.Markdown => Markdown(result),
            _ => Text(result),
        };
    }

    /// <summary>The verdict as one phrase: <c>PERMITTED</c>, <c>DENIED</c>, or <c>DENIED (watch mode: logged, not blocked)</c>.</summary>
    public static string Verdict(CheckResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Permitted)
        {
            return "PERMITTED";
        }
        return result.Rule is { Watch: true }
            ? "DENIED (watch mode: logged, not yet blocked)"
            : "DENIED";
    }

    public static string RuleText(CheckResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Rule is { } rule
            ? $"{rule.Name} (priority {PolicyText.Number(rule.Priority)}, {PolicyText.Word(rule.Action)})"
            : "no rule matched: the attachment point's default action applies";
    }

    public static string SuggestionText(HostSuggestion suggestion)
    {
        ArgumentNullException.ThrowIfNull(suggestion);
        return suggestion.Kind switch
        {
            SuggestionKind.Typo when suggestion.Allowed != suggestion.Host =>
                $"{suggestion.Host}? a likely typo ({Edits(suggestion.Distance)} from {suggestion.Allowed} in WebGroup {suggestion.WebGroup})",
            SuggestionKind.Typo =>
                $"{suggestion.Host}? a likely typo ({Edits(suggestion.Distance)} away, WebGroup {suggestion.WebGroup})",
            SuggestionKind.WildcardApex =>
                $"{suggestion.Allowed} is allowed (WebGroup {suggestion.WebGroup}) but a wildcard does not cover its apex: add the apex itself if it is meant",
            _ =>
                $"{suggestion.Host}? a sibling subdomain that is allowed (WebGroup {suggestion.WebGroup})",
        };
    }

    private static string Edits(int distance) =>
        distance == 1 ? "1 edit" : $"{PolicyText.Number(distance)} edits";

    /// <summary>Each line is built from config values (hosts, names, sources, notes) and escaped as a whole before its newline.</summary>
    private static string Text(CheckResult result)
    {
        var text = new LineWriter();
        text.Line(
            $"{Verdict(result)}  {result.Host}:{PolicyText.Number(result.Port)} from {PolicyText.Word(result.From)}"
        );
        text.Line("  rule: " + RuleText(result));
        if (result.MatchedHost is { } matched)
        {
            text.Line($"  matched: {matched} in WebGroup {result.WebGroup}");
        }
        foreach (var source in PolicyText.Sorted(result.Sources))
        {
            text.Line("  source: " + PolicyText.Source(source));
        }
        foreach (var suggestion in result.Suggestions)
        {
            text.Line("  did you mean: " + SuggestionText(suggestion));
        }
        foreach (var note in result.Notes)
        {
            text.Line("  note: " + note);
        }
        return text.ToString();
    }

    private static string Markdown(CheckResult result)
    {
        var md = new StringBuilder();
        md.Append("**")
            .Append(Reports.Markdown.Text(Verdict(result)))
            .Append("** ")
            .Append(Reports.Markdown.Code($"{result.Host}:{PolicyText.Number(result.Port)}"))
            .Append(" from ")
            .Append(Reports.Markdown.Code(PolicyText.Word(result.From)))
            .Append("\n\n");
        md.Append("| | |\n|---|---|\n");
        md.Append("| Rule | ").Append(Reports.Markdown.Text(RuleText(result))).Append(" |\n");
        if (result.MatchedHost is { } matched)
        {
            md.Append("| Matched | ")
                .Append(Reports.Markdown.Code(matched))
                .Append(" in WebGroup ")
                .Append(Reports.Markdown.Code(result.WebGroup ?? ""))
                .Append(" |\n");
        }
        foreach (var source in PolicyText.Sorted(result.Sources))
        {
            md.Append("| Source | ")
                .Append(Reports.Markdown.Text(PolicyText.Source(source)))
                .Append(" |\n");
        }
        foreach (var suggestion in result.Suggestions)
        {
            md.Append("| Did you mean | ")
                .Append(Reports.Markdown.Text(SuggestionText(suggestion)))
                .Append(" |\n");
        }
        foreach (var note in result.Notes)
        {
            md.Append("| Note | ").Append(Reports.Markdown.Text(note)).Append(" |\n");
        }
        return md.ToString();
    }

    private static string Json(CheckResult result) =>
        CanonicalJson.Write(json =>
        {
            json.WriteStartObject();
            json.WriteString("host", result.Host);
            json.WriteString("from", PolicyText.Word(result.From));
            json.WriteNumber("port", result.Port);
            json.WriteBoolean("permitted", result.Permitted);
            if (result.Rule is { } rule)
            {
                json.WriteStartObject("rule");
                json.WriteString("name", rule.Name);
                json.WriteNumber("priority", rule.Priority);
                json.WriteString("action", PolicyText.Word(rule.Action));
                json.WriteBoolean("watch", rule.Watch);
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("rule");
            }
            if (result.MatchedHost is { } matched)
            {
                json.WriteStartObject("match");
                json.WriteString("webGroup", result.WebGroup);
                json.WriteString("host", matched);
                JsonReport.WriteSources(json, "sources", result.Sources);
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("match");
            }
            json.WriteStartArray("suggestions");
            foreach (var s in result.Suggestions)
            {
                json.WriteStartObject();
                json.WriteString("host", s.Host);
                json.WriteString("kind", JsonNamingPolicy.CamelCase.ConvertName(s.Kind.ToString()));
                json.WriteString("allowed", s.Allowed);
                json.WriteString("webGroup", s.WebGroup);
                json.WriteNumber("distance", s.Distance);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            JsonReport.WriteStrings(json, "notes", result.Notes);
            json.WriteEndObject();
        });
}
