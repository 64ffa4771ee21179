using System.Globalization;
using System.Text;

namespace Containment.Tests.LogBaseline;

/// <summary>
/// Writes DCF log lines in the shapes the reference quotes (shared/reference/aviatrix-dcf-logs.md §1.3b, §2.3): an 8.2
/// L4 line with the syslog priority and the program stamp, optionally with the 2023 connector's relay prefix, and the
/// L7 traffic_server JSON. Shared by the tests and bench/Containment.Benchmarks, so what is timed is what is tested.
/// </summary>
public static class DcfLogGenerator
{
    public const string PodsRuleUuid = "0d6c1a4e-1111-4b3d-8db3-1ecc4f0981db";
    public const string LlmRuleUuid = "0d6c1a4e-2222-4b3d-8db3-1ecc4f0981db";
    public const string DataStoresDenyUuid = "0d6c1a4e-3333-4b3d-8db3-1ecc4f0981db";

    private static readonly DateTime Start = new(2026, 3, 4, 22, 54, 34, DateTimeKind.Utc);

    public static string L4(
        string src,
        int srcPort,
        string dst,
        int dstPort,
        string act,
        bool enforced,
        string policy,
        int secondsAfterStart = 0,
        bool priority = true,
        bool relay = false,
        string tag = "AviatrixGwMicrosegPacket"
    )
    {
        var t = Start.AddSeconds(secondsAfterStart);
        var header = new StringBuilder();
        if (priority)
        {
            header.Append("<158>");
        }
        if (relay)
        {
            header.Append(
                CultureInfo.InvariantCulture,
                $"{t:MMM d HH:mm:ss} relay-host-10.0.0.5 syslog "
            );
        }
        header.Append(
            CultureInfo.InvariantCulture,
            $"{t:MMM} {t.Day, 2} {t:HH:mm:ss} GW-backend-eks-spoke-18.119.198.171-sink /usr/local/bin/avx-gw-state-sync {t:yyyy/MM/dd HH:mm:ss} "
        );
        return header
            + string.Create(
                CultureInfo.InvariantCulture,
                $"{tag}: POLICY={policy} SRC_MAC=02:c4:64:a1:45:77 DST_MAC=02:c7:c5:7c:2e:b3 IP_SZ=60 SRC_IP={src} DST_IP={dst} PROTO=TCP SRC_PORT={srcPort} DST_PORT={dstPort} DATA=0x ACT={act} ENFORCED={(enforced ? "true" : "false")} SESSION_ID=3574532756463495801 SESSION_EVENT=0 SESSION_END_REASON=0 SESSION_PKT_CNT=0 SESSION_BYTE_CNT=0 SESSION_DUR=0"
            );
    }

    public static string L7(
        string src,
        int srcPort,
        string dst,
        int dstPort,
        string action,
        bool enforced,
        string? decidedBy,
        string? sni,
        int secondsAfterStart = 0
    )
    {
        var t = Start.AddSeconds(secondsAfterStart);
        var unix = new DateTimeOffset(t).ToUnixTimeSeconds();
        var json = new StringBuilder("{\"priority\":\"LOG_ALERT\"");
        json.Append(
            CultureInfo.InvariantCulture,
            $",\"action\":\"{action}\",\"reason\":\"POLICY\",\"src\":\"{src}\",\"src_port\":{srcPort},\"dest\":\"{dst}\",\"dest_port\":{dstPort},\"enforced\":{(enforced ? "true" : "false")},\"ids\":false,\"stage\":\"SNI\""
        );
        if (sni is not null)
        {
            json.Append(CultureInfo.InvariantCulture, $",\"sni_hostname\":\"{sni}\"");
        }
        if (decidedBy is not null)
        {
            json.Append(CultureInfo.InvariantCulture, $",\"decided_by\":\"{decidedBy}\"");
        }
        json.Append(
            CultureInfo.InvariantCulture,
            $",\"proto\":\"TCP\",\"session_stage\":\"start\",\"session_id\":\"52e4c272-6a9c-406f-88e2-414b7f4e5ef9\",\"timestamp\":{unix}}}"
        );
        return string.Create(
            CultureInfo.InvariantCulture,
            $"<153>{t:MMM} {t.Day, 2} {t:HH:mm:ss} GW-frontend-eks-spoke-18.216.17.241-sink traffic_server[5141]: {json}"
        );
    }

    /// <summary>
    /// <paramref name="count"/> lines of a busy gateway: mostly permits, some would-be denies to a handful of hosts and IPs,
    /// enforced denies, other syslog programs and a little garbage, from 200 client IPs. Deterministic for a seed.
    /// </summary>
    public static IEnumerable<string> Busy(int count, int seed = 15)
    {
        var random = new Random(seed);
        string[] hosts =
        [
            "api.cohere.com",
            "beacon.evil.example",
            "api.anthropic.com",
            "telemetry.example.net",
        ];
        for (var i = 0; i < count; i++)
        {
            var client = string.Create(
                CultureInfo.InvariantCulture,
                $"100.64.{random.Next(0, 2)}.{random.Next(1, 101)}"
            );
            var port = random.Next(32768, 61000);
            var second = i / 100;
            yield return random.Next(0, 100) switch
            {
                < 55 => L4(client, port, "10.5.0.8", 27017, "PERMIT", true, PodsRuleUuid, second),
                < 70 => L7(
                    client,
                    port,
                    "140.82.112.3",
                    443,
                    "Permit",
                    true,
                    LlmRuleUuid,
                    "api.anthropic.com",
                    second
                ),
                < 80 => L7(
                    client,
                    port,
                    string.Create(CultureInfo.InvariantCulture, $"203.0.113.{random.Next(1, 20)}"),
                    443,
                    "Deny",
                    false,
                    PodsRuleUuid,
                    hosts[random.Next(hosts.Length)],
                    second
                ),
                < 88 => L4(
                    client,
                    port,
                    string.Create(CultureInfo.InvariantCulture, $"198.51.100.{random.Next(1, 50)}"),
                    443,
                    "DENY",
                    false,
                    PodsRuleUuid,
                    second
                ),
                < 92 => L4(
                    "10.5.0.8",
                    27017,
                    client,
                    port,
                    "DENY",
                    true,
                    DataStoresDenyUuid,
                    second
                ),
                < 98 =>
                    "<30>Mar  4 22:55:00 GW-backend-eks-spoke-18.119.198.171-sink cloudxd: gateway heartbeat ok",
                _ =>
                    "<153>Mar  4 22:55:00 GW-frontend traffic_server[5141]: {\"action\":\"Deny\",\"src\":\"100.64.0.1\"",
            };
        }
    }
}
