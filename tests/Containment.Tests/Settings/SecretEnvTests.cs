using Containment.Core.Diagnostics;
using Containment.Core.IO;
using Containment.Core.Pipeline;
using Containment.Core.Settings;

namespace Containment.Tests.Settings;

/// <summary><c>containment:secretEnv</c>: names the deployment sets from a Secret; never expanded into a host, whatever the name.</summary>
public sealed class SecretEnvTests : IDisposable
{
    private readonly string _dir = Directory
        .CreateTempSubdirectory("containment-secretenv-")
        .FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    [Fact]
    public void Secret_env_binds_a_list_of_names()
    {
        var bag = new DiagnosticBag();
        var s = StackSettingsLoader.ParseStackFile(
            "config:\n  containment:secretEnv: [OPENAI_API_KEY, GATEWAY_HOST]\n",
            "Pulumi.dev.yaml",
            "dev",
            bag
        );
        Assert.Empty(bag.Items);
        Assert.Equal(["OPENAI_API_KEY", "GATEWAY_HOST"], s!.SecretEnv);
    }

    [Fact]
    public void Secret_env_is_a_list_or_an_error_naming_the_key()
    {
        var bag = new DiagnosticBag();
        _ = StackSettingsLoader.ParseStackFile(
            "config:\n  containment:secretEnv: GATEWAY_HOST\n",
            "Pulumi.dev.yaml",
            "dev",
            bag
        );
        Assert.Contains(
            bag.Items,
            d =>
                d.Severity == Severity.Error
                && d.Message.Contains("secretEnv", StringComparison.Ordinal)
        );
    }

    [Fact]
    public void A_host_from_a_declared_secret_is_an_error_even_with_a_plain_name()
    {
        var config = Path.Combine(_dir, "librechat.yaml");
        File.WriteAllText(
            config,
            "version: \"1.3.17\"\nendpoints:\n  custom:\n    - name: gw\n      apiKey: k\n      baseURL: \"https://${GATEWAY_HOST}/v1\"\n      models: {default: [m]}\n"
        );
        var env = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["GATEWAY_HOST"] = "gw.example.com",
        };
        var plain = new StackSettings { Env = env };

        var open = new DiagnosticBag();
        var allowed = PolicyPipeline.Run(
            plain,
            config,
            "librechat.yaml",
            PhysicalFileSystem.Instance,
            null,
            open
        );
        Assert.Contains(
            allowed.Model!.WebGroups.SelectMany(g => g.Hosts),
            h => h.Host == "gw.example.com"
        );

        var bag = new DiagnosticBag();
        var refused = PolicyPipeline.Run(
            plain with
            {
                SecretEnv = ["GATEWAY_HOST"],
            },
            config,
            "librechat.yaml",
            PhysicalFileSystem.Instance,
            null,
            bag
        );
        Assert.Null(refused.Model);
        var d = Assert.Single(bag.Items, x => x.Code == "CT2300");
        Assert.Contains("${GATEWAY_HOST}", d.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("gw.example.com", d.Render(), StringComparison.Ordinal);
    }
}
