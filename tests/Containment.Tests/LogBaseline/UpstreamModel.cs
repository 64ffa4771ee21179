using Containment.Core.Diagnostics;
using Containment.Core.Pipeline;
using Containment.Core.Policy;
using Containment.Core.Settings;
using Containment.Tests.EndToEnd;

namespace Containment.Tests.LogBaseline;

/// <summary>The policy of the e2e-upstream case (namespace librechat, pods labelled name=librechat, instance=chat), built by the real pipeline.</summary>
internal static class UpstreamModel
{
    public static E2eCase Case { get; } = E2eCase.ByName("upstream");

    public static PolicyModel Build()
    {
        var fs = Case.FileSystem();
        var diagnostics = new DiagnosticBag();
        var settings =
            StackSettingsLoader.LoadStackFile(fs, Case.StackFile, Case.Stack, diagnostics)
            ?? throw new InvalidOperationException("settings");
        return PolicyPipeline
                .Run(settings, E2eCase.ConfigFile, E2eCase.ConfigFile, fs, null, diagnostics)
                .Model
            ?? throw new InvalidOperationException("model");
    }
}
