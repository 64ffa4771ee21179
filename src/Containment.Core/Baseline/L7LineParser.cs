using System.Text;
using System.Text.Json;
using Containment.Core.Net;

namespace Containment.Core.Baseline;

/// <summary>
/// The L7 JSON object after <c>traffic_server[PID]:</c> (shared/reference/aviatrix-dcf-logs.md §2; samples in
/// aviatrix-siem-connector test-tools/sample-logs/test-samples.log, field mapping in
/// logstash-configs/filters/11-l7-dcf.conf). No official document describes it. Keys are matched
/// case-insensitively. [Inferred, no sample shows one] a watch-mode deny is <c>"action":"Deny"</c> (or DROP) with
/// <c>"enforced":false</c> AND a <c>decided_by</c> rule UUID; an <c>enforced:false</c> deny without one is an
/// engine event (the SYN-only timeout sample), not a policy decision. The proxy terminates the client's
/// connection, so <c>src</c> is always the client and no direction is swapped.
/// </summary>
internal static class L7LineParser
{
    private static readonly JsonReaderOptions Options = new()
    {
        MaxDepth = 8,
        CommentHandling = JsonCommentHandling.Disallow,
    };

    public static ParsedLine Parse(ReadOnlySpan<byte> json, TextPool pool)
    {
        string? src = null,
            dest = null,
            rule = null,
            sni = null;
        int? destPort = null;
        bool? enforced = null,
            deny = null;
        long? timestamp = null;
        try
        {
            var reader = new Utf8JsonReader(json, Options);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return ParsedLine.Bad("traffic_server line whose payload is not a JSON object");
            }
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = Key(ref reader);
                reader.Read();
                switch (name)
                {
                    case Field.Action:
                        deny =
                            reader.TokenType == JsonTokenType.String
                                ? FlowValues.Decision(Value(ref reader))
                                : null;
                        break;
                    case Field.Src:
                        src =
                            reader.TokenType == JsonTokenType.String
                                ? FlowValues.Ip(Value(ref reader), pool)
                                : null;
                        break;
                    case Field.Dest:
                        dest =
                            reader.TokenType == JsonTokenType.String
                                ? FlowValues.Ip(Value(ref reader), pool)
                                : null;
                        break;
                    case Field.DestPort:
                        destPort = Port(ref reader);
                        break;
                    case Field.Enforced:
                        enforced = reader.TokenType switch
                        {
                            JsonTokenType.True => true,
                            JsonTokenType.False => false,
                            JsonTokenType.String
                                when Ascii.EqualsIgnoreCase(Value(ref reader), "true"u8) => true,
                            JsonTokenType.String
                                when Ascii.EqualsIgnoreCase(Value(ref reader), "false"u8) => false,
                            _ => null,
                        };
                        break;
                    case Field.DecidedBy:
                        rule =
                            reader.TokenType == JsonTokenType.String
                                ? FlowValues.Uuid(Value(ref reader), pool)
                                : null;
                        break;
                    case Field.Sni:
                        sni =
                            reader.TokenType == JsonTokenType.String
                                ? Sni(Value(ref reader), pool)
                                : null;
                        break;
                    case Field.Timestamp:
                        timestamp =
                            reader.TokenType == JsonTokenType.Number
                            && reader.TryGetInt64(out var t)
                            && t is > 0 and < 32_503_680_000
                                ? t
                                : null;
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }
        }
        catch (JsonException)
        {
            return ParsedLine.Bad("traffic_server line whose JSON is malformed or truncated");
        }
        if (src is null || dest is null || destPort is null)
        {
            return ParsedLine.Bad("traffic_server line without src, dest and dest_port");
        }
        if (deny is null || enforced is null)
        {
            return ParsedLine.Bad(
                "traffic_server line without action Permit|Deny and a boolean enforced"
            );
        }
        var verdict =
            !deny.Value ? FlowVerdict.Permit
            : enforced.Value ? FlowVerdict.EnforcedDeny
            : rule is null ? FlowVerdict.NoDecision
            : FlowVerdict.WouldDeny;
        return ParsedLine.Of(
            new FlowRecord(
                LogLayer.L7,
                verdict,
                rule,
                src,
                dest,
                destPort.Value,
                "TCP",
                sni,
                timestamp
            )
        );
    }

    private enum Field
    {
        Other,
        Action,
        Src,
        Dest,
        DestPort,
        Enforced,
        DecidedBy,
        Sni,
        Timestamp,
    }

    private static Field Key(ref Utf8JsonReader reader)
    {
        var key = Value(ref reader);
        return key switch
        {
            _ when Ascii.EqualsIgnoreCase(key, "action"u8) => Field.Action,
            _ when Ascii.EqualsIgnoreCase(key, "src"u8) => Field.Src,
            _ when Ascii.EqualsIgnoreCase(key, "dest"u8) => Field.Dest,
            _ when Ascii.EqualsIgnoreCase(key, "dest_port"u8) => Field.DestPort,
            _ when Ascii.EqualsIgnoreCase(key, "enforced"u8) => Field.Enforced,
            _ when Ascii.EqualsIgnoreCase(key, "decided_by"u8) => Field.DecidedBy,
            _ when Ascii.EqualsIgnoreCase(key, "sni_hostname"u8) => Field.Sni,
            _ when Ascii.EqualsIgnoreCase(key, "timestamp"u8) => Field.Timestamp,
            _ => Field.Other,
        };
    }

    /// <summary>The raw bytes of a string token; escaped strings (never seen in samples) are unescaped first.</summary>
    private static ReadOnlySpan<byte> Value(ref Utf8JsonReader reader) =>
        reader.ValueIsEscaped ? Encoding.UTF8.GetBytes(reader.GetString() ?? "") : reader.ValueSpan;

    private static int? Port(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var n))
        {
            return n is >= 0 and <= 65535 ? n : null;
        }
        return
            reader.TokenType == JsonTokenType.String
            && AsciiBytes.TryParsePort(Value(ref reader), out var p)
            ? p
            : null;
    }

    /// <summary>The SNI name in normal form, or null when it is not a host name (a wildcard, an IP, control characters).</summary>
    private static string? Sni(ReadOnlySpan<byte> text, TextPool pool)
    {
        if (text.IsEmpty || text.Length > 253)
        {
            return null;
        }
        var host = pool.Get(
            text,
            static s =>
                HostName.Normalize(s) is { } h
                && !HostName.IsWildcard(h)
                && HostName.Classify(h)
                    is not (
                        HostKind.PrivateAddress
                        or HostKind.PublicAddress
                        or HostKind.Loopback
                        or HostKind.Invalid
                    )
                    ? h
                    : ""
        );
        return host.Length == 0 ? null : host;
    }
}
