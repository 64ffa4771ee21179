using System.Globalization;

namespace Containment.Core.Diagnostics;

/// <summary>A single finding with a code, a severity and a position. Messages never carry secret values.</summary>
public sealed record Diagnostic(
    DiagnosticDescriptor Descriptor,
    Severity Severity,
    string Message,
    SourceSpan Span
)
{
    public string Code => Descriptor.Code;

    /// <summary>MSBuild-style rendering that editors and CI annotators understand:
    /// <c>infra/librechat.yaml(88,14): error CT2003: message</c>.</summary>
    public string Render() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{Span}: {SeverityWord(Severity)} {Code}: {Message}"
        );

    public static string SeverityWord(Severity severity) =>
        severity switch
        {
            Severity.Error => "error",
            Severity.Warning => "warning",
            _ => "info",
        };
}
