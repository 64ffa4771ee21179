using Containment.Core.Diagnostics;
using Containment.Core.Model;
using Containment.Core.Pipeline;
using Containment.Core.Policy;
using Containment.Core.Settings;
using static Containment.Tests.Infrastructure.ReaderTestKit;

namespace Containment.Tests.Egress;

/// <summary>
/// Issue 12 item 7b: an MCP url's <c>{{var}}</c> is filled per user when LibreChat connects (processMCPEnv ->
/// processSingleValue, danny-avila/LibreChat packages/api/src/utils/env.ts @
/// 2fdfe69053b32de5d83e53b9bb3ad15cfea9a844: customUserVars, then {{LIBRECHAT_USER_*}}, OpenID and
/// {{LIBRECHAT_BODY_*}}, then extractEnvVariable). In the host it is a run-time host that only
/// <c>containment:mcpHosts</c> can pin; in the path or query the host stays as written.
/// </summary>
public class McpRunTimeHostTests
{
    private static string Server(string url) =>
        "version: \"1.3.1\"\n"
        + "interface:\n"
        + "  mcpServers:\n"
        + "    create: false\n"
        + "mcpServers:\n"
        + "  acme:\n"
        + "    type: streamable-http\n"
        + $"    url: \"{url}\"\n"
        + "    customUserVars:\n"
        + "      TENANT:\n"
        + "        title: Tenant\n"
        + "        description: your tenant\n";

    private static StackSettings Stack(EnforcementMode mode, string? mcpHosts = null)
    {
        var bag = new DiagnosticBag();
        var text =
            "config:\n"
            + $"  containment:mode: {(mode == EnforcementMode.Enforce ? "enforce" : "monitor")}\n"
            + "  containment:cloudProvider: aws\n"
            + (mcpHosts is null ? "" : $"  containment:mcpHosts:\n{mcpHosts}");
        var settings = StackSettingsLoader.ParseStackFile(text, "Pulumi.dev.yaml", "dev", bag);
        Assert.DoesNotContain(bag.Items, d => d.Severity == Severity.Error);
        return settings!;
    }

    private static (PolicyModel? Model, IReadOnlyList<Diagnostic> Diagnostics) Plan(
        string url,
        EnforcementMode mode = EnforcementMode.Monitor,
        string? mcpHosts = null
    )
    {
        var (config, read) = Read(Server(url), mode: mode);
        Assert.NotNull(config);
        var bag = new DiagnosticBag();
        var model = PolicyBuilder.Build(config, Stack(mode, mcpHosts), bag);
        return (model, [.. read.Items, .. bag.Items]);
    }

    private static IReadOnlyList<WebGroupHost> Acme(PolicyModel? model) =>
        [
            .. model
                ?.WebGroups.Where(g => g.Name.StartsWith("mcp-acme", StringComparison.Ordinal))
                .SelectMany(g => g.Hosts)
                ?? [],
        ];

    [Fact]
    public void A_per_user_host_without_a_pin_warns_in_monitor_mode_and_the_plan_goes_on()
    {
        var (model, diagnostics) = Plan("https://{{TENANT}}.mcp.example.com/mcp");

        var d = Assert.Single(diagnostics, d => d.Code == "CT3210");
        Assert.Equal(Severity.Warning, d.Severity);
        Assert.Equal(8, d.Span.Line);
        Assert.Contains("{{TENANT}}", d.Message, StringComparison.Ordinal);
        Assert.Contains("containment:mcpHosts", d.Message, StringComparison.Ordinal);
        Assert.NotNull(model);
        Assert.Empty(Acme(model));
        // Before: the URL had "no usable host name" and the plan failed with an invalid-URL error.
        Assert.DoesNotContain(diagnostics, d => d.Severity == Severity.Error);
    }

    [Fact]
    public void A_per_user_host_without_a_pin_is_an_error_in_enforce_mode()
    {
        var (model, diagnostics) = Plan(
            "https://{{TENANT}}.mcp.example.com/mcp",
            EnforcementMode.Enforce
        );

        Assert.Contains(diagnostics, d => d.Code == "CT3210" && d.Severity == Severity.Error);
        Assert.Null(model);
    }

