using Containment.Core.Policy;
using Containment.Tests.EndToEnd;

namespace Containment.Tests.LogBaseline;

/// <summary>The policy of the e2e-upstream case (namespace librechat, pods labelled name=librechat, instance=chat), built by the real pipeline.</summary>
internal static class UpstreamModel
{
    public static E2eCase Case { get; } = E2eCase.ByName("upstream");

    // One way to run the pipeline on an e2e case (E2eCase.Model), which also fails on any error diagnostic.
    public static PolicyModel Build() => Case.Model();
}
