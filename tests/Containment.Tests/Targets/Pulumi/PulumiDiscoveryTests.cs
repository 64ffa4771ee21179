using Containment.Core.Targets.Pulumi;

namespace Containment.Tests.Targets.Pulumi;

public class PulumiDiscoveryTests
{
    [Fact]
    public void Discovery_names_every_package_with_its_pinned_version()
    {
        var packages = Packages(PulumiProgramBuilder.Discovery());

        Assert.Equal(
            new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                ["aviatrix"] = null,
                ["aws"] = PulumiPackages.Aws,
                ["azure-native"] = PulumiPackages.AzureNative,
                ["gcp"] = PulumiPackages.Gcp,
                ["kubernetes"] = PulumiPackages.Kubernetes,
            },
            packages
        );
    }

    [Fact]
    public void Discovery_covers_every_package_and_version_a_stack_program_uses()
    {
        var discovery = Packages(PulumiProgramBuilder.Discovery());

        foreach (var stack in new[] { "dev", "prod", "azure", "gcp", "none" })
        {
            foreach (
                var (package, version) in Packages(
                    PulumiProgramBuilder.Build(PulumiSchemaCheckTests.ModelFor(stack))
                )
            )
            {
                Assert.True(
                    discovery.TryGetValue(package, out var pinned),
                    $"{stack}: {package} missing from discovery"
                );
                Assert.Equal(pinned, version);
            }
        }
    }

    [Fact]
    public void Discovery_reads_no_config_and_is_stable()
    {
        var program = PulumiProgramBuilder.Discovery();

        Assert.Empty(program.Config);
        Assert.Empty(
            PulumiSchemaCheck.Check(program, Core.Targets.Aviatrix.AviatrixSchemaFacts.Default)
        );
        Assert.Equal(
            PulumiProgramWriter.Write(program),
            PulumiProgramWriter.Write(PulumiProgramBuilder.Discovery())
        );
    }

    /// <summary>
    /// What Pulumi's GetReferencedPackages sees: every resource type and invoke function by package, with the
    /// version option (null for aviatrix, whose version comes from the sdks/ lock file). A package named with two
    /// different versions would make plugin discovery ambiguous, so that fails here.
    /// </summary>
    internal static Dictionary<string, string?> Packages(PulumiProgram program)
    {
        var references = program
            .Resources.Select(r => (r.Type, r.Options.Version))
            .Concat(
                program
                    .Variables.Select(v => v.Value)
                    .OfType<PulumiInvoke>()
                    .Select(i => (Type: i.Function, i.Version))
            );
        var packages = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (token, version) in references)
        {
            var package = PulumiPackages.PackageOf(token);
            if (packages.TryGetValue(package, out var seen))
            {
                Assert.Equal(seen, version);
            }

            packages[package] = version;
        }

        return packages;
    }
}
