using Containment.Core.Model;
using Containment.Core.Reports;

namespace Containment.Tests.Reports;

public class HostArgumentTests
{
    [Fact]
    public void A_bare_host_is_taken_as_is_on_port_443_without_notes()
    {
        Assert.Equal(
            new HostArgument("api.openai.com", 443, [], null),
            HostArgument.Parse("api.openai.com") with
            {
                Notes = [],
            }
        );
        Assert.Empty(HostArgument.Parse("api.openai.com").Notes);
    }

    [Fact]
    public void A_url_is_reduced_to_its_host_with_notes_that_never_echo_the_path_or_user_info()
    {
        var parsed = HostArgument.Parse("https://user:s3cret@API.OpenAI.com/v1/chat?key=sk-abc123");

        Assert.True(parsed.IsValid);
        Assert.Equal("api.openai.com", parsed.Host);
        Assert.Equal(443, parsed.Port);
        Assert.Contains(parsed.Notes, n => n.Contains("scheme", StringComparison.Ordinal));
        Assert.Contains(parsed.Notes, n => n.Contains("path and query", StringComparison.Ordinal));
        Assert.Contains(parsed.Notes, n => n.Contains("user info", StringComparison.Ordinal));
        var all = string.Join("\n", parsed.Notes);
        Assert.DoesNotContain("s3cret", all, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-abc123", all, StringComparison.Ordinal);
        Assert.DoesNotContain("/v1/chat", all, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("api.openai.com:8443", null, 8443)]
    [InlineData("http://api.openai.com", null, 80)]
    [InlineData("https://api.openai.com:8443/", 443, 443)]
    [InlineData("api.openai.com", 8080, 8080)]
    public void The_port_comes_from_port_option_then_the_url_then_the_scheme(
        string raw,
        int? option,
        int expected
    )
    {
        var parsed = HostArgument.Parse(raw, option);

        Assert.Equal(expected, parsed.Port);
        Assert.Equal("api.openai.com", parsed.Host);
    }

    [Fact]
    public void A_trailing_slash_alone_is_not_worth_a_path_note()
    {
        Assert.DoesNotContain(
            HostArgument.Parse("https://api.openai.com/").Notes,
            n => n.Contains("path", StringComparison.Ordinal)
        );
    }

    [Theory]
    [InlineData(null, "empty")]
    [InlineData("   ", "empty")]
    [InlineData("https://", "no host name")]
    [InlineData("bad host!", "not a valid host name")]
    [InlineData("*.openai.com", "wildcard")]
    [InlineData("${OPENAI_HOST}", "not a valid host name")]
    public void Unusable_hosts_are_rejected_with_a_clear_message(string? raw, string expected)
    {
        var parsed = HostArgument.Parse(raw);

        Assert.False(parsed.IsValid);
        Assert.Contains(expected, parsed.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(70000)]
    public void Ports_outside_the_tcp_range_are_rejected(int port)
    {
        Assert.Contains(
            "not a TCP port",
            HostArgument.Parse("api.openai.com", port).Error,
            StringComparison.Ordinal
        );
    }

    [Theory]
    [InlineData("mongodb.librechat.svc.cluster.local", "in-cluster")]
    [InlineData("localhost", "loopback")]
    [InlineData("10.0.0.5", "private address")]
    [InlineData("8.8.8.8", "IP address")]
    public void Non_internet_hosts_are_accepted_with_a_note(string raw, string expected)
    {
        var parsed = HostArgument.Parse(raw);

        Assert.True(parsed.IsValid);
        Assert.Contains(parsed.Notes, n => n.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Workload_names_parse_and_unknown_ones_say_what_is_allowed()
    {
        Assert.Equal(SmartGroupRole.DataStores, Workloads.Parse("data-stores"));
        Assert.Null(Workloads.Parse("db"));
        Assert.Equal(
            "Unknown workload \"db\": use pods, data-stores, nodes, rag-api.",
            Workloads.UnknownMessage("db")
        );
    }
}
