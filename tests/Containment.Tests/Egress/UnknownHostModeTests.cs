using Containment.Core.Diagnostics;
using Containment.Core.Model;
using Containment.Core.Pipeline;
using Containment.Core.Policy;
using Containment.Core.Settings;
using Containment.Tests.Infrastructure.Models;
using static Containment.Tests.Infrastructure.ReaderTestKit;

namespace Containment.Tests.Egress;

/// <summary>
/// Issue 12 item 9: a host that depends on an unset variable follows the mode everywhere. Monitor mode warns and
/// still produces the rest of the policy; enforce mode refuses. The reader records, the policy stage decides.
/// </summary>
public class UnknownHostModeTests
{
    private const string Yaml =
        "version: \"1.3.1\"\n"
        + "endpoints:\n"
        + "  azureOpenAI:\n"
        + "    groups:\n"
        + "      - group: g\n"
        + "        apiKey: k\n"
        + "        instanceName: \"${AZ_INSTANCE}\"\n"
        + "        models: {m: true}\n"
        + "  custom:\n"
        + "    - name: gw\n"
        + "      apiKey: k\n"
        + "      baseURL: \"https://${GW_HOST}/v1\"\n"
        + "      models: {default: [m]}\n"
        + "    - name: known\n"
        + "      apiKey: k\n"
        + "      baseURL: \"https://api.mistral.ai/v1\"\n"
        + "      models: {default: [m]}\n";

    private static (PolicyModel? Model, DiagnosticBag Diagnostics) Plan(EnforcementMode mode)
    {
        var (config, diagnostics) = Read(Yaml, mode: mode);
        // The reader alone never fails on an unset variable: it does not know the mode.
        Assert.False(diagnostics.HasErrors && mode == EnforcementMode.Monitor);
        var bag = new DiagnosticBag();
        var model = PolicyBuilder.Build(config!, SampleConfigs.Stack(mode), bag);
        return (model, bag);
    }

    [Fact]
    public void Monitor_mode_warns_about_unknown_hosts_and_still_builds_the_rest()
    {
        var (model, bag) = Plan(EnforcementMode.Monitor);

        Assert.NotNull(model);
        Assert.Contains("api.mistral.ai", model.Hosts("llm-providers"));
        Assert.DoesNotContain(bag.Items, d => d.Severity == Severity.Error);
        Assert.Contains(
            bag.Items,
            d => d.Code == "CT2018" && d.Span.Line == 7 && d.Severity == Severity.Warning
        );
        Assert.Contains(
            bag.Items,
            d => d.Code == "CT2008" && d.Span.Line == 12 && d.Severity == Severity.Warning
        );
        Assert.Contains(
            bag.Items,
            d => d.Code == "CT3003" && d.Span.Line == 7 && d.Severity == Severity.Warning
        );
    }

    [Fact]
    public void Enforce_mode_makes_each_unknown_host_an_error_and_emits_nothing()
    {
        var (model, bag) = Plan(EnforcementMode.Enforce);

        Assert.Null(model);
        Assert.Contains(
            bag.Items,
            d => d.Code == "CT2018" && d.Span.Line == 7 && d.Severity == Severity.Error
        );
        Assert.Contains(
            bag.Items,
            d => d.Code == "CT2008" && d.Span.Line == 12 && d.Severity == Severity.Error
        );
        Assert.Contains(
            bag.Items,
            d => d.Code == "CT3003" && d.Span.Line == 7 && d.Severity == Severity.Error
        );
    }

    [Fact]
    public void The_reader_records_unknown_hosts_without_reporting_them()
    {
        var diagnostics = new DiagnosticBag();
        var root = Parse(Yaml, diagnostics)!;
        var config = Core.LibreChat.LibreChatReader.Read(root, "t.yaml", NoEnv, diagnostics);

        Assert.DoesNotContain(diagnostics.Items, d => d.Code is "CT2008" or "CT2018");
        Assert.Equal([7, 12], config!.Unresolved.Select(u => u.Span.Line));
    }
}
