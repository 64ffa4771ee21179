using Containment.Core.Diagnostics;
using Containment.Core.Model;
using Containment.Core.Pipeline;
using Containment.Core.Policy;
using Containment.Core.Settings;
using Containment.Tests.Infrastructure.Models;
using static Containment.Tests.Infrastructure.ReaderTestKit;

namespace Containment.Tests.Egress;

/// <summary>
/// Issue 12 item 7a: <c>${INSTANCE_NAME}</c> and <c>${DEPLOYMENT_NAME}</c> in an Azure group's baseURL are filled by
/// LibreChat's constructAzureURL from the group (danny-avila/LibreChat packages/api/src/utils/azure.ts @
/// 0affea39a60061d1661d5a5ea32a0ad58706509d), after extractEnvVariable (mapModelToAzureConfig,
/// packages/data-provider/src/azure.ts @ 0ef4cdf6992e7741e0b364416b1ad0e12207988e); they are not environment
/// variables. The instanceName fills the host only through the <c>{instanceName}</c> shape check.
/// </summary>
public class AzurePlaceholderTests
{
    private static string Group(string? instanceName, string baseUrl, bool serverless = false) =>
        "version: \"1.3.1\"\n"
        + "endpoints:\n"
        + "  azureOpenAI:\n"
        + "    groups:\n"
        + "      - group: g\n"
        + "        apiKey: k\n"
        + (instanceName is null ? "" : $"        instanceName: \"{instanceName}\"\n")
        + (serverless ? "        serverless: true\n" : "")
        + $"        baseURL: \"{baseUrl}\"\n"
        + "        version: \"2024-06-01\"\n"
        + "        models:\n"
        + "          gpt-4o:\n"
        + "            deploymentName: gpt-4o-prod\n";

    /// <summary>The policy and every diagnostic: the reader's (unknown hosts at the mode's severity) and the policy stage's.</summary>
    private static (PolicyModel? Model, IReadOnlyList<Diagnostic> Diagnostics) Plan(
        string yaml,
        EnforcementMode mode = EnforcementMode.Monitor,
        IReadOnlyDictionary<string, string>? env = null
    )
    {
        var (config, read) = Read(yaml, env, mode);
        Assert.NotNull(config);
        var bag = new DiagnosticBag();
        var model = PolicyBuilder.Build(config, SampleConfigs.Stack(mode), bag);
        return (model, [.. read.Items, .. bag.Items]);
    }

    // CT3005/CT3006: users' own MCP servers and agent actions, warned about in every config that does not turn them off.
    private static bool RunTimeSurfaces(Diagnostic d) => d.Code is "CT3005" or "CT3006";

    private static IReadOnlyList<string> Llm(PolicyModel? model) =>
        model?.Hosts("llm-providers") ?? [];

    [Fact]
    public void Instance_name_fills_the_gateway_host_and_nothing_else()
    {
        var (model, bag) = Plan(
            Group(
                "contoso",
                "https://${INSTANCE_NAME}.openai.azure.com/openai/deployments/${DEPLOYMENT_NAME}"
            )
        );

        Assert.Equal(["contoso.openai.azure.com"], Llm(model));
        Assert.DoesNotContain(bag, d => d.Severity >= Severity.Warning && !RunTimeSurfaces(d));
    }

    [Fact]
    public void The_filled_host_names_the_baseURL_and_the_instanceName_as_its_sources()
    {
        var (model, _) = Plan(Group("contoso", "https://${INSTANCE_NAME}.gw.example.com/v1"));

        var host = Assert.Single(
            model!.WebGroups.SelectMany(g => g.Hosts),
            h => h.Host == "contoso.gw.example.com"
        );
        var lines = host.Sources.OfType<ConfigProvenance>().Select(p => p.Line).Order();
        Assert.Equal([7, 8], lines);
    }

    [Theory]
    [InlineData("evil.com/x")]
    [InlineData("*")]
    [InlineData("a.b")]
    [InlineData("")]
    public void A_hostile_instance_name_is_refused_and_allows_no_host(string instanceName)
    {
        var (model, bag) = Plan(
            Group(instanceName, "https://${INSTANCE_NAME}.openai.azure.com/openai")
        );

        Assert.Contains(bag, d => d.Code == "CT3101");
        Assert.DoesNotContain(
            model?.WebGroups.SelectMany(g => g.Hosts) ?? [],
            h => h.Host.Contains("evil", StringComparison.Ordinal) || h.Host.Contains('*')
        );
        Assert.Empty(Llm(model));
    }

    [Theory]
    [InlineData(EnforcementMode.Monitor, Severity.Warning)]
    [InlineData(EnforcementMode.Enforce, Severity.Error)]
    public void A_missing_instance_name_leaves_the_host_unknown_by_mode(
        EnforcementMode mode,
        Severity severity
    )
    {
        var (model, bag) = Plan(
            Group(null, "https://${INSTANCE_NAME}.openai.azure.com/openai", serverless: true),
            mode
        );

        Assert.Contains(bag, d => d.Code == "CT2331" && d.Severity == severity);
        Assert.Empty(Llm(model));
        Assert.Equal(mode == EnforcementMode.Enforce, model is null);
    }

    [Fact]
    public void A_deployment_name_in_the_host_is_refused_by_mode()
    {
        var (model, bag) = Plan(
            Group("contoso", "https://${DEPLOYMENT_NAME}.gw.example.com/${INSTANCE_NAME}")
        );

        Assert.Contains(
            bag,
            d => d.Code == "CT2330" && d.Severity == Severity.Warning && d.Span.Line == 8
        );
        Assert.Empty(Llm(model));
    }

    [Fact]
    public void Placeholders_in_the_path_keep_the_written_host_without_a_diagnostic()
    {
        var (model, bag) = Plan(
            Group(
                "contoso",
                "https://gw.example.com/${INSTANCE_NAME}/deployments/${DEPLOYMENT_NAME}",
                serverless: true
            )
        );

        Assert.Equal(["gw.example.com"], Llm(model));
        Assert.DoesNotContain(bag, d => d.Severity >= Severity.Warning && !RunTimeSurfaces(d));
    }

    [Fact]
    public void An_environment_value_for_INSTANCE_NAME_wins_as_extractEnvVariable_runs_first()
    {
        var (model, _) = Plan(
            Group("contoso", "https://${INSTANCE_NAME}.openai.azure.com/openai"),
            env: Env(("INSTANCE_NAME", "fromenv"))
        );

        Assert.Equal(["fromenv.openai.azure.com"], Llm(model));
    }
}
