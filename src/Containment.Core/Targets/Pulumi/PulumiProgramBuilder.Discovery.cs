using P = Containment.Core.Targets.Pulumi.PulumiValue;

namespace Containment.Core.Targets.Pulumi;

public static partial class PulumiProgramBuilder
{
    /// <summary>
    /// The program printed when Pulumi runs the compiler without any <c>PULUMI_*</c> variable (plugin discovery
    /// for every preview/up, <c>pulumi about</c>, <c>pulumi install</c>, <c>pulumi convert</c>). Pulumi only walks
    /// it for type tokens and versions, so it names every package a real run can use (aviatrix through its
    /// <c>sdks/</c> lock file; aws, azure-native, gcp and kubernetes with pinned versions) and reads no config.
    /// It uses every invoke of the real programs, with placeholder arguments where those read stack config.
    /// </summary>
    public static PulumiProgram Discovery()
    {
        var variables = new SortedDictionary<string, PulumiVariable>(StringComparer.Ordinal)
        {
            [PulumiLogicalNames.AttachmentPoint] = new(
                PulumiLogicalNames.AttachmentPoint,
                new PulumiInvoke(
                    PulumiTokens.GetDcfAttachmentPoint,
                    new PulumiObject([("name", P.Text("TERRAFORM_BEFORE_UI_MANAGED"))])
                )
            ),
        };
        foreach (var lookup in PulumiLookups.All)
        {
            variables[lookup.Variable] = new PulumiVariable(
                lookup.Variable,
                new PulumiInvoke(
                    lookup.Function,
                    PlaceholderArguments(lookup.Arguments),
                    PulumiPackages.VersionFor(lookup.Function)
                )
            );
        }

        return new PulumiProgram
        {
            Name = ProjectName,
            Description =
                "Containment: plugin-discovery template (no PULUMI_* variables were set). Names every package and version the stack programs use; never deployed.",
            Variables = [.. variables.Values],
            Resources =
            [
                // The kubernetes package has no config-free invoke, so a resource names it.
                new PulumiResource
                {
                    LogicalName = PulumiLogicalNames.DecryptionCaConfigMap,
                    Type = PulumiTokens.ConfigMap,
                    Properties = new PulumiObject([
                        ("metadata", P.Object(("name", P.Text("containment-discovery")))),
                    ]),
                    Options = new PulumiResourceOptions { Version = PulumiPackages.Kubernetes },
                },
            ],
        };
    }

    /// <summary>Replaces config references by a placeholder, so the discovery program reads no config.</summary>
    private static PulumiObject PlaceholderArguments(PulumiObject arguments) =>
        new([
            .. arguments.Properties.Select(p =>
                (p.Key, ((PulumiText)p.Value).IsLiteral ? p.Value : P.Text("discovery"))
            ),
        ]);
}
