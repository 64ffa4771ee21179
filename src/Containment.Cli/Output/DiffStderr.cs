using Containment.Core.Diagnostics;
using Containment.Core.Reports;

namespace Containment.Cli.Output;

/// <summary>
/// What <c>diff</c> prints on stderr: a header line naming the stack, the head's diagnostics, and why the base is
/// invalid when it is. The header keeps the blocks of two stacks apart when CI diffs several into one log.
/// </summary>
internal static class DiffStderr
{
    public static void Write(
        TextWriter stderr,
        EgressDiff diff,
        PolicySnapshot @base,
        PolicySnapshot head
    )
    {
        var baseErrors = @base.Diagnostics.Where(d => d.Severity == Severity.Error).ToList();
        if (head.Diagnostics.Count == 0 && !@base.IsInvalid)
        {
            return;
        }
        stderr.Write(
            $"containment: diff of stack {TextEscape.Line(diff.StackTitle)} ({TextEscape.Line(@base.Label)} -> {TextEscape.Line(head.Label)})\n"
        );
        DiagnosticReport.WriteText(stderr, head.Diagnostics);
        if (@base.IsInvalid)
        {
            stderr.Write(
                $"containment: warning: the base {TextEscape.Line(@base.Label)} is invalid ({baseErrors.Count} errors); everything the head permits is reported as added.\n"
            );
            foreach (var d in baseErrors)
            {
                stderr.Write("  base: " + TextEscape.Line(d.Render()) + "\n");
            }
        }
    }
}
