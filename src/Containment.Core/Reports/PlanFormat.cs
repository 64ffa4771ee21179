namespace Containment.Core.Reports;

/// <summary>Output formats of <c>containment plan</c>.</summary>
public enum PlanFormat
{
    Text,
    Markdown,
    Json,
}
