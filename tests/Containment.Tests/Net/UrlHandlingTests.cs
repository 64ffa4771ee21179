using Containment.Core.Net;

namespace Containment.Tests.Net;

/// <summary>Fixes made in the shared Net helpers while building the reader, checked against WHATWG URL behaviour (Node).</summary>
public class UrlHandlingTests
{
    [Theory]
    [InlineData("http://2130706433/", "127.0.0.1", HostKind.Loopback)]
    [InlineData("http://0x7f.1/", "127.0.0.1", HostKind.Loopback)]
    [InlineData("http://127.1:8080/", "127.0.0.1", HostKind.Loopback)]
    [InlineData("http://10.0.0.1./v1", "10.0.0.1", HostKind.PrivateAddress)]
    [InlineData("https://api.example.com/v1", "api.example.com", HostKind.Public)]
    [InlineData("https://evil.example\\@good.example/", "evil.example", HostKind.Public)]
    [InlineData(
        "https://user:pw@Api.Example.COM:8443/x?token=t",
        "api.example.com",
        HostKind.Public
    )]
    public void Hosts_are_the_ones_node_would_connect_to(string url, string host, HostKind kind)
    {
        var parts = UrlParts.TryParse(url)!;
        var normalized = HostName.Normalize(parts.Host);
        Assert.Equal(host, normalized);
        Assert.Equal(kind, HostName.Classify(normalized));
    }

    [Theory]
    [InlineData("1.2.3.256.5")]
    [InlineData("0x1g.1")]
    [InlineData("4294967296")]
    public void Numeric_hosts_that_are_not_ipv4_are_invalid(string host)
    {
        Assert.Null(HostName.Normalize(host));
    }

    [Fact]
    public void Userinfo_path_and_query_never_survive_parsing()
    {
        var parts = UrlParts.TryParse(
            "https://SECRET_USER:SECRET_PW@host.example/p?SECRET_Q=1#SECRET_F"
        )!;
        Assert.DoesNotContain("SECRET", parts.ToString(), StringComparison.Ordinal);
    }
}
