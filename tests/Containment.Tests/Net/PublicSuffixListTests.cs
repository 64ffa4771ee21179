using Containment.Core.Net;

namespace Containment.Tests.Net;

public class PublicSuffixListTests
{
    private static readonly PublicSuffixList Shipped = PublicSuffixList.Shipped;

    [Fact]
    public void The_shipped_list_has_both_sections_and_names_its_source()
    {
        // ICANN section: co.uk; PRIVATE section: github.io. Both must be present, or private-registry wildcards pass.
        Assert.True(Shipped.IsPublicSuffix("co.uk"));
        Assert.True(Shipped.IsPublicSuffix("github.io"));
        Assert.True(Shipped.RuleCount > 9000);
        Assert.Matches("^commit [0-9a-f]{40}$", Shipped.Version);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", Shipped.Date);
        Assert.StartsWith(
            "https://github.com/publicsuffix/list/",
            Shipped.Source,
            StringComparison.Ordinal
        );
    }

    [Theory]
    [InlineData("co.uk", "co.uk")]
    [InlineData("s3.amazonaws.com", "s3.amazonaws.com")]
    [InlineData("blob.core.windows.net", "blob.core.windows.net")]
    [InlineData("vercel.app", "vercel.app")]
    [InlineData("ngrok.io", "ngrok.io")]
    [InlineData("github.io", "github.io")]
    [InlineData("com", "com")]
    [InlineData("notatld", "notatld")] // the "*" default rule: an unlisted TLD is a suffix
    [InlineData("amazonaws.com", "s3.amazonaws.com")] // not a suffix itself, but suffixes lie below it
    [InlineData("core.windows.net", "web.core.windows.net")]
    [InlineData("googleapis.com", "googleapis.com")] // PRIVATE section: a wildcard over it reaches other tenants' names
    [InlineData("ck", "ck")]
    [InlineData("foo.ck", "foo.ck")] // *.ck
    public void Wildcards_over_public_suffixes_name_the_suffix(string domain, string suffix)
    {
        Assert.Equal(suffix, Shipped.SuffixCoveredBy(domain));
    }

    [Theory]
    [InlineData("example.com")]
    [InlineData("openai.azure.com")]
    [InlineData("example.co.uk")]
    [InlineData("me.github.io")]
    [InlineData("www.ck")] // !www.ck: an exception rule makes it registrable
    [InlineData("openai.com")]
    public void Wildcards_inside_one_registrant_are_fine(string domain)
    {
        Assert.Null(Shipped.SuffixCoveredBy(domain));
    }

    [Theory]
    [InlineData("api.openai.com", "openai.com")]
    [InlineData("www.example.co.uk", "example.co.uk")]
    [InlineData("a.b.me.github.io", "me.github.io")]
    [InlineData("x.y.foo.ck", "y.foo.ck")]
    [InlineData("www.ck", "www.ck")]
    [InlineData("a.www.ck", "www.ck")]
    [InlineData("co.uk", null)]
    [InlineData("xn--55qx5d.cn", null)] // 公司.cn, a Unicode rule matched in punycode
    [InlineData("a.xn--55qx5d.cn", "a.xn--55qx5d.cn")]
    public void Registrable_domain_follows_the_list(string host, string? expected)
    {
        Assert.Equal(expected, Shipped.RegistrableDomainOf(host));
    }

    [Fact]
    public void Parse_applies_wildcard_and_exception_rules()
    {
        var list = PublicSuffixList.Parse("// version: test\n*.ck\n!www.ck\nuk\nco.uk\n");

        Assert.Equal("test", list.Version);
        Assert.Equal("anything.ck", list.PublicSuffixOf("a.anything.ck"));
        Assert.Equal("ck", list.PublicSuffixOf("www.ck"));
        Assert.Equal("co.uk", list.PublicSuffixOf("a.co.uk"));
        Assert.Equal("*.ck", list.SuffixCoveredBy("ck") is "ck" ? "*.ck" : null);
    }

    [Theory]
    [InlineData("www.github.io", "", "www.github.io")]
    [InlineData("api.me.github.io", "api", "me.github.io")]
    [InlineData("a.b.example.com.au", "a.b", "example.com.au")]
    public void Registrable_domain_split_uses_private_suffixes_too(
        string host,
        string prefix,
        string domain
    )
    {
        Assert.Equal((prefix, domain), RegistrableDomain.Split(host));
    }
}
