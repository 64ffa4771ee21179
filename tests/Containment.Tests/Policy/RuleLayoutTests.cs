using Containment.Core.Diagnostics;
using Containment.Core.Model;
using Containment.Core.Policy;
using Containment.Core.Settings;
using Containment.Tests.Egress;
using static Containment.Tests.Infrastructure.Models.SampleConfigs;

namespace Containment.Tests.Policy;

public class RuleLayoutTests
{
    private static PolicyModel Example(Core.Settings.StackSettings settings)
    {
        var config = UpstreamExample() with
        {
            McpServers = [RemoteMcp("github", "https://api.githubcopilot.com/mcp/")],
        };
        var (model, _, bag) = EgressTestHelpers.Run(config, settings);
        Assert.False(bag.HasErrors, string.Join("\n", bag.Items.Select(d => d.Render())));
        return model!;
    }

    [Fact]
    public void Rules_come_in_bands_isolation_first_and_the_default_deny_last()
    {
        var model = Example(Stack());

        Assert.Equal(
            [
                "permit-pods-to-data-stores",
                "deny-data-stores-internet",
                "permit-llm-providers",
                "permit-app-services",
                "permit-registries",
                "permit-mcp-github",
                "deny-nodes-internet",
                "deny-pods-default",
            ],
            model.Rules.Select(r => r.Name)
        );
        Assert.Equal(
            [
                100,
                200,
                10_000,
                20_000,
                30_000,
                RulePriorities.McpEgress.HomeOf("permit-mcp-github"),
                2_100_000_000,
                RulePriorities.DefaultDeny,
            ],
            model.Rules.Select(r => (long)r.Priority)
        );
    }

    [Fact]
    public void Smart_groups_carry_cluster_namespace_and_labels()
    {
        var model = Example(Stack());

        var pods = Assert.Single(model.SmartGroups, g => g.Name == "librechat-pods");
        var selector = Assert.Single(pods.Selectors);
        Assert.Equal("k8s", selector.Type);
        Assert.Equal("arn:aws:eks:eu-central-1:123456789012:cluster/chat", selector.ClusterId);
        Assert.Equal("librechat", selector.Namespace);
        Assert.Equal("librechat", selector.Labels["app.kubernetes.io/name"]);
        var nodes = Assert.Single(model.SmartGroups, g => g.Name == "librechat-nodes");
        Assert.Equal("k8s_node", Assert.Single(nodes.Selectors).Type);
        var stores = Assert.Single(model.SmartGroups, g => g.Name == "librechat-data-stores");
        Assert.Equal(4, stores.Selectors.Count);
    }

    [Fact]
    public void Permits_go_to_public_internet_through_web_groups_and_registries_come_from_nodes()
    {
        var model = Example(Stack());

        var llm = model.Rules.Single(r => r.Name == "permit-llm-providers");
        Assert.Equal(["librechat-pods"], llm.Sources);
        Assert.Equal([PredefinedGroups.PublicInternet], llm.Destinations);
        Assert.Equal(RuleProtocol.Tcp, llm.Protocol);
        Assert.Equal([new PortRange(443)], llm.Ports);
        Assert.Equal(
            ["librechat-nodes"],
            model.Rules.Single(r => r.Name == "permit-registries").Sources
        );
        var stores = model.Rules.Single(r => r.Name == "permit-pods-to-data-stores");
        Assert.Equal(["librechat-data-stores"], stores.Destinations);
        Assert.Equal([5432, 6379, 7700, 27017], stores.Ports.Select(p => p.Low));
    }

    [Fact]
    public void Monitor_mode_watches_and_logs_every_rule()
    {
        var model = Example(Stack(EnforcementMode.Monitor));

        Assert.All(model.Rules, r => Assert.True(r.Watch && r.Logging, r.Name));
    }

    [Fact]
    public void Enforce_mode_enforces_and_still_logs_every_rule()
    {
        var model = Example(Stack(EnforcementMode.Enforce));

        Assert.All(model.Rules, r => Assert.True(!r.Watch && r.Logging, r.Name));
    }

    [Fact]
    public void Without_decryption_permits_are_unspecified_and_denies_not_allowed()
    {
        var model = Example(Stack());

        Assert.All(
            model.Rules.Where(r => r.Action == RuleAction.Permit),
            r => Assert.Equal(DecryptPolicy.Unspecified, r.Decrypt)
        );
        Assert.All(
            model.Rules.Where(r => r.Action == RuleAction.Deny),
            r => Assert.Equal(DecryptPolicy.NotAllowed, r.Decrypt)
        );
        Assert.Null(model.DecryptionCa);
    }

