using Containment.Core.Policy;

namespace Containment.Core.Targets.Aviatrix;

/// <summary>
/// Aviatrix's system SmartGroups (UUIDs from shared/reference/aviatrix-dcf-schema.json predefined_uuids). Kept with the
/// Aviatrix targets so the neutral policy names only <see cref="PredefinedGroups"/>.
/// </summary>
public static class PredefinedGroupUuids
{
    public const string PublicInternet = "def000ad-0000-0000-0000-000000000001";
    public const string Anywhere = "def000ad-0000-0000-0000-000000000000";

    public static string? Of(string name) =>
        name switch
        {
            PredefinedGroups.PublicInternet => PublicInternet,
            PredefinedGroups.Anywhere => Anywhere,
            _ => null,
        };
}
