namespace Containment.Core.Diagnostics;

/// <summary>How bad a diagnostic is. Errors make a command exit 1; warnings and infos never do.</summary>
public enum Severity
{
    Info,
    Warning,
    Error,
}
