using Containment.Core.Diagnostics;
using Containment.Core.IO;
using Containment.Core.Policy;

namespace Containment.Core.Targets.Pulumi;

/// <summary>
/// <c>emit --target pulumi</c>: the same program <c>compile</c> prints, as a file people can read or commit.
/// It is named <c>Main.yaml</c> (JSON is YAML) so a folder holding it and a Pulumi.yaml with <c>runtime: yaml</c>
/// and no compiler option runs as it is.
/// </summary>
public sealed class PulumiTargetWriter : ITargetWriter
{
    public const string FileName = "Main.yaml";

    public string Name => "pulumi";

    public TargetOutput Write(PolicyModel model, DiagnosticBag diagnostics)
    {
        var program = PulumiProgramBuilder.TryBuild(model, diagnostics);
        return new TargetOutput(
            Name,
            program is null ? [] : [new TargetFile(FileName, PulumiProgramWriter.Write(program))]
        );
    }
}
