using System.Text;
using Containment.Core.Baseline;

namespace Containment.Tests.LogBaseline;

/// <summary>The quoted sample lines of shared/reference/aviatrix-dcf-logs.md, and the header variants a gateway writes.</summary>
public class DcfLineParserTests
{
    private static readonly string[] Samples = File.ReadAllLines(
        Path.Combine(AppContext.BaseDirectory, "LogBaseline", "Fixtures", "reference-samples.log")
    );

    private static ParsedLine Parse(string line) =>
        new DcfLineParser().Parse(Encoding.UTF8.GetBytes(line));

    [Fact]
    public void Every_quoted_sample_parses_to_the_verdict_the_reference_gives()
    {
        var kinds = Samples
            .Select(Parse)
            .Select(p => p.Kind == LineKind.Flow ? p.Flow.Verdict.ToString() : p.Kind.ToString())
            .ToList();

        Assert.Equal(
            [
                "Permit", // official doc example, ACT=PERMIT ENFORCED=true
                "Permit",
                "Permit",
                "Permit",
                "WouldDeny", // "DENY action (ENFORCED=false, monitoring mode)"
                "WouldDeny",
                "Malformed", // legacy 7.x shape: no SRC_IP/DST_IP, no ENFORCED
                "Permit",
                "Permit",
                "EnforcedDeny", // IPS_POLICY_DENY, enforced true
                "Permit",
                "NoDecision", // CONNECTION_SYN_ONLY_TIMEOUT: enforced false but no decided_by
                "Permit", // TLS_PROFILE check
            ],
            kinds
        );
    }

    [Fact]
    public void The_official_example_takes_its_time_from_the_program_stamp()
    {
        var flow = Parse(Samples[0]).Flow;

        Assert.Equal(LogLayer.L4, flow.Layer);
        Assert.Equal("54ea65c4-313e-4b3d-8db3-1ecc4f0981db", flow.RuleUuid);
        Assert.Equal(
            ("10.4.187.253", "10.5.144.38", 0, "ICMP"),
            (flow.ClientIp, flow.ServerIp, flow.ServerPort, flow.Protocol)
        );
        Assert.Equal(
            new DateTimeOffset(2022, 5, 25, 15, 57, 43, TimeSpan.Zero).ToUnixTimeSeconds(),
            flow.UnixSeconds
        );
    }

    [Fact]
    public void A_server_to_client_line_is_turned_round_so_the_ephemeral_port_is_the_clients()
    {
        // Sample line 37: SRC_IP=10.5.0.8 SRC_PORT=80 -> DST_IP=10.10.0.9 DST_PORT=46580.
        var flow = Parse(Samples[3]).Flow;

        Assert.Equal(
            ("10.10.0.9", "10.5.0.8", 80),
            (flow.ClientIp, flow.ServerIp, flow.ServerPort)
        );
    }

    [Fact]
    public void The_l7_sample_gives_the_sni_host_and_the_deciding_rule()
    {
        var flow = Parse(Samples[7]).Flow;

        Assert.Equal(
            (
                LogLayer.L7,
                "github.com",
                "1b513efd-dcb0-4bb5-8ea7-a43b482cad7a",
                "100.64.242.5",
                "140.82.112.3",
                443
            ),
            (flow.Layer, flow.SniHost, flow.RuleUuid, flow.ClientIp, flow.ServerIp, flow.ServerPort)
        );
        Assert.Equal(1772665021, flow.UnixSeconds);
    }

    [Theory]
    [InlineData(true, false, "AviatrixGwMicrosegPacket")]
    [InlineData(false, false, "AviatrixGwMicrosegPacket")]
    [InlineData(true, true, "AviatrixGwMicrosegPacket")]
    [InlineData(false, false, "AviatrixGwMicroSegPacket")] // the docs' spelling
    [InlineData(true, false, "AVIATRIXGWMICROSEGPACKET")]
    public void Header_variants_parse_the_same(bool priority, bool relay, string tag)
    {
        var line = DcfLogGenerator.L4(
            "100.64.3.221",
            42574,
            "149.28.58.137",
            443,
            "DENY",
            false,
            DcfLogGenerator.PodsRuleUuid,
            7,
            priority,
            relay,
            tag
        );

        var parsed = Parse(line);

        Assert.Equal(LineKind.Flow, parsed.Kind);
        Assert.Equal(FlowVerdict.WouldDeny, parsed.Flow.Verdict);
        Assert.Equal(
            ("100.64.3.221", "149.28.58.137", 443),
            (parsed.Flow.ClientIp, parsed.Flow.ServerIp, parsed.Flow.ServerPort)
        );
        Assert.Equal(
            new DateTimeOffset(2026, 3, 4, 22, 54, 41, TimeSpan.Zero).ToUnixTimeSeconds(),
            parsed.Flow.UnixSeconds
        );
    }

    [Fact]
    public void Field_names_and_values_are_matched_case_insensitively_and_in_any_order()
    {
        var parsed = Parse(
            "x AviatrixGwMicrosegPacket: enforced=FALSE act=Deny dst_port=443 src_port=50000 dst_ip=1.2.3.4 src_ip=10.0.0.1 policy=0D6C1A4E-1111-4B3D-8DB3-1ECC4F0981DB"
        );

        Assert.Equal(FlowVerdict.WouldDeny, parsed.Flow.Verdict);
        Assert.Equal(DcfLogGenerator.PodsRuleUuid, parsed.Flow.RuleUuid);
    }

