using Containment.Core.Policy;
using Containment.Core.Reports;

namespace Containment.Cli.Rendering;

/// <summary>
/// The one place commands choose between Spectre tables and plain text: tables only for <c>--format text</c> on
/// a rich terminal; Markdown, JSON and every redirected or CI run get the byte-stable Core renderers.
/// </summary>
public static class HumanOutput
{
    public static void WriteDiff(
        TextWriter stdout,
        OutputStyle style,
        EgressDiff diff,
        ReportFormat format
    )
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(style);
        if (format == ReportFormat.Text && style.Rich)
        {
            DiffTable.Render(ConsoleFactory.Create(stdout, style), diff);
            return;
        }
        stdout.Write(DiffReport.Render(diff, format));
    }

    public static void WriteCheck(
        TextWriter stdout,
        OutputStyle style,
        CheckResult result,
        ReportFormat format
    )
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(style);
        if (format == ReportFormat.Text && style.Rich)
        {
            CheckTable.Render(ConsoleFactory.Create(stdout, style), result);
            return;
        }
        stdout.Write(CheckReport.Render(result, format));
    }

    /// <summary><paramref name="plainText"/> is the plan's own text rendering, used whenever tables are not.</summary>
    public static void WritePlan(
        TextWriter stdout,
        OutputStyle style,
        PolicyModel model,
        Func<string> plainText
    )
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(style);
        ArgumentNullException.ThrowIfNull(plainText);
        if (style.Rich)
        {
            PlanTable.Render(ConsoleFactory.Create(stdout, style), model);
            return;
        }
        stdout.Write(plainText());
    }
}
