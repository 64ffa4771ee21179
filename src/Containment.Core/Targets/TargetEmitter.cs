using Containment.Core.Diagnostics;
using Containment.Core.IO;
using Containment.Core.Policy;

namespace Containment.Core.Targets;

/// <summary>
/// What <c>emit --target NAME --out DIR</c> does: run the writer, and write DIR atomically only when neither the
/// policy nor the writer reported an error (like Bicep's emitter: no writes when there are errors).
/// </summary>
public static class TargetEmitter
{
    /// <returns>What changed in DIR, or null when nothing was written because of errors (DIR is untouched).</returns>
    public static AtomicWriteResult? Emit(
        ITargetWriter writer,
        PolicyModel model,
        string outDir,
        DiagnosticBag diagnostics,
        AtomicDirectoryWriter? directoryWriter = null
    )
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (diagnostics.HasErrors)
        {
            return null;
        }

        var output = writer.Write(model, diagnostics);
        return diagnostics.HasErrors
            ? null
            : (directoryWriter ?? new AtomicDirectoryWriter()).Write(output, outDir);
    }
}
