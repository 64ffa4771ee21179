using System.Runtime.CompilerServices;

namespace Containment.Core.Diagnostics;

/// <summary>
/// Collects diagnostics from every stage of the pipeline. At most <see cref="MaxPerFile"/> are kept per file: a
/// hostile file can make a million findings (one per unknown key), and every reporter (text, JSON, SARIF, Markdown)
/// would hold and print them all (issue 10 item 9: 1,000,000 unknown keys gave 5.3 GB and a 589 MB SARIF file).
/// Past the cap a file gets one <see cref="DiagnosticCatalog.DiagnosticsCapped"/> summary, with the count of the
/// rest and the highest severity among them, so an error past the cap still fails the run.
/// </summary>
public sealed class DiagnosticBag
{
    public const int MaxPerFile = 1000;

    // The suppressed count travels with a summary when one bag is copied into another (LibreChatLoader merges
    // the reader's and the schema's bags), so the merged summary still counts every diagnostic not shown.
    private static readonly ConditionalWeakTable<Diagnostic, StrongBox<long>> SummaryCounts = [];

    private readonly List<Diagnostic> _items = [];
    private readonly Dictionary<string, int> _keptPerFile = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Index, long Count)> _summaries = new(
        StringComparer.Ordinal
    );

    public IReadOnlyList<Diagnostic> Items => _items;

    public bool HasErrors => _items.Exists(d => d.Severity == Severity.Error);

    /// <summary>Every diagnostic ever added, shown or past the cap: grows on each <see cref="Add"/>, so callers can tell "did this step report anything".</summary>
    public long Reported { get; private set; }

    /// <summary>Adds a diagnostic made by <see cref="DiagnosticBuilder"/>, which owns each code's message.</summary>
    public void Add(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        Keep(diagnostic);
    }

    public void AddRange(IEnumerable<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        foreach (var diagnostic in diagnostics)
        {
            Keep(diagnostic);
        }
    }

    private void Keep(Diagnostic diagnostic)
    {
        var file = diagnostic.Span.File;
        var incoming = SummaryCounts.TryGetValue(diagnostic, out var box) ? box.Value : 0;
        Reported += Math.Max(1, incoming);
        var kept = _keptPerFile.GetValueOrDefault(file);
        if (incoming == 0 && kept < MaxPerFile)
        {
            _keptPerFile[file] = kept + 1;
            _items.Add(diagnostic);
            return;
        }

        Suppress(file, Math.Max(1, incoming), diagnostic.Severity);
    }

    private void Suppress(string file, long count, Severity severity)
    {
        var (index, total) = _summaries.TryGetValue(file, out var existing) ? existing : (-1, 0L);
        total += count;
        var highest =
            index >= 0 && _items[index].Severity > severity ? _items[index].Severity : severity;
        var summary = DiagnosticBuilder.AtFile(file).DiagnosticsCapped(total, MaxPerFile) with
        {
            Severity = highest,
        };
        SummaryCounts.AddOrUpdate(summary, new StrongBox<long>(total));
        if (index >= 0)
        {
            _items[index] = summary;
        }
        else
        {
            index = _items.Count;
            _items.Add(summary);
        }

        _summaries[file] = (index, total);
    }

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
