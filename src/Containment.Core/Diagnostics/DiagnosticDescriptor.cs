namespace Containment.Core.Diagnostics;

/// <summary>
/// One entry of the diagnostic catalogue: a stable code, its default severity, a one-line title
/// (used as SARIF rule name and in <c>--help</c>) and help text saying what to do about it.
/// </summary>
public sealed record DiagnosticDescriptor(
    string Code,
    Severity DefaultSeverity,
    string Title,
    string Help
);
