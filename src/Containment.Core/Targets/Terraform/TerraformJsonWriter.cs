using Containment.Core.Diagnostics;
using Containment.Core.IO;
using Containment.Core.Policy;
using Containment.Core.Targets.Aviatrix;

namespace Containment.Core.Targets.Terraform;

/// <summary>
/// <c>emit --target terraform</c>: Terraform JSON (<c>*.tf.json</c>) for the Aviatrix provider. Builder → typed IR →
/// check → printer: <see cref="TerraformModuleBuilder"/> builds the <see cref="TerraformModule"/>,
/// <see cref="TerraformModuleCheck"/> validates it as built (never our own printed text), and
/// <see cref="TerraformModuleWriter"/> prints each file.
/// </summary>
public sealed class TerraformJsonWriter : ITargetWriter
{
    public const string TargetName = "terraform";

    public string Name => TargetName;

    public TargetOutput Write(PolicyModel model, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var schema = AviatrixTerraformSchema.Instance;
        var (module, minimumProvider) = TerraformModuleBuilder.Build(model, diagnostics, schema);
        Check(module, schema, minimumProvider, diagnostics);
        return new TargetOutput(
            TargetName,
            [.. module.Files.Select(f => new TargetFile(f.Name, TerraformModuleWriter.Write(f)))]
        );
    }

    /// <summary>Reports every schema problem of <paramref name="module"/> as CT6090 on the file it is in.</summary>
    public static void Check(
        TerraformModule module,
        AviatrixTerraformSchema schema,
        Version minimumProvider,
        DiagnosticBag diagnostics
    )
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(diagnostics);
        foreach (var file in module.Files)
        {
            foreach (var error in TerraformModuleCheck.Check(file, schema, minimumProvider))
            {
                diagnostics.Add(
                    DiagnosticBuilder.AtFile(file.Name).TargetSchemaViolation("Terraform", error)
                );
            }
        }
    }
}
