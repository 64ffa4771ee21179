using Containment.Core.Diagnostics;
using Containment.Core.Egress;
using Containment.Core.LibreChat;
using Containment.Core.Pipeline;
using Containment.Core.Policy;
using Containment.Core.Settings;
using Containment.Tests.Infrastructure.Models;

namespace Containment.Tests.Egress;

internal static class EgressTestHelpers
{
    public static (PolicyModel? Model, EgressInventory Inventory, DiagnosticBag Diagnostics) Run(
        LibreChatConfig config,
        StackSettings? settings = null
    )
    {
        var bag = new DiagnosticBag();
        var (model, inventory) = PolicyBuilder.BuildWithInventory(
            config,
            settings ?? SampleConfigs.Stack(),
            bag
        );
        return (model, inventory, bag);
    }

    public static WebGroup Group(this PolicyModel? model, string name)
    {
        Assert.NotNull(model);
        return Assert.Single(model.WebGroups, g => g.Name == name);
    }

    public static IReadOnlyList<string> Hosts(this PolicyModel? model, string group)
    {
        Assert.NotNull(model);
        return
        [
            .. model
                .WebGroups.Where(g => g.Name == group)
                .SelectMany(g => g.Hosts)
                .Select(h => h.Host),
        ];
    }

    public static bool Has(this DiagnosticBag bag, DiagnosticDescriptor descriptor) =>
        bag.Items.Any(d => d.Descriptor == descriptor);
}
