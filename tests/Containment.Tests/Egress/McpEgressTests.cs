using Containment.Core.Diagnostics;
using Containment.Core.LibreChat;
using Containment.Core.Model;
using static Containment.Tests.Infrastructure.Models.SampleConfigs;

namespace Containment.Tests.Egress;

public class McpEgressTests
{
    [Theory]
    [InlineData(McpTransport.StreamableHttp, "https://mcp.github.example/mcp")]
    [InlineData(McpTransport.Sse, "https://mcp.github.example/sse")]
    [InlineData(McpTransport.WebSocket, "wss://mcp.github.example/ws")]
    public void Remote_server_gets_its_own_web_group_and_permit(McpTransport transport, string url)
    {
        var config = Quiet() with { McpServers = [RemoteMcp("github", url, transport)] };

        var (model, _, _) = EgressTestHelpers.Run(config);

        Assert.Equal(["mcp.github.example"], model!.Hosts("mcp-github"));
        Assert.Contains(
            model!.Rules,
            r => r.Name == "permit-mcp-github" && r.WebGroups.SequenceEqual(["mcp-github"])
        );
    }

    [Theory]
    [InlineData("npx", new[] { "registry.npmjs.org" })]
    [InlineData("/usr/local/bin/npx.cmd", new[] { "registry.npmjs.org" })]
    [InlineData("uvx", new[] { "files.pythonhosted.org", "pypi.org" })]
    [InlineData("pip", new[] { "files.pythonhosted.org", "pypi.org" })]
    public void Stdio_launcher_needs_its_package_registry_and_warns_about_shared_identity(
        string command,
        string[] hosts
    )
    {
        var config = Quiet() with { McpServers = [StdioMcp("fs", command)] };

        var (model, _, bag) = EgressTestHelpers.Run(config);

        Assert.Equal(hosts, model!.Hosts("mcp-fs"));
        var warning = Assert.Single(
            bag.Items,
            d => d.Descriptor == DiagnosticCatalog.StdioSharesPodIdentity
        );
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Contains("pod identity", warning.Message, StringComparison.Ordinal);
        Assert.Contains("own pod", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Stdio_with_unknown_launcher_warns_that_its_egress_is_unknown()
    {
        var config = Quiet() with { McpServers = [StdioMcp("jupyter", "python3")] };

        var (model, _, bag) = EgressTestHelpers.Run(config);

        Assert.Empty(model!.Hosts("mcp-jupyter"));
        Assert.True(bag.Has(DiagnosticCatalog.StdioUnknownDownloads));
    }

    [Fact]
    public void Stdio_mcp_remote_bridge_allows_the_url_in_its_args()
    {
        var server = StdioMcp("bridge", "npx") with
        {
            ArgUrls = [Url("https://remote.example.com/sse", "mcpServers.bridge.args[2]", 33, 9)],
        };

        var (model, _, _) = EgressTestHelpers.Run(Quiet() with { McpServers = [server] });

        Assert.Equal(["registry.npmjs.org", "remote.example.com"], model!.Hosts("mcp-bridge"));
    }

    [Fact]
    public void Remote_server_without_url_is_an_error_and_no_model()
    {
        var server = RemoteMcp("broken", "https://x.example") with { Url = null };

        var (model, _, bag) = EgressTestHelpers.Run(Quiet() with { McpServers = [server] });

        Assert.Null(model);
        Assert.Contains(
            bag.Items,
            d => d.Descriptor == DiagnosticCatalog.NoHost && d.Span.Line == 20
        );
    }

    [Fact]
    public void OAuth_urls_join_the_server_group_and_missing_ones_warn()
    {
        var withUrls = RemoteMcp("a", "https://mcp.a.example/mcp") with
        {
            RequiresOAuth = true,
            OAuthUrls =
            [
                Url(
                    "https://login.a.example/authorize",
                    "mcpServers.a.oauth.authorization_url",
                    25
                ),
                Url("https://token.a.example/token", "mcpServers.a.oauth.token_url", 26),
            ],
        };
        var without = RemoteMcp("b", "https://mcp.b.example/mcp", line: 40) with
        {
            RequiresOAuth = true,
        };

        var (model, _, bag) = EgressTestHelpers.Run(
            Quiet() with
            {
                McpServers = [withUrls, without],
            }
        );

        Assert.Equal(
            ["login.a.example", "mcp.a.example", "token.a.example"],
            model!.Hosts("mcp-a")
        );
        var warning = Assert.Single(
            bag.Items,
            d => d.Descriptor == DiagnosticCatalog.McpOAuthDiscovery
        );
        Assert.Contains("mcpServers.b", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Server_names_become_stable_dns_labels()
    {
        var config = Quiet() with
        {
            McpServers =
            [
                RemoteMcp("My Server!", "https://a.example/mcp"),
                RemoteMcp("GitHub", "https://b.example/mcp", line: 40),
            ],
        };

        var (first, _, _) = EgressTestHelpers.Run(config);
        var (second, _, _) = EgressTestHelpers.Run(config);

        var names = first!
            .WebGroups.Select(g => g.Name)
            .Where(n => n.StartsWith("mcp-", StringComparison.Ordinal))
            .ToList();
        Assert.Contains("mcp-github", names);
        var sanitised = Assert.Single(
            names,
            n => n.StartsWith("mcp-my-server-", StringComparison.Ordinal)
        );
        Assert.Matches("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", sanitised);
        Assert.Equal(
            names,
            second!
                .WebGroups.Select(g => g.Name)
                .Where(n => n.StartsWith("mcp-", StringComparison.Ordinal))
        );
    }

    [Fact]
    public void Obot_mode_replaces_per_server_groups_with_one_gateway_entry()
    {
        var config = Quiet() with
        {
            McpServers =
            [
                RemoteMcp("github", "https://mcp.github.example/mcp"),
                RemoteMcp("jira", "https://mcp.jira.example/mcp", line: 40),
            ],
        };
        var settings = Stack() with
        {
            McpPlatform = McpPlatform.Obot,
            ObotEndpoint = "https://obot.example.com",
        };

        var (model, _, bag) = EgressTestHelpers.Run(config, settings);

        var mcpGroups = model!.WebGroups.Where(g => g.Purpose == "mcp").ToList();
        var gateway = Assert.Single(mcpGroups);
        Assert.Equal("mcp-gateway", gateway.Name);
        Assert.Equal(["obot.example.com"], gateway.Hosts.Select(h => h.Host));
        Assert.Equal(2, bag.Items.Count(d => d.Descriptor == DiagnosticCatalog.ObotRoutesMcp));
    }

    [Fact]
    public void Obot_gateway_inside_the_cluster_needs_no_internet_group()
    {
        var config = Quiet() with
        {
            McpServers = [RemoteMcp("github", "https://mcp.github.example/mcp")],
        };
        var settings = Stack() with
        {
            McpPlatform = McpPlatform.Obot,
            ObotEndpoint = "http://obot.obot.svc.cluster.local:8080",
        };

        var (model, inventory, _) = EgressTestHelpers.Run(config, settings);

        Assert.DoesNotContain(model!.WebGroups, g => g.Purpose == "mcp");
        Assert.Contains(
            inventory.InCluster,
            d => d.Host == "obot.obot.svc.cluster.local" && d.Port == 8080
        );
    }

    [Fact]
    public void Obot_mode_without_endpoint_is_an_error()
    {
        var (model, _, bag) = EgressTestHelpers.Run(
            Quiet(),
            Stack() with
            {
                McpPlatform = McpPlatform.Obot,
            }
        );

        Assert.Null(model);
        Assert.True(bag.Has(DiagnosticCatalog.ObotWithoutEndpoint));
    }
}
