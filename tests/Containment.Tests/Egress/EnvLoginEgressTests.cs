using Containment.Core.Diagnostics;
using Containment.Core.LibreChat;
using Containment.Core.Model;
using Containment.Core.Settings;
using static Containment.Tests.Infrastructure.Models.SampleConfigs;

namespace Containment.Tests.Egress;

/// <summary>
/// Issue 12 item 6, logins: LibreChat registers each passport strategy from its environment
/// (danny-avila/LibreChat@00b3bc32 api/server/socialLogins.js, api/strategies/ldapStrategy.js), whatever
/// <c>registration.socialLogins</c> shows; only the calls the pod makes are allowed.
/// </summary>
public class EnvLoginEgressTests
{
    /// <summary>A value for each variable: URL variables get a URL of their kind, the rest a marker that must never print.</summary>
    private const string Marker = "Zq9LoginSecret0x";

    private static string ValueFor(string name) =>
        name switch
        {
            "LDAP_URL" => "ldaps://ldap.corp.example.com",
            "OPENID_ISSUER" => "https://idp.example.com/realms/chat",
            "GITHUB_ENTERPRISE_BASE_URL" => "https://ghe.example.com",
            _ => Marker,
        };

    private static StackSettings With(params string[] names) =>
        Stack() with
        {
            Env = names.ToDictionary(n => n, ValueFor, StringComparer.Ordinal),
        };

    private static IReadOnlyList<(
        string Host,
        IReadOnlyList<Provenance> Sources,
        IReadOnlyList<int> Ports
    )> Allowed(StackSettings settings, out DiagnosticBag bag)
    {
        var (model, _, diagnostics) = EgressTestHelpers.Run(Quiet(), settings);
        bag = diagnostics;
        Assert.NotNull(model);
        return
        [
            .. model.WebGroups.SelectMany(g => g.Hosts).Select(h => (h.Host, h.Sources, h.Ports)),
        ];
    }

    public static TheoryData<string> Logins => [.. EnvServicesTable.Logins.Select(l => l.Id)];

    /// <summary>The table-driven proof: every row, with all its variables set, allows its hosts (or says why none).</summary>
    [Theory]
    [MemberData(nameof(Logins))]
    public void Every_login_row_is_reachable_from_its_variables_alone(string id)
    {
        var login = EnvServicesTable.Logins.Single(l => l.Id == id);
        Assert.StartsWith(EnvServicesTable.LibreChatCommit, login.Source, StringComparison.Ordinal);
        var allowed = Allowed(With([.. login.RequiredAll]), out var bag);
        var expected = login.UrlVariable is { } url
            ? login.RequiredAll.Contains(url)
                ? [Core.Net.UrlParts.TryParse(ValueFor(url))!.Host]
                : login.DefaultHosts
            : login.DefaultHosts;
        foreach (var host in expected)
        {
            Assert.Contains(allowed, a => a.Host == host);
        }
        if (expected.Count == 0)
        {
            Assert.Equal(EnvServicesTable.Saml, id);
            Assert.True(bag.Has(DiagnosticCatalog.SamlBrowserOnly));
        }
        Assert.DoesNotContain(
            allowed,
            a => a.Sources.Any(s => s.ToString().Contains(Marker, StringComparison.Ordinal))
        );
        Assert.DoesNotContain(bag.Items, d => d.Message.Contains(Marker, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Logins))]
    public void A_login_missing_one_variable_is_not_registered(string id)
    {
        var login = EnvServicesTable.Logins.Single(l => l.Id == id);
        var allowed = Allowed(With([.. login.RequiredAll.Skip(1)]), out var bag);
        Assert.All(login.DefaultHosts, h => Assert.DoesNotContain(allowed, a => a.Host == h));
        Assert.DoesNotContain(allowed, a => a.Host is "idp.example.com" or "ldap.corp.example.com");
        Assert.False(bag.Has(DiagnosticCatalog.SamlBrowserOnly));
    }

    [Fact]
    public void Google_login_allows_the_token_and_profile_host_not_the_browser_page()
    {
        // passport-google-oauth20: tokenURL and userProfileURL on www.googleapis.com; accounts.google.com is the redirect.
        var allowed = Allowed(With("GOOGLE_CLIENT_ID", "GOOGLE_CLIENT_SECRET"), out _);
        var entry = Assert.Single(allowed, a => a.Host == "www.googleapis.com");
        Assert.Contains(
            entry.Sources,
            s => s is SettingProvenance { Detail: "containment:env GOOGLE_CLIENT_ID" }
        );
        Assert.DoesNotContain(allowed, a => a.Host == "accounts.google.com");
    }

