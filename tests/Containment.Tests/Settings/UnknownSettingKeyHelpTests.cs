using Containment.Core.Diagnostics;
using Containment.Core.Settings;

namespace Containment.Tests.Settings;

/// <summary>
/// CT4004's help lists the keys the binder knows. Diagnostics sits below Settings (Architecture/Layers.cs), so the
/// descriptor cannot read <see cref="SettingsBinder.KnownKeys"/>; this test is what keeps the two lists equal.
/// </summary>
public class UnknownSettingKeyHelpTests
{
    [Fact]
    public void The_help_lists_exactly_the_known_keys_in_their_order()
    {
        const string prefix = "The key is ignored. Known keys: ";
        var help = DiagnosticCatalog.UnknownSettingKey.Help;

        Assert.StartsWith(prefix, help, StringComparison.Ordinal);
        Assert.Equal(SettingsBinder.KnownKeys, help[prefix.Length..].TrimEnd('.').Split(", "));
    }
}
