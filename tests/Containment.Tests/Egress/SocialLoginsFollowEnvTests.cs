using System.Text.Json;
using Containment.Tests.Infrastructure;
using static Containment.Tests.Cli.CliRunner;

namespace Containment.Tests.Egress;

/// <summary>
/// <c>registration.socialLogins</c> entries agree with what LibreChat's strategies call from the pod:
/// <c>saml</c> is a browser redirect (danny-avila/LibreChat@00b3bc32 api/strategies/samlStrategy.js: entryPoint is the
/// browser's, SAML_CERT a local string or file), and <c>github</c> calls GITHUB_ENTERPRISE_BASE_URL instead of
/// github.com / api.github.com when it is set (api/strategies/githubStrategy.js: tokenURL, userProfileURL and userEmailURL
/// are built on it).
/// </summary>
public class SocialLoginsFollowEnvTests
{
    private static (string[] Hosts, string[] Codes, string Stdout) Plan(string logins, string env)
    {
        var fs = new InMemoryFileSystem()
            .With("c.yaml", $"version: \"1.3.17\"\nregistration:\n  socialLogins: [{logins}]\n")
            .With(".env", env);
        var result = Run(
            fs,
            "plan",
            "--config",
            "c.yaml",
            "--env-file",
            ".env",
            "--format",
            "json"
        );
        Assert.True(result.ExitCode == 0, result.Stderr);
        using var doc = JsonDocument.Parse(result.Stdout);
        var hosts = doc
            .RootElement.GetProperty("webGroups")
            .EnumerateArray()
            .SelectMany(w => w.GetProperty("hosts").EnumerateArray())
            .Select(h => h.GetProperty("host").GetString()!)
            .ToArray();
        var codes = doc
            .RootElement.GetProperty("diagnostics")
            .EnumerateArray()
            .Select(d => d.GetProperty("code").GetString()!)
            .ToArray();
        return (hosts, codes, result.Stdout);
    }

    [Fact]
    public void A_saml_entry_is_the_browser_only_note_not_a_request_for_idp_hosts()
    {
        var (_, codes, stdout) = Plan("saml", "");

        Assert.Contains("CT2321", codes);
        Assert.DoesNotContain(
            "registration.socialLogins saml: the IdP's hosts",
            stdout,
            StringComparison.Ordinal
        );
        Assert.DoesNotContain("CT3026", codes);
    }

    [Fact]
    public void A_github_entry_follows_github_enterprise_base_url()
    {
        var (hosts, _, stdout) = Plan(
            "github",
            "GITHUB_ENTERPRISE_BASE_URL=https://ghe.example.com\n"
        );

        Assert.Contains("ghe.example.com", hosts);
        Assert.DoesNotContain("github.com", hosts);
        Assert.DoesNotContain("api.github.com", hosts);
        Assert.Contains(".env:1 GITHUB_ENTERPRISE_BASE_URL", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_github_entry_without_enterprise_keeps_the_public_hosts()
    {
        var (hosts, _, _) = Plan("github", "");

        Assert.Contains("github.com", hosts);
    }
}
