using Containment.Core.Diagnostics;
using Containment.Core.LibreChat;
using Containment.Core.Model;
using Containment.Core.Settings;

namespace Containment.Core.Egress;

/// <summary>
/// The one rule for hosts nobody can know before run time (issue 12 item 9): in monitor mode the policy goes on
/// without them (a warning; the watch rule logs what they reach), in enforce mode they would be denied and break
/// the app, so they are errors. Every unknown-host diagnostic takes its severity from here.
/// </summary>
public static class UnknownHosts
{
    public static Severity SeverityFor(EnforcementMode mode) =>
        mode == EnforcementMode.Enforce ? Severity.Error : Severity.Warning;

    /// <summary>Reports what the reader recorded as unresolved, at the severity <paramref name="mode"/> asks for.</summary>
    public static void Report(
        LibreChatConfig config,
        EnforcementMode mode,
        DiagnosticBag diagnostics
    )
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(diagnostics);
        foreach (var value in config.Unresolved)
        {
            diagnostics.Add(value.Finding with { Severity = SeverityFor(mode) });
        }
    }
}
