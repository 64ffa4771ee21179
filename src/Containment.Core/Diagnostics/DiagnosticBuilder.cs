namespace Containment.Core.Diagnostics;

/// <summary>
/// The one way to make a diagnostic: <c>diagnostics.Add(DiagnosticBuilder.At(span).DuplicateKey(key))</c>.
/// Each code has exactly one factory method, declared next to its descriptor in
/// <c>DiagnosticCatalog.&lt;Area&gt;.cs</c>, and that method owns the message text: a call site passes the
/// position and the values (names, kinds, counts; never a secret value), so a code has one wording instead of
/// one per call site (issue 11 item 5; the idea is Azure/bicep's DiagnosticBuilder.ForPosition).
/// A mode-dependent severity stays at the call site: <c>At(span).X(...) with { Severity = ... }</c>.
/// </summary>
public sealed partial class DiagnosticBuilder
{
    private readonly SourceSpan _span;

    private DiagnosticBuilder(SourceSpan span) => _span = span;

    public static DiagnosticBuilder At(SourceSpan span) => new(span);

    /// <summary>For findings about a whole file (missing, empty, too large) or a setting without a position.</summary>
    public static DiagnosticBuilder AtFile(string file) => new(SourceSpan.FileOnly(file));

    private Diagnostic Make(DiagnosticDescriptor descriptor, string message) =>
        new(descriptor, descriptor.DefaultSeverity, message, _span);
}
