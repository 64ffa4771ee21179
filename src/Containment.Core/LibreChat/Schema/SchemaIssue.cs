using Containment.Core.Diagnostics;
using Containment.Core.Yaml;

namespace Containment.Core.LibreChat.Schema;

/// <summary>One schema failure, kept with where it sits until a union has picked its branch. <paramref name="Depth"/>
/// is how many path segments deep it sits; unions use it to pick the branch that got furthest.</summary>
internal sealed record SchemaIssue(Diagnostic Diagnostic, YNode Node, string Path, int Depth)
{
    public DiagnosticDescriptor Descriptor => Diagnostic.Descriptor;

    public static DiagnosticBuilder At(string file, YNode node) =>
        DiagnosticBuilder.At(new SourceSpan(file, node.Line, node.Column));
}