    [Fact]
    public void An_l7_watch_mode_deny_with_a_deciding_rule_would_be_denied()
    {
        var parsed = Parse(
            DcfLogGenerator.L7(
                "100.64.0.9",
                50000,
                "203.0.113.7",
                443,
                "Deny",
                false,
                DcfLogGenerator.PodsRuleUuid,
                "API.Cohere.com."
            )
        );

        Assert.Equal(FlowVerdict.WouldDeny, parsed.Flow.Verdict);
        Assert.Equal("api.cohere.com", parsed.Flow.SniHost);
    }

    [Theory]
    [InlineData("DROP", false, FlowVerdict.WouldDeny)]
    [InlineData("DENY", true, FlowVerdict.EnforcedDeny)]
    [InlineData("Permit", false, FlowVerdict.Permit)]
    public void L7_actions_are_read_as_the_connector_normalises_them(
        string action,
        bool enforced,
        FlowVerdict expected
    ) =>
        Assert.Equal(
            expected,
            Parse(
                DcfLogGenerator.L7(
                    "100.64.0.9",
                    50000,
                    "203.0.113.7",
                    443,
                    action,
                    enforced,
                    DcfLogGenerator.PodsRuleUuid,
                    "a.example"
                )
            ).Flow.Verdict
        );

    [Theory]
    [InlineData(
        "<153>Mar  4 22:58:18 GW-x-1.2.3.4 traffic_server[5141]: {\"action\":\"Deny\",\"src\":\"10.1.5.205\"",
        "malformed or truncated"
    )]
    [InlineData(
        "<153>Mar  4 22:58:18 GW-x-1.2.3.4 traffic_server[5141]: {\"action\":\"Deny\",\"src\":\"10.1.5.205\"}",
        "without src, dest"
    )]
    [InlineData(
        "x AviatrixGwMicrosegPacket: SRC_IP=10.0.0.1 DST_IP=1.2.3.4 SRC_PORT=1 DST_PORT=99999 ACT=DENY ENFORCED=false",
        "SRC_PORT and DST_PORT"
    )]
    [InlineData(
        "x AviatrixGwMicrosegPacket: SRC_IP=10.0.0.1 DST_IP=1.2.3.4 SRC_PORT=1 DST_PORT=2 ACT=WATCH ENFORCED=false",
        "ACT is not"
    )]
    [InlineData(
        "x AviatrixGwMicrosegPacket: SRC_IP=10.0.0.1 DST_IP=not-an-ip SRC_PORT=1 DST_PORT=2 ACT=DENY ENFORCED=false",
        "not an IP"
    )]
    [InlineData(
        "x AviatrixGwMicrosegPacket: SRC_IP=10.0.0.1 DST_IP=1.2.3.4 SRC_PORT=1 DST_PORT=2 ACT=DENY",
        "ENFORCED"
    )]
    [InlineData("x AviatrixGwMicrosegPacket: SRC_IP=10.0.0.1\u0000 DST_IP=1.2.3.4", "binary")]
    public void Broken_lines_are_malformed_with_a_reason_and_never_throw(string line, string reason)
    {
        var parsed = Parse(line);

        Assert.Equal(LineKind.Malformed, parsed.Kind);
        Assert.Contains(reason, parsed.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_is_binary_garbage()
    {
        var parsed = new DcfLineParser().Parse([0x41, 0xC3, 0x28, 0x42]);

        Assert.Equal(LineKind.Malformed, parsed.Kind);
    }

    [Theory]
    [InlineData("<30>Mar  4 22:55:00 GW-x-1.2.3.4 cloudxd: heartbeat")]
    [InlineData("<153>Mar  4 22:55:00 GW-x-1.2.3.4 traffic_server[5141]: starting up")]
    [InlineData(
        "2019-12-12T04:36:53.173210+00:00 ip-172-32-0-6 avx-nfq: AviatrixFQDNRule1[CRIT]nfq_ssl_handle_client_hello() L#281  Gateway=spoke1-fqdn S_IP=172.32.1.144 D_IP=98.137.246.7 hostname=www.yahoo.com state=NO_MATCH drop_reason=NOT_WHITELISTED"
    )]
    public void Other_programs_lines_are_other_not_skipped(string line) =>
        Assert.Equal(LineKind.Other, Parse(line).Kind);

    [Fact]
    public void A_hostile_sni_is_dropped_and_the_flow_kept_by_ip()
    {
        var parsed = Parse(
            DcfLogGenerator.L7(
                "100.64.0.9",
                50000,
                "203.0.113.7",
                443,
                "Deny",
                false,
                DcfLogGenerator.PodsRuleUuid,
                "evil\\u001b[31m.example"
            )
        );

        Assert.Equal(LineKind.Flow, parsed.Kind);
        Assert.Null(parsed.Flow.SniHost);
        Assert.Equal("203.0.113.7", parsed.Flow.ServerIp);
    }
}
