using Containment.Core.Targets.Pulumi;
using Containment.Tests.Infrastructure;
using Containment.Tests.Infrastructure.Models;

namespace Containment.Tests.Targets.Pulumi;

/// <summary>
/// Golden programs, compared byte for byte. Accept intended changes with <c>CONTAINMENT_ACCEPT=1 dotnet test</c>
/// and review <c>git diff tests/Containment.Tests/Baselines</c>.
/// </summary>
public class PulumiBaselineTests
{
    [Fact]
    public void Dev_monitor_program() =>
        Baseline.Match("pulumi-dev", "expected.json", Write(SamplePulumiPolicies.Dev()));

    [Fact]
    public void Prod_enforce_with_decryption_program() =>
        Baseline.Match("pulumi-prod", "expected.json", Write(SamplePulumiPolicies.Prod()));

    [Fact]
    public void Azure_program() =>
        Baseline.Match("pulumi-azure", "expected.json", Write(SamplePulumiPolicies.Azure()));

    [Fact]
    public void Gcp_program() =>
        Baseline.Match("pulumi-gcp", "expected.json", Write(SamplePulumiPolicies.Gcp()));

    [Fact]
    public void Discovery_program() =>
        Baseline.Match(
            "pulumi-discovery",
            "expected.json",
            PulumiProgramWriter.Write(PulumiProgramBuilder.Discovery())
        );

    private static string Write(Core.Policy.PolicyModel model) =>
        PulumiProgramWriter.Write(PulumiProgramBuilder.Build(model));
}
