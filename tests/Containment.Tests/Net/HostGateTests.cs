using Containment.Core.Net;
using Containment.Tests.Infrastructure;
using static Containment.Tests.Cli.CliRunner;

namespace Containment.Tests.Net;

/// <summary>Issue 10 item 3: the one host gate reads hosts as Node's URL parser does, then keeps only DNS names.</summary>
public class HostGateTests
{
    // Expected values are Node 20.20.2's `new URL(text).hostname` (also in Fixtures/net/node-url-hosts.jsonl).
    [Theory]
    [InlineData("https://ＥＶＩＬ.com/v1", "evil.com")]
    [InlineData("https://ſtrasse.de", "strasse.de")]
    [InlineData("https://İstanbul.com", "xn--istanbul-o0e.com")]
    [InlineData("https://faß.de", "xn--fa-hia.de")]
    [InlineData("https:\\\\evil.com\\x", "evil.com")]
    [InlineData("https:/evil.com", "evil.com")]
    [InlineData("https:evil.com", "evil.com")]
    [InlineData("https://evil.com\\@good.com", "evil.com")]
    [InlineData("https://ev%69l.com", "evil.com")]
    [InlineData("https://a%2eb.com", "a.b.com")]
    [InlineData("https://0x7f.1", "127.0.0.1")]
    [InlineData("https://2130706433", "127.0.0.1")]
    [InlineData("https://a。b.com", "a.b.com")]
    [InlineData("https://①.com", "1.com")]
    public void Url_hosts_are_what_node_connects_to(string url, string host)
    {
        Assert.Equal(host, UrlParts.TryParseUrl(url, out _)?.Host);
    }

    [Theory]
    [InlineData("file:///etc/passwd", UrlProblem.UnsupportedScheme)]
    [InlineData("gopher://evil.com/x", UrlProblem.UnsupportedScheme)]
    [InlineData("javascript:alert(1)", UrlProblem.UnsupportedScheme)]
    [InlineData("mailto:a@evil.com", UrlProblem.UnsupportedScheme)]
    [InlineData("ftp://evil.com", UrlProblem.UnsupportedScheme)]
    [InlineData("api.example.com/v1", UrlProblem.NoScheme)]
    [InlineData("https://*.com/x", UrlProblem.WildcardHost)]
    [InlineData("https://%2a.com/x", UrlProblem.WildcardHost)]
    [InlineData("https://a\u200db.com", UrlProblem.Invalid)]
    [InlineData("https://xn--zz.com", UrlProblem.Invalid)]
    [InlineData("https://1.2.3.256", UrlProblem.Invalid)]
    public void Url_fields_other_than_http_and_ws_name_no_host(string url, UrlProblem problem)
    {
        Assert.Null(UrlParts.TryParseUrl(url, out var actual));
        Assert.Equal(problem, actual);
    }

    [Theory]
    [InlineData("%2a.example.com")]
    [InlineData("a*b.example.com")]
    [InlineData("*")]
    [InlineData("a..b.com")]
    [InlineData("a{b}.com")]
    public void Names_node_accepts_but_dns_and_webgroups_cannot_hold_are_refused(string host)
    {
        Assert.Null(HostName.Normalize(host));
    }

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("gopher://evil.com/x")]
    [InlineData("javascript:alert(1)")]
    [InlineData("mailto:a@evil.com")]
    [InlineData("evil.com/v1")]
    public void Lint_reports_a_url_field_without_a_network_scheme_as_an_error(string baseUrl)
    {
        var fs = new InMemoryFileSystem().With(
            "librechat.yaml",
            "version: \"1.3.17\"\nendpoints:\n  custom:\n    - name: x\n      apiKey: k\n      baseURL: \""
                + baseUrl
                + "\"\n      models:\n        default: [m]\n"
        );

        var lint = Run(fs, "lint", "--config", "librechat.yaml");

        Assert.Equal(1, lint.ExitCode);
        Assert.Contains("librechat.yaml(6,", lint.Stdout + lint.Stderr, StringComparison.Ordinal);
        Assert.Contains("CT2200", lint.Stdout + lint.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.com", lint.Stdout + lint.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fullwidth_host_in_librechat_yaml_is_allowed_as_node_reaches_it()
    {
        var fs = new InMemoryFileSystem()
            .With(
                "librechat.yaml",
                "version: \"1.3.17\"\nendpoints:\n  custom:\n    - name: x\n      apiKey: k\n      baseURL: \"https://ＡＰＩ.example.com/v1\"\n      models:\n        default: [m]\n"
            )
            .With("Pulumi.dev.yaml", "config:\n  containment:librechatConfig: librechat.yaml\n");

        var check = Run(fs, "check", "api.example.com", "--stack", "dev");

        Assert.StartsWith("PERMITTED", check.Stdout, StringComparison.Ordinal);
    }
}
