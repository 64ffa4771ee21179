using Containment.Core.Targets.AviatrixCrd;
using Containment.Core.Targets.Pulumi;
using Containment.Core.Targets.Terraform;

namespace Containment.Core.Targets;

/// <summary>The writers <c>emit --target</c> knows, by name: one neutral model, one writer per target.</summary>
public static class TargetWriters
{
    public static IReadOnlyList<ITargetWriter> All { get; } =
    [new PulumiTargetWriter(), new AviatrixCrdWriter(), new TerraformJsonWriter()];

    public static ITargetWriter? Find(string name) =>
        All.FirstOrDefault(w => string.Equals(w.Name, name, StringComparison.Ordinal));
}
