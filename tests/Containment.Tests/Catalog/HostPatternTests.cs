using Containment.Core.Egress;

namespace Containment.Tests.Catalog;

public class HostPatternTests
{
    [Theory]
    [InlineData("API.Example.COM", "api.example.com")]
    [InlineData("api.example.com.", "api.example.com")]
    [InlineData("https://user:pw@api.example.com:8443/v1?key=x", "api.example.com")]
    [InlineData("*.Example.com", "*.example.com")]
    [InlineData("bücher.example", "xn--bcher-kva.example")]
    [InlineData("{aws.accountId}.dkr.ecr.{aws.region}.amazonaws.com", "{aws.accountId}.dkr.ecr.{aws.region}.amazonaws.com")]
    public void Normalises_to_lower_case_punycode_without_scheme_port_path_or_trailing_dot(string raw, string expected)
    {
        var (host, problem) = HostPattern.Normalize(raw);

        Assert.Equal(HostPatternProblem.None, problem);
        Assert.Equal(expected, host);
    }

    [Theory]
    [InlineData("*", HostPatternProblem.BareWildcard)]
    [InlineData("**", HostPatternProblem.BareWildcard)]
    [InlineData("http://*:443", HostPatternProblem.BareWildcard)]
    [InlineData("*.com", HostPatternProblem.TooBroad)]
    [InlineData("app*.example.com", HostPatternProblem.MidLabelWildcard)]
    [InlineData("*.*.example.com", HostPatternProblem.MidLabelWildcard)]
    [InlineData("", HostPatternProblem.Malformed)]
    [InlineData("a..b", HostPatternProblem.Malformed)]
    public void Rejects_everything_but_exact_and_leading_wildcards(string raw, HostPatternProblem expected)
    {
        Assert.Equal(expected, HostPattern.Normalize(raw).Problem);
    }

    [Fact]
    public void Mid_label_wildcards_pass_only_from_catalogues()
    {
        Assert.Equal(HostPatternProblem.MidLabelWildcard, HostPattern.Normalize("602401143452.dkr.ecr.*.amazonaws.com").Problem);
        Assert.Equal("602401143452.dkr.ecr.*.amazonaws.com", HostPattern.Normalize("602401143452.dkr.ecr.*.amazonaws.com", allowMidLabelWildcard: true).Host);
        Assert.Equal(HostPatternProblem.Malformed, HostPattern.Normalize("a**.example.com", allowMidLabelWildcard: true).Problem);
    }
}
