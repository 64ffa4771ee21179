using Containment.Core.Baseline;
using Containment.Core.Catalog;

namespace Containment.Tests.LogBaseline;

/// <summary>What would allow a would-be-denied destination: the setting whose catalogue entry names the host, an extraDestinations line, or "investigate".</summary>
public class AttributionTests
{
    private static readonly DestinationAdvisor Advisor = new(UpstreamModel.Build());

    [Fact]
    public void A_catalogued_host_names_the_setting_and_env_variable_that_switch_it_on()
    {
        var suggestion = Advisor.Suggest(
            "librechat-pods",
            new FlowDestination("api.cohere.com", "203.0.113.7", 443)
        );

        Assert.Equal(
            "looks like Cohere's API: set COHERE_API_KEY / webSearch.rerankerType: cohere.",
            suggestion
        );
    }

    [Fact]
    public void A_templated_catalogue_host_matches_through_the_host_matcher()
    {
        var suggestion = Advisor.Suggest(
            "librechat-pods",
            new FlowDestination("bedrock-runtime.eu-west-1.amazonaws.com", "203.0.113.7", 443)
        );

        Assert.StartsWith(
            "looks like Amazon Bedrock: set BEDROCK_AWS_DEFAULT_REGION",
            suggestion,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void A_host_nothing_names_is_to_be_investigated_with_the_extra_destinations_line_to_add()
    {
        var suggestion = Advisor.Suggest(
            "librechat-pods",
            new FlowDestination("beacon.evil.example", "203.0.113.7", 443)
        );

        Assert.Equal(
            "no configuration of LibreChat names this host: investigate (a possible beacon). If it is legitimate, add to Pulumi.dev.yaml containment:extraDestinations: - {host: beacon.evil.example, port: 443, reason: \"...\"}",
            suggestion
        );
    }

    [Fact]
    public void A_host_the_config_already_permits_means_the_deployed_policy_is_older()
    {
        var suggestion = Advisor.Suggest(
            "librechat-pods",
            new FlowDestination("api.groq.com", "203.0.113.7", 443)
        );

        Assert.StartsWith(
            "this config already permits it (permit-llm-providers)",
            suggestion,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void An_ip_only_destination_lists_the_hosts_allowed_on_its_port_and_asks_for_l7_logging()
    {
        var suggestion = Advisor.Suggest(
            "librechat-pods",
            new FlowDestination(null, "149.28.58.137", 443)
        );

        Assert.Equal(
            "seen by IP only; on port 443 this policy allows api.anthropic.com, api.groq.com, api.mistral.ai, api.weather.example.com, api.x.ai, openrouter.ai. If it was one of them, nothing to change; to know, turn on L7 (SNI) logging for the rule that logged it to see the host name.",
            suggestion
        );
    }

    [Fact]
    public void An_ip_only_destination_on_a_port_nothing_allows_is_to_be_investigated() =>
        Assert.StartsWith(
            "seen by IP only; this policy allows no host on port 6667: investigate",
            Advisor.Suggest("librechat-pods", new FlowDestination(null, "149.28.58.137", 6667)),
            StringComparison.Ordinal
        );

    [Fact]
    public void A_private_address_points_at_the_data_store_settings() =>
        Assert.StartsWith(
            "private address 10.9.9.9:6379 seen by IP only",
            Advisor.Suggest("librechat-pods", new FlowDestination(null, "10.9.9.9", 6379)),
            StringComparison.Ordinal
        );

    [Fact]
    public void Every_catalogue_entry_has_a_hint_so_a_new_entry_cannot_be_missed()
    {
        var missing = CatalogSet.BuiltIn.SelectMany(c =>
            c.Entries.Where(e => CatalogueHints.For(c.Name, e.Id) is null)
                .Select(e => c.Name + "/" + e.Id)
        );

        Assert.Empty(missing);
    }
}
