using Containment.Core.Diagnostics;
using Containment.Core.LibreChat;
using Containment.Core.Model;
using static Containment.Tests.Infrastructure.ReaderTestKit;

namespace Containment.Tests.LibreChat;

/// <summary>Issue 10 item 6: a secret never becomes a host and is never printed; a host that would need one is an error naming it.</summary>
public class SecretVariableTests
{
    private const string Marker = "Zq9MarkerValue";

    private static string Custom(string baseUrl, string apiKey = "k") =>
        $"version: \"1\"\nendpoints:\n  custom:\n    - name: x\n      apiKey: \"{apiKey}\"\n      baseURL: \"{baseUrl}\"\n      models: {{default: [m]}}\n";

    [Theory]
    [InlineData(EnforcementMode.Monitor)]
    [InlineData(EnforcementMode.Enforce)]
    public void A_secret_shaped_variable_in_the_host_is_an_error_naming_it_in_every_mode(
        EnforcementMode mode
    )
    {
        var (config, diagnostics) = Read(
            Custom("https://${OPENAI_API_KEY}.attacker.example/v1"),
            Env(("OPENAI_API_KEY", Marker)),
            mode
        );
        var d = Assert.Single(diagnostics.Items, d => d.Code == "CT2300");
        Assert.Equal(Severity.Error, d.Severity);
        Assert.Contains("${OPENAI_API_KEY}", d.Render(), StringComparison.Ordinal);
        Assert.All(
            diagnostics.Items,
            x => Assert.DoesNotContain(Marker, x.Render(), StringComparison.Ordinal)
        );
        Assert.Equal(UrlState.Unresolved, config!.Endpoints.Custom[0].BaseUrl.State);
        Assert.Null(config.Endpoints.Custom[0].BaseUrl.Host);
    }

    [Fact]
    public void A_variable_the_config_uses_as_a_credential_is_a_secret_whatever_its_name()
    {
        var (config, diagnostics) = Read(
            Custom("https://${GATEWAY}.example.com/v1", "${GATEWAY}"),
            Env(("GATEWAY", Marker))
        );
        Assert.Contains("CT2300", Codes(diagnostics));
        Assert.Null(config!.Endpoints.Custom[0].BaseUrl.Host);
    }

    [Theory]
    [InlineData("headers:\n        x-auth: \"${PLAIN}\"")]
    [InlineData("env:\n        TOKEN_VALUE: \"${PLAIN}\"")]
    [InlineData("oauth:\n        client_secret: \"${PLAIN}\"")]
    public void Header_stdio_env_and_oauth_values_mark_their_variables_as_secrets(string field)
    {
        var yaml =
            $"version: \"1\"\nmcpServers:\n  m:\n      url: \"https://${{PLAIN}}/mcp\"\n      {field}\n";
        var (config, diagnostics) = Read(yaml, Env(("PLAIN", "mcp.example.com")));
        Assert.Contains("CT2300", Codes(diagnostics));
        Assert.Null(config!.McpServers.Single().Url!.Host);
    }

    [Fact]
    public void A_declared_secret_is_refused_and_a_plain_variable_still_expands()
    {
        var diagnostics = new DiagnosticBag();
        var root = Parse(Custom("https://${FROM_VAULT}/v1"), diagnostics)!;
        var scope = new EnvScope(Env(("FROM_VAULT", "gw.example.com")), ["FROM_VAULT"]);
        var config = LibreChatReader.Read(root, "t.yaml", scope, diagnostics);
        Assert.Contains("CT2300", Codes(diagnostics));
        Assert.Null(config!.Endpoints.Custom[0].BaseUrl.Host);

        var (plain, _) = Read(
            Custom("https://${FROM_VAULT}/v1"),
            Env(("FROM_VAULT", "gw.example.com"))
        );
        Assert.Equal("gw.example.com", plain!.Endpoints.Custom[0].BaseUrl.Host);
    }

    [Fact]
    public void A_secret_in_an_azure_instance_name_is_an_error_and_never_reaches_the_model()
    {
        var yaml =
            "version: \"1\"\nendpoints:\n  azureOpenAI:\n    groups:\n      - group: g\n        apiKey: k\n        instanceName: \"${AZURE_API_KEY}\"\n        models:\n          gpt-4o: true\n";
        var (config, diagnostics) = Read(yaml, Env(("AZURE_API_KEY", Marker)));
        Assert.Contains("CT2300", Codes(diagnostics));
        var group = config!.Endpoints.AzureOpenAI!.Groups.Single();
        Assert.True(group.InstanceNameUnresolved);
        Assert.Equal("${AZURE_API_KEY}", group.InstanceName!.Value);
    }

    [Theory]
    [InlineData("https://mcp.example.com/t/${TOKEN}/mcp")]
    [InlineData("https://mcp.example.com/mcp?key=${OPENAI_API_KEY}")]
    [InlineData("https://mcp.example.com/mcp#${UNSET_FRAGMENT}")]
    public void Issue_12_item_8_a_variable_in_the_path_query_or_fragment_leaves_the_host_known(
        string url
    )
    {
        var (config, diagnostics) = Read(
            $"version: \"1\"\nmcpServers:\n  m:\n    url: \"{url}\"\n",
            Env(("TOKEN", Marker), ("OPENAI_API_KEY", Marker))
        );
        var server = config!.McpServers.Single();
        Assert.Equal(("mcp.example.com", UrlState.Resolved), (server.Url!.Host, server.Url.State));
        var d = Assert.Single(diagnostics.Items);
        Assert.Equal(("CT2301", Severity.Info), (d.Code, d.Severity));
        Assert.DoesNotContain(Marker, d.Render(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://${USER_NAME}@mcp.example.com/mcp")]
    [InlineData("https://mcp.example.com:${MCP_PORT}/mcp")]
    [InlineData("https://mcp.${ZONE}/mcp")]
    [InlineData("${SCHEME}://mcp.example.com/mcp")]
    public void A_variable_in_userinfo_port_host_or_scheme_leaves_the_host_unknown(string url)
    {
        var (config, diagnostics) = Read(
            $"version: \"1\"\nmcpServers:\n  m:\n    url: \"{url}\"\n"
        );
        Assert.Contains("CT2008", Codes(diagnostics));
        Assert.Null(config!.McpServers.Single().Url!.Host);
    }
}