    [Theory]
    [InlineData("s3", true)]
    [InlineData("local", false)]
    public void Login_avatars_are_downloaded_by_the_pod_when_files_are_not_local(
        string strategy,
        bool downloaded
    )
    {
        // api/strategies/process.js: isLocal keeps the provider's URL; any other strategy fetches it (resizeAvatar).
        var config = Quiet() with
        {
            FileStorage = new FileStorageConfig
            {
                Strategies = [Val(strategy, "fileStrategy", 30, 15)],
            },
        };
        var settings = Stack() with
        {
            Env = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["GITHUB_CLIENT_ID"] = "id",
                ["GITHUB_CLIENT_SECRET"] = Marker,
                ["DISCORD_CLIENT_ID"] = "id",
                ["DISCORD_CLIENT_SECRET"] = Marker,
                ["AWS_REGION"] = "eu-west-1",
            },
        };
        var (model, _, _) = EgressTestHelpers.Run(config, settings);
        var hosts = model!.WebGroups.SelectMany(g => g.Hosts).Select(h => h.Host).ToList();
        Assert.Equal(downloaded, hosts.Contains("avatars.githubusercontent.com"));
        Assert.Equal(downloaded, hosts.Contains("cdn.discordapp.com"));
        Assert.Contains("api.github.com", hosts);
    }

    [Fact]
    public void Github_enterprise_base_url_replaces_github_com()
    {
        // api/strategies/githubStrategy.js: tokenURL, userProfileURL, userEmailURL under GITHUB_ENTERPRISE_BASE_URL.
        var allowed = Allowed(
            With("GITHUB_CLIENT_ID", "GITHUB_CLIENT_SECRET", "GITHUB_ENTERPRISE_BASE_URL"),
            out _
        );
        Assert.Contains(allowed, a => a.Host == "ghe.example.com");
        Assert.DoesNotContain(allowed, a => a.Host is "github.com" or "api.github.com");
    }

    [Fact]
    public void Openid_issuer_host_is_allowed_with_its_env_line_and_the_assumption_said()
    {
        var settings = With(
            "OPENID_CLIENT_ID",
            "OPENID_CLIENT_SECRET",
            "OPENID_ISSUER",
            "OPENID_SCOPE",
            "OPENID_SESSION_SECRET"
        ) with
        {
            EnvOrigins = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["OPENID_ISSUER"] = ".env:12",
            },
        };
        var entry = Assert.Single(Allowed(settings, out var bag), a => a.Host == "idp.example.com");
        Assert.Contains(
            entry.Sources,
            s => s is SettingProvenance { Detail: ".env:12 OPENID_ISSUER" }
        );
        Assert.True(bag.Has(DiagnosticCatalog.OpenIdHostsAssumed));
    }

    [Fact]
    public void Openid_secrets_set_from_a_secret_count_as_present()
    {
        var settings = With("OPENID_CLIENT_ID", "OPENID_ISSUER", "OPENID_SCOPE") with
        {
            SecretEnv = ["OPENID_CLIENT_SECRET", "OPENID_SESSION_SECRET"],
        };
        Assert.Contains(Allowed(settings, out _), a => a.Host == "idp.example.com");
    }

    [Theory]
    [InlineData("ldaps://ldap.corp.example.com", 636)]
    [InlineData("ldap://ldap.corp.example.com", 389)]
    [InlineData("ldap://ldap.corp.example.com:3268", 3268)]
    public void Ldap_url_is_reached_from_the_pod_on_its_port(string url, int port)
    {
        var settings = Stack() with
        {
            Env = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["LDAP_URL"] = url,
                ["LDAP_USER_SEARCH_BASE"] = "dc=corp,dc=example,dc=com",
            },
        };
        var entry = Assert.Single(
            Allowed(settings, out var bag),
            a => a.Host == "ldap.corp.example.com"
        );
        Assert.Contains(port, entry.Ports);
        // LDAP is not HTTP: the plan shows the host and says a WebGroup cannot match it (CT3034).
        Assert.True(bag.Has(DiagnosticCatalog.NonWebPort));
    }

    [Fact]
    public void Ldap_url_that_is_not_ldap_names_no_host()
    {
        var settings = Stack() with
        {
            Env = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["LDAP_URL"] = "https://ldap.corp.example.com",
                ["LDAP_USER_SEARCH_BASE"] = "dc=corp",
            },
        };
        var (model, _, bag) = EgressTestHelpers.Run(Quiet(), settings);
        Assert.True(bag.Has(DiagnosticCatalog.UnsupportedUrlScheme));
        Assert.True(
            model is null
                || !model
                    .WebGroups.SelectMany(g => g.Hosts)
                    .Any(h => h.Host == "ldap.corp.example.com")
        );
    }
}
