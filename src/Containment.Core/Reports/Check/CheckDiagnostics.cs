using Containment.Core.Diagnostics;
using Containment.Core.Model;

namespace Containment.Core.Reports;

/// <summary>
/// Which diagnostics <c>check HOST</c> shows by default: errors, and the warnings about that host (their message names
/// it, or they sit on a config line the answer cites). The rest of the plan's findings are noise for a yes/no question.
/// </summary>
public static class CheckDiagnostics
{
    public static IReadOnlyList<Diagnostic> Concerning(
        CheckResult result,
        IReadOnlyList<Diagnostic> diagnostics
    )
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var lines = result
            .Sources.OfType<ConfigProvenance>()
            .Select(c => (c.File, c.Line))
            .ToHashSet();
        var names = new[] { result.Host, result.MatchedHost }.OfType<string>().ToList();
        return
        [
            .. diagnostics.Where(d =>
                d.Severity == Severity.Error
                || lines.Contains((d.Span.File, d.Span.Line))
                || names.Exists(n => d.Message.Contains(n, StringComparison.OrdinalIgnoreCase))
            ),
        ];
    }
}
