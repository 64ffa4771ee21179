using Containment.Core.Model;
using Containment.Core.Policy;
using Containment.Core.Settings;
using Containment.Tests.Egress;
using static Containment.Tests.Infrastructure.Models.SampleConfigs;

namespace Containment.Tests.Policy;

public class PolicyEvaluatorTests
{
    private static PolicyModel Model(EnforcementMode mode = EnforcementMode.Enforce)
    {
        var settings = Stack(mode) with
        {
            ExtraDestinations =
            [
                new ExtraDestination("*.docs.example.org", "documentation"),
                new ExtraDestination("exact.docs.example.org", "pinned"),
            ],
        };
        var (model, _, bag) = EgressTestHelpers.Run(UpstreamExample(), settings);
        Assert.False(bag.HasErrors);
        return model!;
    }

    [Fact]
    public void Configured_provider_is_permitted_with_its_config_line()
    {
        var result = PolicyEvaluator.Evaluate(Model(), SmartGroupRole.Pods, "api.x.ai", 443);

        Assert.True(result.IsPermitted);
        Assert.Equal("permit-llm-providers", result.Rule!.Name);
        Assert.Equal("llm-providers", result.WebGroup!.Name);
        var source = Assert.IsType<ConfigProvenance>(Assert.Single(result.Sources));
        Assert.Equal(939, source.Line);
        Assert.Equal("endpoints.custom[0].baseURL", source.Path);
    }

    [Fact]
    public void Url_input_is_reduced_to_its_host()
    {
        Assert.True(
            PolicyEvaluator
                .Evaluate(Model(), SmartGroupRole.Pods, "https://API.GROQ.com/openai/v1", 443)
                .IsPermitted
        );
    }

    [Fact]
    public void Unknown_host_hits_the_default_deny_base()
    {
        var result = PolicyEvaluator.Evaluate(
            Model(),
            SmartGroupRole.Pods,
            "exfil.example.net",
            443
        );

        Assert.False(result.IsPermitted);
        Assert.Equal("deny-pods-default", result.Rule!.Name);
        Assert.Empty(result.Sources);
    }

    [Fact]
    public void Permitted_host_on_another_port_is_denied()
    {
        Assert.Equal(
            "deny-pods-default",
            PolicyEvaluator.Evaluate(Model(), SmartGroupRole.Pods, "api.x.ai", 22).Rule!.Name
        );
    }

    [Theory]
    [InlineData("a.docs.example.org", true)]
    [InlineData("a.b.docs.example.org", true)]
    [InlineData("docs.example.org", false)]
    [InlineData("baddocs.example.org", false)]
    [InlineData("docs.example.org.evil.com", false)]
    public void Leading_wildcard_matches_one_or_more_labels_but_not_the_apex_or_lookalikes(
        string host,
        bool permitted
    )
    {
        Assert.Equal(
            permitted,
            PolicyEvaluator.Evaluate(Model(), SmartGroupRole.Pods, host, 443).IsPermitted
        );
    }

    [Fact]
    public void Exact_entry_wins_over_a_wildcard_for_provenance()
    {
        var result = PolicyEvaluator.Evaluate(
            Model(),
            SmartGroupRole.Pods,
            "exact.docs.example.org",
            443
        );

        Assert.Equal("exact.docs.example.org", result.MatchedHost!.Host);
        Assert.Contains(result.Sources, s => s is SettingProvenance { Detail: "pinned" });
    }

    [Fact]
    public void Pods_cannot_use_the_registries_group_and_nodes_can()
    {
        Assert.Equal(
            "deny-pods-default",
            PolicyEvaluator.Evaluate(Model(), SmartGroupRole.Pods, "ghcr.io", 443).Rule!.Name
        );
        var nodes = PolicyEvaluator.Evaluate(Model(), SmartGroupRole.Nodes, "ghcr.io", 443);
        Assert.Equal("permit-registries", nodes.Rule!.Name);
        Assert.Equal(
            "deny-nodes-internet",
            PolicyEvaluator.Evaluate(Model(), SmartGroupRole.Nodes, "api.x.ai", 443).Rule!.Name
        );
    }

    [Fact]
    public void Data_stores_never_reach_the_internet()
    {
        var result = PolicyEvaluator.Evaluate(Model(), SmartGroupRole.DataStores, "api.x.ai", 443);

        Assert.Equal("deny-data-stores-internet", result.Rule!.Name);
    }

    [Fact]
    public void Pods_reach_data_stores_in_the_cluster_on_their_ports()
    {
        var ok = PolicyEvaluator.Evaluate(
            Model(),
            SmartGroupRole.Pods,
            "librechat-mongodb.librechat.svc.cluster.local",
            27017
        );
        var other = PolicyEvaluator.Evaluate(
            Model(),
            SmartGroupRole.Pods,
            "librechat-mongodb.librechat.svc.cluster.local",
            9999
        );

        Assert.Equal("permit-pods-to-data-stores", ok.Rule!.Name);
        Assert.Null(other.Rule);
    }

    [Fact]
    public void Monitor_mode_result_says_watch()
    {
        var result = PolicyEvaluator.Evaluate(
            Model(EnforcementMode.Monitor),
            SmartGroupRole.Pods,
            "exfil.example.net",
            443
        );

        Assert.Contains("watch mode", result.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(
        "{aws.accountId}.dkr.ecr.{aws.region}.amazonaws.com",
        "123456789012.dkr.ecr.eu-west-1.amazonaws.com",
        true
    )]
    [InlineData(
        "{aws.accountId}.dkr.ecr.{aws.region}.amazonaws.com",
        "a.b.dkr.ecr.eu-west-1.amazonaws.com",
        false
    )]
    [InlineData(
        "602401143452.dkr.ecr.*.amazonaws.com",
        "602401143452.dkr.ecr.us-east-1.amazonaws.com",
        true
    )]
    [InlineData("app*.example.com", "app-1.example.com", true)]
    [InlineData("app*.example.com", "x.app1.example.com", false)]
    [InlineData("api.example.com", "API.example.com", false)]
    public void Host_matcher_handles_tokens_and_mid_label_wildcards(
        string pattern,
        string host,
        bool expected
    )
    {
        Assert.Equal(expected, HostMatcher.Matches(pattern, host));
    }
}
