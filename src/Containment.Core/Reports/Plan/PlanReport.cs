using Containment.Core.Diagnostics;
using Containment.Core.Model;
using Containment.Core.Policy;

namespace Containment.Core.Reports;

/// <summary>
/// Renders a policy and its diagnostics for <c>containment plan</c>. Every format is byte-deterministic:
/// ordinal sorting, invariant culture, "\n" line ends. A null model (the build failed) renders the
/// diagnostics only.
/// </summary>
public static class PlanReport
{
    public static string Render(
        PolicyModel? model,
        IReadOnlyList<Diagnostic> diagnostics,
        ReportFormat format
    )
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var sorted = SortDiagnostics(diagnostics);
        return format switch
        {
            ReportFormat.Json => PlanReportJson.Render(model, sorted),
            ReportFormat.Markdown => PlanReportMarkdown.Render(model, sorted),
            _ => PlanReportText.Render(model, sorted),
        };
    }

    internal static IReadOnlyList<Diagnostic> SortDiagnostics(
        IEnumerable<Diagnostic> diagnostics
    ) =>
        [
            .. diagnostics
                .OrderBy(d => d.Span.File, StringComparer.Ordinal)
                .ThenBy(d => d.Span.Line)
                .ThenBy(d => d.Span.Column)
                .ThenBy(d => d.Code, StringComparer.Ordinal)
                .ThenBy(d => d.Message, StringComparer.Ordinal),
        ];

    internal static string Version(Version v) =>
        FormattableString.Invariant($"{v.Major}.{Math.Max(v.Minor, 0)}");

    internal static string Ports(IReadOnlyList<PortRange> ports) =>
        ports.Count == 0 ? "any" : string.Join(",", ports.Select(Port));

    internal static string Port(PortRange p) =>
        p.High is { } hi && hi != p.Low
            ? FormattableString.Invariant($"{p.Low}-{hi}")
            : FormattableString.Invariant($"{p.Low}");

    /// <summary>One line for a person: where a host comes from.</summary>
    internal static string Describe(Provenance p) =>
        p switch
        {
            ConfigProvenance c => FormattableString.Invariant($"{c.File}:{c.Line} {c.Path}"),
            CatalogProvenance c => $"catalogue {c.Catalogue} {c.Version} ({c.Entry})",
            SettingProvenance s when s.Detail is not null => $"setting {s.Setting} ({s.Detail})",
            SettingProvenance s => "setting " + s.Setting,
            _ => p.SortKey,
        };
}
