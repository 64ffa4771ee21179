namespace Containment.Core.Reports;

/// <summary>One entry point for <c>diff --format</c>.</summary>
public static class DiffReport
{
    public static string Render(EgressDiff diff, ReportFormat format) =>
        format switch
        {
            ReportFormat.Markdown => DiffMarkdownRenderer.Render(diff),
            ReportFormat.Json => DiffJsonWriter.Write(diff),
            _ => DiffTextRenderer.Render(diff),
        };
}
