namespace Containment.Core.Diagnostics;

/// <summary>Collects diagnostics from every stage of the pipeline.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];

    public IReadOnlyList<Diagnostic> Items => _items;

    public bool HasErrors => _items.Exists(d => d.Severity == Severity.Error);

    public Diagnostic Add(DiagnosticDescriptor descriptor, SourceSpan span, string message, Severity? severity = null)
    {
        var diagnostic = new Diagnostic(descriptor, severity ?? descriptor.DefaultSeverity, message, span);
        _items.Add(diagnostic);
        return diagnostic;
    }

    public void AddRange(IEnumerable<Diagnostic> diagnostics) => _items.AddRange(diagnostics);

    /// <summary>Diagnostics in a stable order (file, line, column, code, message) so reports are byte-identical.</summary>
    public IReadOnlyList<Diagnostic> Sorted() =>
        [
            .. _items
                .OrderBy(d => d.Span.File, StringComparer.Ordinal)
                .ThenBy(d => d.Span.Line)
                .ThenBy(d => d.Span.Column)
                .ThenBy(d => d.Code, StringComparer.Ordinal)
                .ThenBy(d => d.Message, StringComparer.Ordinal),
        ];
}