    [Fact]
    public void Pinned_hosts_land_in_the_server_webgroup_on_the_url_port_with_their_stack_line()
    {
        var (model, diagnostics) = Plan(
            "https://{{TENANT}}.mcp.example.com:8443/mcp",
            mcpHosts: "    acme: [acme-a.mcp.example.com, \"*.tenants.example.com\"]\n"
        );

        Assert.DoesNotContain(diagnostics, d => d.Code is "CT3210" or "CT3211");
        var hosts = Acme(model);
        Assert.Equal(
            ["*.tenants.example.com", "acme-a.mcp.example.com"],
            hosts.Select(h => h.Host).Order(StringComparer.Ordinal)
        );
        Assert.All(hosts, h => Assert.Equal([8443], h.Ports));
        var pin = Assert.Single(
            hosts.SelectMany(h => h.Sources).OfType<SettingProvenance>().DistinctBy(s => s.Setting)
        );
        Assert.Equal("mcpHosts.acme", pin.Setting);
        Assert.Equal(("Pulumi.dev.yaml", 5), (pin.At!.Value.File, pin.At.Value.Line));
    }

    [Theory]
    [InlineData("\"*\"", "CT3001")]
    [InlineData("\"*.co.uk\"", "CT3100")]
    [InlineData("\"*.com\"", "CT3002")]
    public void A_pinned_host_passes_the_same_gate_as_extra_destinations(string pin, string code)
    {
        var (model, diagnostics) = Plan(
            "https://{{TENANT}}.mcp.example.com/mcp",
            mcpHosts: $"    acme: [{pin}]\n"
        );

        Assert.Contains(diagnostics, d => d.Code == code);
        Assert.Empty(Acme(model));
    }

    [Theory]
    [InlineData("https://mcp.example.com/t/{{TENANT}}/mcp")]
    [InlineData(
        "https://mcp.example.com/mcp?user={{LIBRECHAT_USER_ID}}&c={{LIBRECHAT_BODY_CONVERSATIONID}}"
    )]
    public void A_placeholder_in_the_path_or_query_keeps_the_host(string url)
    {
        var (model, diagnostics) = Plan(url);

        Assert.Equal(["mcp.example.com"], Acme(model).Select(h => h.Host));
        Assert.Contains(diagnostics, d => d.Code == "CT2332" && d.Severity == Severity.Info);
        Assert.DoesNotContain(diagnostics, d => d.Code == "CT3210");
    }

    [Fact]
    public void A_user_placeholder_in_the_host_wins_over_a_known_env_variable_in_the_path()
    {
        var (model, diagnostics) = Plan(
            "https://{{LIBRECHAT_USER_USERNAME}}.example.com/${MCP_PATH}"
        );

        Assert.Contains(diagnostics, d => d.Code == "CT3210");
        Assert.Empty(Acme(model));
    }

    [Fact]
    public void Header_placeholders_keep_the_host_and_an_oauth_url_with_a_per_user_host_is_reported_at_its_line()
    {
        var yaml =
            Server("https://mcp.example.com/mcp")
            + "    headers:\n"
            + "      X-User: \"{{LIBRECHAT_USER_EMAIL}}\"\n"
            + "    oauth:\n"
            + "      authorization_url: \"https://{{TENANT}}.auth.example.com/authorize\"\n"
            + "      token_url: \"https://auth.example.com/token\"\n";
        var (config, read) = Read(yaml);
        var bag = new DiagnosticBag();
        var model = PolicyBuilder.Build(config!, Stack(EnforcementMode.Monitor), bag);

        Assert.Equal(
            ["auth.example.com", "mcp.example.com"],
            Acme(model).Select(h => h.Host).Order(StringComparer.Ordinal)
        );
        var d = Assert.Single(bag.Items, d => d.Code == "CT3210");
        Assert.Equal(16, d.Span.Line);
        Assert.StartsWith(
            "mcpServers.acme.oauth.authorization_url:",
            d.Message,
            StringComparison.Ordinal
        );
        Assert.DoesNotContain(read.Items, d => d.Code == "CT2332");
    }

    [Theory]
    [InlineData("    other: [a.example.com]\n")]
    [InlineData("    acme: [a.example.com]\n")]
    public void A_pin_for_a_server_without_a_per_user_host_is_reported_and_allows_nothing(
        string mcpHosts
    )
    {
        var (model, diagnostics) = Plan("https://mcp.example.com/mcp", mcpHosts: mcpHosts);

        Assert.Contains(diagnostics, d => d.Code == "CT3211" && d.Span.Line == 5);
        Assert.DoesNotContain(
            model!.WebGroups.SelectMany(g => g.Hosts),
            h => h.Host == "a.example.com"
        );
    }

    [Fact]
    public void Mcp_hosts_must_map_server_names_to_lists_of_hosts()
    {
        var bag = new DiagnosticBag();
        _ = StackSettingsLoader.ParseStackFile(
            "config:\n  containment:mcpHosts:\n    acme: a.example.com\n",
            "Pulumi.dev.yaml",
            "dev",
            bag
        );

        Assert.Contains(
            bag.Items,
            d => d.Code == "CT4005" && d.Message.Contains("mcpHosts.acme", StringComparison.Ordinal)
        );
    }
}
