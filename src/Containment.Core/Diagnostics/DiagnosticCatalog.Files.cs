namespace Containment.Core.Diagnostics;

// Files and resource limits (issue 10, items 7-9): CT1100-CT1119.
public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticDescriptor NotRegularFile = new(
        "CT1100",
        Severity.Error,
        "Not a regular file",
        "Inputs must be regular files. A FIFO would block the run forever and a device such as /dev/zero never ends, so both are refused before reading, also behind a symbolic link."
    );
}
