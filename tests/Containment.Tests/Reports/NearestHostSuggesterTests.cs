using Containment.Core.Model;
using Containment.Core.Net;
using Containment.Core.Policy;
using Containment.Core.Reports;
using static Containment.Tests.Infrastructure.Models.SampleReviewPolicies;

namespace Containment.Tests.Reports;

public class NearestHostSuggesterTests
{
    private static PolicyModel Model() =>
        Base()
            .WithHosts(
                "llm-providers",
                h =>
                    h.Concat([
                        Host("*.openai.azure.com", Line(30, "endpoints.azureOpenAI")),
                        Host(
                            "eastus.api.cognitive.microsoft.com",
                            Line(33, "endpoints.custom[2].baseURL")
                        ),
                        Host("api.example.co.uk", Line(35, "endpoints.custom[3].baseURL")),
                    ])
            );

    [Theory]
    [InlineData("api.opneai.com", "api.openai.com", 1)]
    [InlineData("api.anthropc.com", "api.anthropic.com", 1)]
    [InlineData("api.openai.co", "api.openai.com", 1)]
    [InlineData("api.gorq.co", "api.groq.com", 2)]
    [InlineData("api.exampel.co.uk", "api.example.co.uk", 1)]
    [InlineData("api.exmpl.co.uk", "api.example.co.uk", 2)]
    public void Likely_typos_of_the_registrable_domain_are_suggested(
        string denied,
        string expected,
        int distance
    )
    {
        var suggestion = Assert.Single(
            NearestHostSuggester.Suggest(Model(), denied, SmartGroupRole.Pods)
        );

        Assert.Equal(
            new HostSuggestion(expected, SuggestionKind.Typo, expected, "llm-providers", distance),
            suggestion
        );
    }

    [Fact]
    public void A_typo_under_a_wildcard_suggests_the_concrete_host_it_would_allow()
    {
        var suggestion = Assert.Single(
            NearestHostSuggester.Suggest(Model(), "myres.openai.azur.com", SmartGroupRole.Pods)
        );

        Assert.Equal(
            new HostSuggestion(
                "myres.openai.azure.com",
                SuggestionKind.Typo,
                "*.openai.azure.com",
                "llm-providers",
                1
            ),
            suggestion
        );
    }

    [Fact]
    public void Sibling_subdomains_sharing_the_parent_domain_are_suggested()
    {
        var suggestions = NearestHostSuggester.Suggest(
            Model(),
            "westus.api.cognitive.microsoft.com",
            SmartGroupRole.Pods
        );

        Assert.Equal(
            [
                new HostSuggestion(
                    "eastus.api.cognitive.microsoft.com",
                    SuggestionKind.Sibling,
                    "eastus.api.cognitive.microsoft.com",
                    "llm-providers",
                    0
                ),
            ],
            suggestions
        );
        Assert.Equal(
            SuggestionKind.Sibling,
            Assert
                .Single(
                    NearestHostSuggester.Suggest(Model(), "files.openai.com", SmartGroupRole.Pods)
                )
                .Kind
        );
    }

    [Fact]
    public void The_apex_of_an_allowed_wildcard_is_explained()
    {
        var suggestion = Assert.Single(
            NearestHostSuggester.Suggest(Model(), "openai.azure.com", SmartGroupRole.Pods)
        );

        Assert.Equal(SuggestionKind.WildcardApex, suggestion.Kind);
        Assert.Equal("*.openai.azure.com", suggestion.Allowed);
    }

    [Theory]
    [InlineData("api.totally-different.com")]
    [InlineData("api.openaiii.net")]
    [InlineData("openai.com")]
    [InlineData("evil.com")]
    public void Unrelated_hosts_get_no_suggestion(string denied)
    {
        Assert.Empty(NearestHostSuggester.Suggest(Model(), denied, SmartGroupRole.Pods));
    }

    [Fact]
    public void Only_hosts_the_workload_may_reach_are_suggested()
    {
        // ghcr.io is allowed for nodes (registries), not for pods.
        Assert.Empty(NearestHostSuggester.Suggest(Model(), "ghcr.oi", SmartGroupRole.Pods));
        Assert.Equal(
            "ghcr.io",
            Assert
                .Single(NearestHostSuggester.Suggest(Model(), "ghcr.oi", SmartGroupRole.Nodes))
                .Host
        );
    }

    [Fact]
    public void Deploy_time_hosts_are_skipped_and_at_most_three_suggestions_come_back_in_a_stable_order()
    {
        var crowded = Base()
            .WithHosts(
                "llm-providers",
                h =>
                    h.Concat(
                        new[]
                        {
                            "a.example.com",
                            "b.example.com",
                            "c.example.com",
                            "d.example.com",
                            "{aws.region}.example.com",
                        }.Select(x => Host(x, Line(50, "x")))
                    )
            );

        var suggestions = NearestHostSuggester.Suggest(
            crowded,
            "z.example.com",
            SmartGroupRole.Pods
        );

        Assert.Equal(
            ["a.example.com", "b.example.com", "c.example.com"],
            suggestions.Select(s => s.Host)
        );
    }

    [Theory]
    [InlineData("openai", "openai", 0)]
    [InlineData("opneai", "openai", 1)]
    [InlineData("openai", "openia", 1)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "abc", 3)]
    [InlineData("ca", "abc", 3)]
    public void Damerau_levenshtein_counts_a_swap_of_neighbours_as_one_edit(
        string a,
        string b,
        int expected
    )
    {
        Assert.Equal(expected, EditDistance.DamerauLevenshtein(a, b));
        Assert.Equal(expected, EditDistance.DamerauLevenshtein(b, a));
    }

    [Theory]
    [InlineData("api.openai.com", "api", "openai.com")]
    [InlineData("openai.com", "", "openai.com")]
    [InlineData("www.example.co.uk", "www", "example.co.uk")]
    [InlineData("a.b.example.com.au", "a.b", "example.com.au")]
    [InlineData("localhost", "", "localhost")]
    public void Registrable_domain_split(string host, string prefix, string domain)
    {
        Assert.Equal((prefix, domain), RegistrableDomain.Split(host));
    }
}
