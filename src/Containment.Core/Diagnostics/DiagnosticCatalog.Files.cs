using static System.FormattableString;

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

    public static readonly DiagnosticDescriptor OutputFolderRefused = new(
        "CT1101",
        Severity.Error,
        "Output folder refused",
        "emit writes and removes files only inside --out, never through a symbolic link, and removes only files its own manifest (.containment-files) lists as plain relative paths. Point --out at a real folder, remove the link inside it, or delete the manifest line Containment did not write."
    );

    public static readonly DiagnosticDescriptor DiagnosticsCapped = new(
        "CT1102",
        Severity.Info,
        "More diagnostics not shown",
        "At most 1000 diagnostics are kept per file, so a hostile or broken file cannot make the report (or SARIF upload) unbounded. This summary takes the highest severity of those not shown: fix the ones shown and run again."
    );
}

public sealed partial class DiagnosticBuilder
{
    /// <param name="kind">What the file is instead ("FIFO", "character device").</param>
    public Diagnostic NotRegularFile(string subject, string kind) =>
        Make(
            DiagnosticCatalog.NotRegularFile,
            $"{subject} is a {kind}, not a regular file; only regular files are read"
        );

    /// <param name="reason">Why emit refused, naming the link or manifest line at fault (a path, never file contents).</param>
    public Diagnostic OutputFolderRefused(string reason) =>
        Make(DiagnosticCatalog.OutputFolderRefused, reason);

    public Diagnostic DiagnosticsCapped(long notShown, int maxPerFile) =>
        Make(
            DiagnosticCatalog.DiagnosticsCapped,
            Invariant(
                $"{notShown} more diagnostics for this file are not shown (at most {maxPerFile} per file); fix the ones above and run again"
            )
        );
}
