using static System.FormattableString;

namespace Containment.Core.Diagnostics;

/// <summary>CT3120-CT3139: rule priorities and port splits (Policy/RulePriorities.cs, WebGroupAssembler.cs).</summary>
public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticDescriptor PriorityBandFull = new(
        "CT3120",
        Severity.Error,
        "Too many rules for their priority band",
        "Each rule kind has a fixed range of priorities (docs/targets.md, Rule priorities). Split the configuration across stacks, or remove servers."
    );
}

public sealed partial class DiagnosticBuilder
{
    public Diagnostic PriorityBandFull(string band, int first, int last, int rules) =>
        Make(
            DiagnosticCatalog.PriorityBandFull,
            Invariant(
                $"The {band} band holds priorities {first} to {last}; {rules} rules do not fit."
            )
        );
}
