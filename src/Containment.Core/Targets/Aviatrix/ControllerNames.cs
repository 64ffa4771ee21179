using Containment.Core.Policy;

namespace Containment.Core.Targets.Aviatrix;

/// <summary>
/// The one naming rule for objects every target creates on the Aviatrix controller. SmartGroup and WebGroup names are
/// global on a controller, and dev and prod share one: each stack's objects carry its ruleset name
/// (<c>containment-&lt;stack&gt;</c>) as a prefix, so applying the second stack never collides with the first.
/// Rule names need no prefix: they live inside the stack's own ruleset. See docs/targets.md, "Names on the controller".
/// </summary>
public static class ControllerNames
{
    public static string Of(PolicyModel model, string name)
    {
        ArgumentNullException.ThrowIfNull(model);
        return name.StartsWith(model.RulesetName + "-", StringComparison.Ordinal)
            ? name
            : $"{model.RulesetName}-{name}";
    }
}