    [Fact]
    public void Decryption_on_permits_with_controller_9_decrypts_internet_permits_only()
    {
        var model = Example(Stack(controller: "9.0", decryption: DecryptionMode.Permits));

        Assert.All(
            model.Rules.Where(r => r.Action == RuleAction.Permit && r.WebGroups.Count > 0),
            r => Assert.Equal(DecryptPolicy.Allowed, r.Decrypt)
        );
        Assert.Equal(
            DecryptPolicy.Unspecified,
            model.Rules.Single(r => r.Name == "permit-pods-to-data-stores").Decrypt
        );
        Assert.All(
            model.Rules.Where(r => r.Action == RuleAction.Deny),
            r => Assert.Equal(DecryptPolicy.NotAllowed, r.Decrypt)
        );
        Assert.NotNull(model.DecryptionCa);
        Assert.Equal("librechat", model.DecryptionCa!.Namespace);
    }

    [Fact]
    public void Decryption_on_controller_8_2_is_an_error_naming_the_upgrade()
    {
        var (model, _, bag) = EgressTestHelpers.Run(
            Quiet(),
            Stack(controller: "8.2", decryption: DecryptionMode.Permits)
        );

        Assert.Null(model);
        var error = Assert.Single(
            bag.Items,
            d => d.Descriptor == DiagnosticCatalog.DecryptionNeedsController90
        );
        Assert.Contains("9.0", error.Message, StringComparison.Ordinal);
        Assert.Contains("upgrade", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Agent_guard_without_decryption_is_an_error()
    {
        var (model, _, bag) = EgressTestHelpers.Run(Quiet(), Stack(agentGuard: true));

        Assert.Null(model);
        Assert.True(bag.Has(DiagnosticCatalog.AgentGuardNeedsDecryption));
    }

    [Fact]
    public void Agent_guard_on_is_reported_as_roadmap_and_changes_no_rule()
    {
        var on = Stack(controller: "9.0", decryption: DecryptionMode.Permits, agentGuard: true);
        var off = on with { AgentGuard = false };

        var (withGuard, _, bag) = EgressTestHelpers.Run(Quiet(), on);
        var (withoutGuard, _, _) = EgressTestHelpers.Run(Quiet(), off);

        var info = Assert.Single(
            bag.Items,
            d => d.Descriptor == DiagnosticCatalog.AgentGuardRoadmap
        );
        Assert.Contains("changes nothing yet", info.Message, StringComparison.Ordinal);
        Assert.True(withGuard!.AgentGuard);
        Assert.Equal(withoutGuard!.Rules.Select(Describe), withGuard.Rules.Select(Describe));
    }

    private static string Describe(PolicyRule r) =>
        FormattableString.Invariant(
            $"{r.Name}|{r.Priority}|{r.Action}|{string.Join(",", r.Sources)}|{string.Join(",", r.Destinations)}|{string.Join(",", r.WebGroups)}|{r.Protocol}|{string.Join(",", r.Ports)}|{r.Watch}|{r.Logging}|{r.Decrypt}"
        );

    [Fact]
    public void Controller_older_than_8_2_is_an_error()
    {
        var (model, _, bag) = EgressTestHelpers.Run(Quiet(), Stack(controller: "8.1"));

        Assert.Null(model);
        Assert.True(bag.Has(DiagnosticCatalog.ControllerTooOld));
    }

    [Fact]
    public void Without_data_stores_there_is_no_data_store_group_or_rule()
    {
        var settings = Stack() with
        {
            Cluster = new ClusterSettings { Id = "chat", DataStores = [] },
        };

        var (model, _, _) = EgressTestHelpers.Run(Quiet(), settings);

        Assert.DoesNotContain(model!.SmartGroups, g => g.Role == SmartGroupRole.DataStores);
        Assert.DoesNotContain(
            model.Rules,
            r => r.Name.Contains("data-stores", StringComparison.Ordinal)
        );
        Assert.Equal("deny-pods-default", model.Rules[^1].Name);
    }

    [Fact]
    public void Default_deny_base_is_last_any_protocol_logged_and_scoped_to_the_pods()
    {
        var model = Example(Stack(EnforcementMode.Enforce));

        var last = model.Rules[^1];
        Assert.Equal(RuleAction.Deny, last.Action);
        Assert.Equal(["librechat-pods"], last.Sources);
        Assert.Equal(RuleProtocol.Any, last.Protocol);
        Assert.Empty(last.Ports);
        Assert.True(last.Logging);
    }
}
