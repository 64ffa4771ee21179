using System.Text.Json.Nodes;
using Containment.Core.Diagnostics;
using Containment.Core.Policy;
using Containment.Core.Targets;
using Containment.Core.Targets.Aviatrix;
using Containment.Tests.Infrastructure.Models;

namespace Containment.Tests.Targets;

/// <summary>
/// Issue 13 item 4: dev and prod share one controller, where SmartGroup and WebGroup names are global. Every target
/// names them by the one rule (<see cref="ControllerNames"/>), so the second stack's apply never collides with the first.
/// </summary>
public class ControllerNamesTests
{
    [Theory]
    [InlineData("pulumi")]
    [InlineData("terraform")]
    [InlineData("aviatrix-crd")]
    public void Each_target_prefixes_controller_object_names_with_the_stack_so_stacks_never_share_one(
        string target
    )
    {
        var dev = GroupNames(target, SamplePulumiPolicies.Dev());
        var prod = GroupNames(target, SamplePulumiPolicies.Prod());

        Assert.NotEmpty(dev);
        Assert.All(dev, n => Assert.StartsWith("containment-dev-", n, StringComparison.Ordinal));
        Assert.All(prod, n => Assert.StartsWith("containment-prod-", n, StringComparison.Ordinal));
        Assert.Empty(dev.Intersect(prod));
    }

    [Fact]
    public void Every_target_gives_a_group_the_same_controller_name()
    {
        var model = SamplePulumiPolicies.Dev();
        var expected = model
            .SmartGroups.Select(g => g.Name)
            .Concat(model.WebGroups.Select(g => g.Name))
            .Select(n => ControllerNames.Of(model, n));

        Assert.Equal(expected.Order(StringComparer.Ordinal), GroupNames("terraform", model));
        Assert.Equal(expected.Order(StringComparer.Ordinal), GroupNames("pulumi", model));
        Assert.Subset(
            expected.ToHashSet(StringComparer.Ordinal),
            GroupNames("aviatrix-crd", model).ToHashSet(StringComparer.Ordinal)
        );
    }

    [Fact]
    public void A_name_that_already_carries_the_prefix_is_not_prefixed_twice() =>
        Assert.Equal(
            "containment-dev-x",
            ControllerNames.Of(SamplePulumiPolicies.Dev(), "containment-dev-x")
        );

    private static List<string> GroupNames(string target, PolicyModel model)
    {
        var output = TargetWriters.Find(target)!.Write(model, new DiagnosticBag());
        var names = target switch
        {
            "pulumi" => JsonNode.Parse(output.Find("Main.yaml")!.Content)!["resources"]!
                .AsObject()
                .Where(r =>
                    r.Value!["type"]!.GetValue<string>()
                        is "aviatrix:index/smartGroup:SmartGroup"
                            or "aviatrix:index/webGroup:WebGroup"
                )
                .Select(r => r.Value!["properties"]!["name"]!.GetValue<string>()),
            "terraform" => new[] { "aviatrix_smart_group", "aviatrix_web_group" }
                .SelectMany(t =>
                    JsonNode.Parse(output.Find("main.tf.json")!.Content)!["resource"]![
                        t
                    ]!.AsObject()
                )
                .Select(r => r.Value!["name"]!.GetValue<string>()),
            _ => new[] { "smartGroups", "webGroups" }
                .SelectMany(k =>
                    YamlJson
                        .ReadDocuments(
                            output
                                .Find(Core.Targets.AviatrixCrd.AviatrixCrdWriter.PolicyFile)!
                                .Content
                        )
                        .Single()!["spec"]![k] as JsonArray
                    ?? []
                )
                .Select(g => g!["name"]!.GetValue<string>()),
        };
        return [.. names.Order(StringComparer.Ordinal)];
    }
}
