using System.Text;
using System.Text.RegularExpressions;
using Containment.Core.Diagnostics;
using Containment.Core.LibreChat;
using Containment.Core.Model;
using Containment.Core.Pipeline;
using Containment.Core.Policy;
using Containment.Core.Settings;
using Containment.Core.Targets;
using Containment.Core.Yaml;

namespace Containment.Tests.Robustness;

/// <summary>
/// Issue 10 item 9: every target on a generated config with thousands of MCP servers writes one WebGroup per server
/// with hosts. Structural, not timed: the cost is measured by bench/scale.sh and PipelineBenchmarks.McpServers.
/// </summary>
public partial class McpScaleTests
{
    private const int Servers = 3000;

    private static readonly Lazy<PolicyModel> Model = new(() =>
    {
        var diagnostics = new DiagnosticBag();
        var root = YamlLoader.Load(
            Encoding.UTF8.GetBytes(ScaledConfigGenerator.Generate(0, Servers)),
            "librechat.yaml",
            diagnostics
        )!;
        var settings = new StackSettings
        {
            Stack = "scale",
            Source = "Pulumi.scale.yaml",
            CloudProvider = CloudProvider.Aws,
            Cluster = new ClusterSettings
            {
                Id = "arn:aws:eks:eu-west-1:111122223333:cluster/scale",
            },
            Registry = new RegistrySettings { AwsRegion = "eu-west-1" },
        };
        var config = LibreChatLoader.ValidateAndRead(
            root,
            "librechat.yaml",
            settings.Env,
            diagnostics
        )!;
        return PolicyBuilder.Build(config, settings, diagnostics)
            ?? throw new InvalidOperationException(
                string.Join("\n", diagnostics.Items.Select(d => d.Render()))
            );
    });

    public static TheoryData<string> Targets() => [.. TargetWriters.All.Select(w => w.Name)];

    [Fact]
    public void The_model_has_one_webgroup_and_one_permit_per_mcp_server()
    {
        var groups = Model
            .Value.WebGroups.Where(g =>
                g.Name.StartsWith(McpGroupNames.Prefix, StringComparison.Ordinal)
            )
            .ToList();

        Assert.Equal(Servers, groups.Count);
        Assert.Equal(
            Servers,
            Model.Value.Rules.Count(r =>
                r.WebGroups.Any(w => w.StartsWith(McpGroupNames.Prefix, StringComparison.Ordinal))
            )
        );
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public void Every_target_names_every_mcp_webgroup(string target)
    {
        var diagnostics = new DiagnosticBag();

        var output = TargetWriters.Find(target)!.Write(Model.Value, diagnostics);

        Assert.False(
            diagnostics.HasErrors,
            string.Join("\n", diagnostics.Items.Take(5).Select(d => d.Render()))
        );
        var named = output
            .Files.SelectMany(f => McpGroupName().Matches(f.Content).Select(m => m.Value))
            .ToHashSet(StringComparer.Ordinal);
        var expected = Model
            .Value.WebGroups.Select(g => g.Name)
            .Where(n => n.StartsWith(McpGroupNames.Prefix, StringComparison.Ordinal))
            .ToHashSet(StringComparer.Ordinal);
        Assert.Subset(named, expected);
    }

    [GeneratedRegex("mcp-mcp-[0-9]{5}(?:--[0-9]+(?:-[0-9]+)*)?")]
    private static partial Regex McpGroupName();
}
