using System.Globalization;
using System.Text.Json;
using Containment.Core.Model;
using Containment.Core.Policy;
using Containment.Tests.Cli;
using Containment.Tests.Egress;
using Containment.Tests.EndToEnd;
using static Containment.Tests.Infrastructure.Models.SampleConfigs;

namespace Containment.Tests.Policy;

/// <summary>
/// Issue 10 item 5: a DCF rule permits every host of its WebGroups on every port of the rule, so WebGroups are split
/// by port set and each split gets a rule with exactly its ports.
/// </summary>
public class PortSplitTests
{
    /// <summary>The example: the upstream providers plus one plain-HTTP custom endpoint.</summary>
    private static PolicyModel WithPlainHttpEndpoint()
    {
        var upstream = UpstreamExample();
        var config = upstream with
        {
            Endpoints = new Core.LibreChat.EndpointsConfig
            {
                Custom =
                [
                    .. upstream.Endpoints.Custom,
                    Custom("corp", "http://llm.corp.example/v1", 1100, 5, ExampleFile),
                ],
            },
        };
        var (model, _, bag) = EgressTestHelpers.Run(config);
        Assert.False(bag.HasErrors, string.Join("\n", bag.Items.Select(d => d.Render())));
        return model!;
    }

    [Fact]
    public void A_plain_http_endpoint_does_not_open_port_80_to_the_other_llm_hosts()
    {
        var model = WithPlainHttpEndpoint();

        var other = PolicyEvaluator.Evaluate(model, SmartGroupRole.Pods, "api.x.ai", 80);

        Assert.False(other.IsPermitted, other.Explanation);
        Assert.Equal("deny-pods-default", other.Rule!.Name);
    }

    [Fact]
    public void The_plain_http_host_is_not_permitted_on_443()
    {
        var model = WithPlainHttpEndpoint();

        var https = PolicyEvaluator.Evaluate(model, SmartGroupRole.Pods, "llm.corp.example", 443);

        Assert.False(https.IsPermitted, https.Explanation);
    }

    [Fact]
    public void Each_host_is_permitted_on_its_own_port_by_a_rule_of_that_port_alone()
    {
        var model = WithPlainHttpEndpoint();

        var http = PolicyEvaluator.Evaluate(model, SmartGroupRole.Pods, "llm.corp.example", 80);
        var https = PolicyEvaluator.Evaluate(model, SmartGroupRole.Pods, "api.x.ai", 443);

        Assert.True(http.IsPermitted, http.Explanation);
        Assert.Equal("permit-llm-providers--80", http.Rule!.Name);
        Assert.Equal([new PortRange(80)], http.Rule.Ports);
        Assert.Equal(
            ["llm.corp.example"],
            model.Group("llm-providers--80").Hosts.Select(h => h.Host)
        );
        Assert.True(https.IsPermitted, https.Explanation);
        Assert.Equal("permit-llm-providers", https.Rule!.Name);
        Assert.Equal([new PortRange(443)], https.Rule.Ports);
        Assert.DoesNotContain("llm.corp.example", model.Hosts("llm-providers"));
    }

    [Fact]
    public void A_host_reached_on_two_ports_gets_a_group_of_that_port_set()
    {
        var config = WithCustom(
            Custom("a", "https://gw.example.com/v1", 20, 0),
            Custom("b", "http://gw.example.com/v1", 30, 1),
            Custom("c", "https://api.example.net/v1", 40, 2)
        );
        var (model, _, bag) = EgressTestHelpers.Run(config);
        Assert.False(bag.HasErrors);

        Assert.Equal([80, 443], model.Group("llm-providers--80-443").Hosts.Single().Ports);
        Assert.Equal(
            [new PortRange(80), new PortRange(443)],
            model!.Rules.Single(r => r.Name == "permit-llm-providers--80-443").Ports
        );
        Assert.False(
            PolicyEvaluator.Evaluate(model, SmartGroupRole.Pods, "api.example.net", 80).IsPermitted
        );
        Assert.True(
            PolicyEvaluator.Evaluate(model, SmartGroupRole.Pods, "gw.example.com", 80).IsPermitted
        );
    }

    [Theory]
    [InlineData("a--80")]
    [InlineData("x--y")]
    public void An_mcp_server_name_holding_the_port_separator_is_hashed_so_no_split_name_is_ambiguous(
        string server
    )
    {
        var names = McpGroupNames.Assign([server, "a"]);

        Assert.DoesNotContain(
            WebGroupAssembler.PortSeparator,
            names[server],
            StringComparison.Ordinal
        );
        Assert.NotEqual(WebGroupAssembler.NameFor(names["a"], [80]), names[server]);
        Assert.True(McpGroupNames.WasChanged(server, names[server]));
    }

    [Fact]
    public void Names_keep_the_plain_name_for_443_and_spell_out_every_other_port()
    {
        Assert.Equal("registries", WebGroupAssembler.NameFor("registries", [443]));
        Assert.Equal("mcp-jira--8080", WebGroupAssembler.NameFor("mcp-jira", [8080]));
        Assert.Equal(
            "app-services--80-443-8443",
            WebGroupAssembler.NameFor("app-services", [80, 443, 8443])
        );
    }

    /// <summary>The example through the CLI: <c>check</c> answers from the rules, port included (Baselines/e2e-ports).</summary>
    [Theory]
    [InlineData("api.x.ai", 80, false)]
    [InlineData("llm.corp.example", 443, false)]
    [InlineData("llm.corp.example", 80, true)]
    [InlineData("gw.example.net", 80, true)]
    [InlineData("docs-mcp.example.net", 443, false)]
    [InlineData("docs-mcp.example.net", 8443, true)]
    public void Check_answers_as_the_emitted_rules_do(string host, int port, bool permitted)
    {
        var c = E2eCase.ByName("ports");

        var result = CliRunner.Run(
            c.FileSystem(),
            "check",
            host,
            "--port",
            port.ToString(CultureInfo.InvariantCulture),
            "--settings",
            c.StackFile,
            "--config",
            E2eCase.ConfigFile,
            "--format",
            "json"
        );

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(permitted, json.RootElement.GetProperty("permitted").GetBoolean());
    }

    [Fact]
    public void A_check_denied_on_one_port_names_the_ports_the_host_is_permitted_on()
    {
        var c = E2eCase.ByName("ports");

        var result = CliRunner.Run(
            c.FileSystem(),
            "check",
            "api.x.ai",
            "--port",
            "80",
            "--settings",
            c.StackFile,
            "--config",
            E2eCase.ConfigFile
        );

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(
            "note: api.x.ai is permitted on port 443 only",
            result.Stdout,
            StringComparison.Ordinal
        );
        Assert.Equal(
            [443],
            PolicyEvaluator.PermittedWebPorts(
                WithPlainHttpEndpoint(),
                SmartGroupRole.Pods,
                "api.x.ai"
            )
        );
        Assert.Equal(
            [80],
            PolicyEvaluator.PermittedWebPorts(
                WithPlainHttpEndpoint(),
                SmartGroupRole.Pods,
                "llm.corp.example"
            )
        );
    }
}
