namespace Containment.Core.Diagnostics;

/// <summary>
/// The diagnostic catalogue. Codes are stable forever (SARIF rule ids, docs, CI filters depend on them).
/// Ranges: CT1xxx reading and parsing, CT2xxx LibreChat config semantics, CT3xxx policy,
/// CT4xxx stack settings, CT5xxx targets and the Pulumi compiler. Each range lives in its own partial file.
/// </summary>
public static partial class DiagnosticCatalog
{
    /// <summary>Every descriptor, ordered by code (for SARIF rule tables and <c>--help</c>).</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All =>
        [
            .. typeof(DiagnosticCatalog)
                .GetFields(
                    System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static
                )
                .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
                .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
                .OrderBy(d => d.Code, StringComparer.Ordinal),
        ];
}
