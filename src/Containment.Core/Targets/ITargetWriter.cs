using Containment.Core.Diagnostics;
using Containment.Core.IO;
using Containment.Core.Policy;

namespace Containment.Core.Targets;

/// <summary>
/// One writer per target over the same neutral <see cref="PolicyModel"/> (kiota's one writer per language).
/// A writer never touches the disk: it returns files, and <see cref="IO.AtomicDirectoryWriter"/> puts them in place.
/// Whatever a target cannot express is reported to <paramref name="diagnostics"/> and written into the output as a comment.
/// </summary>
public interface ITargetWriter
{
    /// <summary>The <c>--target</c> name (e.g. <c>aviatrix-crd</c>, <c>terraform</c>).</summary>
    string Name { get; }

    TargetOutput Write(PolicyModel model, DiagnosticBag diagnostics);
}
