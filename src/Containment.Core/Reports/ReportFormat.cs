namespace Containment.Core.Reports;

/// <summary>Output formats of the review reports (<c>--format</c>).</summary>
public enum ReportFormat
{
    Text,
    Markdown,
    Json,
}

public static class ReportFormats
{
    /// <summary>Parses a <c>--format</c> value (<c>text</c>, <c>markdown</c>/<c>md</c>, <c>json</c>); null for anything else.</summary>
    public static ReportFormat? Parse(string? value) =>
        value?.ToLowerInvariant() switch
        {
            "text" => ReportFormat.Text,
            "markdown" or "md" => ReportFormat.Markdown,
            "json" => ReportFormat.Json,
            _ => null,
        };
}
