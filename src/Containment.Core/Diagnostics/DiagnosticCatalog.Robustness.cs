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
