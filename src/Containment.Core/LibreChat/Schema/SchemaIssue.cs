using Containment.Core.Diagnostics;
using Containment.Core.Yaml;

namespace Containment.Core.LibreChat.Schema;

/// <summary>One schema failure before it becomes a diagnostic. <paramref name="Depth"/> is how many path
/// segments deep it sits; unions use it to pick the branch that got furthest.</summary>
internal sealed record SchemaIssue(
    DiagnosticDescriptor Descriptor,
    YNode Node,
    string Path,
    string Message,
    int Depth
);
