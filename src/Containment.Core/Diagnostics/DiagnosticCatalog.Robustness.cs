namespace Containment.Core.Diagnostics;

// Hostile-input findings (issue 7). CT2090-CT2099 is the top of the reader's range, kept for these.
public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticDescriptor InternationalizedHost = new(
        "CT2090",
        Severity.Warning,
        "Host written with non-ASCII characters",
        "The host becomes punycode (xn--...). Check it is the host you mean and not a look-alike of an ASCII name (Cyrillic 'а' for Latin 'a'); write the punycode form to silence this."
    );
}

public sealed partial class DiagnosticBuilder
{
    /// <param name="host">The punycode form only: the raw text may hold look-alikes or bidi tricks.</param>
    public Diagnostic InternationalizedHost(string path, string host) =>
        Make(
            DiagnosticCatalog.InternationalizedHost,
            $"{path}: host {host} was written with non-ASCII characters; make sure it is not a look-alike of another host"
        );
}
