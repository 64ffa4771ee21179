using Containment.Core.Egress;

namespace Containment.Tests.Egress;

public class HostPatternTests
{
    [Theory]
    [InlineData("API.Example.COM", "api.example.com")]
    [InlineData("api.example.com.", "api.example.com")]
    [InlineData("https://user:pw@api.example.com:8443/v1?key=x", "api.example.com")]
    [InlineData("*.Example.com", "*.example.com")]
    [InlineData("bücher.example", "xn--bcher-kva.example")]
    public void Normalises_to_lower_case_punycode_without_scheme_port_path_or_trailing_dot(
        string raw,
        string expected
    )
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
    [InlineData("*.co.uk", HostPatternProblem.PublicSuffixWildcard)]
    [InlineData("*.amazonaws.com", HostPatternProblem.PublicSuffixWildcard)]
    [InlineData("{aws.accountId}.dkr.ecr.eu-west-1.amazonaws.com", HostPatternProblem.LookupToken)]
    public void Rejects_everything_but_exact_and_leading_wildcards(
        string raw,
        HostPatternProblem expected
    )
    {
        Assert.Equal(expected, HostPattern.Normalize(raw).Problem);
    }

    [Fact]
    public void Mid_label_wildcards_pass_only_from_catalogues()
    {
        Assert.Equal(
            HostPatternProblem.MidLabelWildcard,
            HostPattern.Normalize("602401143452.dkr.ecr.*.amazonaws.com").Problem
        );
        Assert.Equal(
            "602401143452.dkr.ecr.*.amazonaws.com",
            HostPattern.Normalize("602401143452.dkr.ecr.*.amazonaws.com", fromCatalogue: true).Host
        );
        Assert.Equal(
            HostPatternProblem.Malformed,
            HostPattern.Normalize("a**.example.com", fromCatalogue: true).Problem
        );
    }

    [Fact]
    public void Look_up_tokens_pass_only_from_catalogues()
    {
        const string Ecr = "{aws.accountId}.dkr.ecr.{aws.region}.amazonaws.com";
        Assert.Equal(
            (Ecr, HostPatternProblem.None),
            HostPattern.Normalize(Ecr, fromCatalogue: true)
        );
        Assert.Equal(HostPatternProblem.LookupToken, HostPattern.Normalize(Ecr).Problem);
    }
}
