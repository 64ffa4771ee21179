using System.Globalization;
using System.Text.RegularExpressions;
using Containment.Core.Diagnostics;
using Containment.Core.Yaml;

namespace Containment.Core.LibreChat.Schema;

/// <summary>
/// The zod <c>.refine()</c>/<c>.superRefine()</c> rules of LibreChat's config schema that can reject a
/// config and that we re-implement. generate.mjs recognises each one by the messages it reports and
/// tags its schema node with <c>x-refine: name</c>; the evaluator calls <see cref="Check"/> on a value
/// its base schema accepted, as zod does. Each rule is a transcription of librechat-data-provider 0.8.524.
/// </summary>
internal static partial class Refinements
{
    private static readonly HashSet<string> Names = new(StringComparer.Ordinal)
    {
        "nonEmptyMapping",
        "modelSpecPresetEndpoint",
        "addParamsWebSearch",
        "cloudfront",
        "startsWithDot",
        "notReservedEndpointName",
        "allowedAddress",
        "oauthClientCredentials",
        "rangePositiveMin",
        "mimeTypeRegex",
    };

    public static bool IsKnown(string name) => Names.Contains(name);

    public static void Check(
        string name,
        IReadOnlyList<string> args,
        string file,
        YNode node,
        string path,
        int depth,
        List<SchemaIssue> issues
    )
    {
        switch (name)
        {
            case "nonEmptyMapping" when node is YMapping { Entries.Count: 0 }:
                // endpoints: .refine(data => Object.keys(data).length > 0)
                issues.Add(
                    new(
                        SchemaIssue.At(file, node).RefineEndpointsEmpty(Label(path)),
                        node,
                        path,
                        depth
                    )
                );
                break;
            case "modelSpecPresetEndpoint" when node is YMapping preset:
                CheckPresetEndpoint(preset, file, path, depth, issues);
                break;
            case "addParamsWebSearch" when node is YMapping addParams:
                if (
                    addParams["web_search"] is { } webSearch
                    && webSearch is not YScalar { Kind: YScalarKind.Bool }
                )
                {
                    issues.Add(
                        new(
                            SchemaIssue
                                .At(file, webSearch)
                                .RefineAddParamsWebSearch(Child(path, "web_search")),
                            webSearch,
                            Child(path, "web_search"),
                            depth + 1
                        )
                    );
                }
                break;
            case "cloudfront" when node is YMapping cloudfront:
                CheckCloudfront(cloudfront, file, path, depth, issues);
                break;
            case "startsWithDot"
                when node is YScalar { Kind: YScalarKind.String } domain
                    && !domain.Value.StartsWith('.'):
                issues.Add(
                    new(
                        SchemaIssue
                            .At(file, node)
                            .RefineCloudfront(
                                Label(path),
                                "must start with a dot (e.g. \".example.com\") to apply to subdomains"
                            ),
                        node,
                        path,
                        depth
                    )
                );
                break;
            case "notReservedEndpointName"
                when node is YScalar { Kind: YScalarKind.String } endpointName
                    && args.Contains(endpointName.Value, StringComparer.Ordinal):
                issues.Add(
                    new(
                        SchemaIssue
                            .At(file, node)
                            .RefineReservedCustomEndpointName(
                                Label(path),
                                endpointName.Value,
                                args
                            ),
                        node,
                        path,
                        depth
                    )
                );
                break;
            case "allowedAddress"
                when node is YScalar { Kind: YScalarKind.String } entry
                    && AllowedAddressProblem(entry.Value) is { } problem:
                issues.Add(
                    new(
                        SchemaIssue.At(file, node).RefineAllowedAddress(Label(path), problem),
                        node,
                        path,
                        depth
                    )
                );
                break;
            case "oauthClientCredentials" when node is YMapping oauth:
                CheckOAuthClientCredentials(oauth, file, path, depth, issues);
                break;
            case "rangePositiveMin"
                when node is YMapping range
                    && range["positiveMin"]
                        is YScalar { Kind: YScalarKind.Int or YScalarKind.Float } positiveMin
                    && range["max"] is YScalar { Kind: YScalarKind.Int or YScalarKind.Float } max
                    && !(JsYamlValue.ToNumber(positiveMin) <= JsYamlValue.ToNumber(max)):
                issues.Add(
                    new(
                        SchemaIssue
                            .At(file, positiveMin)
                            .RefineRangePositiveMin(Child(path, "positiveMin")),
                        positiveMin,
                        Child(path, "positiveMin"),
                        depth + 1
                    )
                );
                break;
            case "mimeTypeRegex"
                when node is YScalar { Kind: YScalarKind.String } mime
                    && !JsRegex.IsValidJavaScriptRegex(mime.Value):
                issues.Add(
                    new(
                        SchemaIssue.At(file, node).RefineMimeTypeRegex(Label(path)),
                        node,
                        path,
                        depth
                    )
                );
                break;
            default:
                break;
        }
    }

    // validateOAuthClientCredentials: a secret needs an id; id + secret need both explicit endpoints
    // (no dynamic discovery with a confidential client).
    private static void CheckOAuthClientCredentials(
        YMapping oauth,
        string file,
        string path,
        int depth,
        List<SchemaIssue> issues
    )
    {
        var secret = oauth.Find("client_secret");
        if (secret is null || !IsTruthy(secret.Value))
        {
            return;
        }
        var secretPath = Child(path, "client_secret");
        if (!IsTruthy(oauth["client_id"]))
        {
            issues.Add(
                new(
                    SchemaIssue
                        .At(file, secret.Key)
                        .RefineOAuthClientCredentials(secretPath, hasClientId: false),
                    secret.Key,
                    secretPath,
                    depth + 1
                )
            );
        }
        else if (!IsTruthy(oauth["authorization_url"]) || !IsTruthy(oauth["token_url"]))
        {
            issues.Add(
                new(
                    SchemaIssue
                        .At(file, secret.Key)
                        .RefineOAuthClientCredentials(secretPath, hasClientId: true),
                    secret.Key,
                    secretPath,
                    depth + 1
                )
            );
        }
    }

    // preset.endpoint may be omitted only when a non-empty agent_id lets LibreChat infer "agents";
    // an explicit `endpoint: null` stays accepted.
    private static void CheckPresetEndpoint(
        YMapping preset,
        string file,
        string path,
        int depth,
        List<SchemaIssue> issues
    )
    {
        if (preset.Find("endpoint") is not null || IsTruthy(preset["agent_id"]))
        {
            return;
        }
        var endpointPath = Child(path, "endpoint");
        issues.Add(
            new(
                SchemaIssue.At(file, preset).RefineModelSpecEndpointRequired(endpointPath),
                preset,
                endpointPath,
                depth + 1
            )
        );
    }

    // Three chained .refine() calls over the parsed object (defaults applied: invalidateOnDelete=false,
    // imageSigning="none", requireSignedAccess=false). Chained refinements all run, so all can report.
    private static void CheckCloudfront(
        YMapping cloudfront,
        string file,
        string path,
        int depth,
        List<SchemaIssue> issues
    )
    {
        var signing = cloudfront["imageSigning"] is YScalar { Kind: YScalarKind.String } s
            ? s.Value
            : "none";
        if (IsTrue(cloudfront["invalidateOnDelete"]) && !IsTruthy(cloudfront["distributionId"]))
        {
            Add("distributionId", "distributionId is required when invalidateOnDelete is true");
        }
        if (signing == "cookies" && !IsTruthy(cloudfront["cookieDomain"]))
        {
            Add("cookieDomain", "cookieDomain is required when imageSigning is \"cookies\"");
        }
        if (IsTrue(cloudfront["requireSignedAccess"]) && signing != "cookies")
        {
            Add(
                "requireSignedAccess",
                "requireSignedAccess: true requires imageSigning: \"cookies\" (signed URL mode is not yet implemented)"
            );
        }

        void Add(string key, string message)
        {
            var at = (YNode?)cloudfront.Find(key)?.Key ?? cloudfront;
            issues.Add(
                new(
                    SchemaIssue.At(file, at).RefineCloudfront(Child(path, key), message),
                    at,
                    Child(path, key),
                    depth + 1
                )
            );
        }
    }

    /// <summary>allowedAddressEntrySchema: four chained refinements; the first failing one explains best.</summary>
    internal static string? AllowedAddressProblem(string entry)
    {
        if (entry.Length == 0 || entry.Trim().Length == 0)
        {
            return "allowedAddresses entries must be non-empty";
        }
        if (
            entry.Contains("://", StringComparison.Ordinal)
            || entry.Contains('/', StringComparison.Ordinal)
            || Whitespace().IsMatch(entry)
        )
        {
            return "allowedAddresses entries must be host:port pairs (no URLs, paths, CIDR ranges, or whitespace)";
        }
        if (ParseAllowedAddress(entry) is not { } address)
        {
            return "allowedAddresses entries must include a port, for example localhost:11434 or [::1]:11434";
        }
        var isIPv4 = IPv4Literal().IsMatch(address);
        var isIPv6 = !isIPv4 && address.Contains(':', StringComparison.Ordinal);
        if ((isIPv4 && !IsPrivateIPv4(address)) || (isIPv6 && !IsPrivateIPv6(address)))
        {
            return "allowedAddresses is scoped to private IP space; public IP literals are not permitted (use hostname:port if it resolves to a private IP)";
        }
        return null;
    }

    private static string? ParseAllowedAddress(string entry)
    {
        var trimmed = entry.ToLowerInvariant().Trim();
        var bracketed = BracketedHostPort().Match(trimmed);
        var plain = bracketed.Success ? Match.Empty : PlainHostPort().Match(trimmed);
        var match = bracketed.Success ? bracketed : plain;
        if (!match.Success)
        {
            return null;
        }
        var address = match.Groups[1].Value.TrimStart('[').TrimEnd(']');
        var portText = match.Groups[2].Value.TrimStart('0');
        var portOk =
            portText.Length is > 0 and <= 5
            && int.Parse(portText, CultureInfo.InvariantCulture) is >= 1 and <= 65535;
        return address.Length > 0 && portOk ? address : null;
    }

    private static bool IsPrivateIPv4(string value)
    {
        var match = IPv4Literal().Match(value);
        if (!match.Success)
        {
            return false;
        }
        var a = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var b = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        var c = int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture);
        return a is 0 or 10 or 127
            || (a == 169 && b == 254)
            || (a == 172 && b is >= 16 and <= 31)
            || (a == 192 && b == 168)
            || (a == 192 && b == 0 && c == 0)
            || (a == 100 && b is >= 64 and <= 127)
            || (a == 198 && b is 18 or 19)
            || a >= 224;
    }

    private static bool IsPrivateIPv6(string value)
    {
        if (
            value is "::1" or "::"
            || value.StartsWith("fc", StringComparison.Ordinal)
            || value.StartsWith("fd", StringComparison.Ordinal)
        )
        {
            return true;
        }
        var first = value.Split(':')[0];
        if (Hextet().IsMatch(first) && (Convert.ToInt32(first, 16) & 0xFFC0) == 0xFE80)
        {
            return true;
        }
        var mapped = MappedIPv4().Match(value);
        return mapped.Success
            ? IsPrivateIPv4(mapped.Groups[1].Value)
            : HasPrivateEmbeddedIPv4(value);
    }

    // 6to4, NAT64 and Teredo carry an IPv4 address inside the IPv6 one (Teredo's is bit-inverted).
    private static bool HasPrivateEmbeddedIPv4(string value)
    {
        var is6To4 = value.StartsWith("2002:", StringComparison.Ordinal);
        var isNat64 = value.StartsWith("64:ff9b::", StringComparison.Ordinal);
        var isTeredo = value.StartsWith("2001::", StringComparison.Ordinal);
        if (!is6To4 && !isNat64 && !isTeredo)
        {
            return false;
        }
        var segments = value.Split(':').Where(s => s.Length > 0).ToList();
        var pair = is6To4
            ? segments.Skip(1).Take(2).ToList()
            : segments.Skip(Math.Max(0, segments.Count - 2)).ToList();
        if (
            pair.Count != 2
            || !TryParseHexPrefix(pair[0], out var hi)
            || !TryParseHexPrefix(pair[1], out var lo)
        )
        {
            return false;
        }
        if (isTeredo)
        {
            (hi, lo) = (~hi, ~lo);
        }
        return IsPrivateIPv4(
            string.Create(
                CultureInfo.InvariantCulture,
                $"{(hi >> 8) & 255}.{hi & 255}.{(lo >> 8) & 255}.{lo & 255}"
            )
        );
    }

    // JavaScript parseInt(text, 16): the longest hex-digit prefix; NaN when there is none.
    private static bool TryParseHexPrefix(string text, out long value)
    {
        var digits = new string([.. text.TakeWhile(char.IsAsciiHexDigit)]);
        value = 0;
        if (digits.Length == 0)
        {
            return false;
        }
        value = digits.Length > 15 ? long.MaxValue : Convert.ToInt64(digits, 16);
        return true;
    }

    private static bool IsTrue(YNode? node) =>
        node is YScalar { Kind: YScalarKind.Bool } b
        && string.Equals(b.Value, "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>JavaScript truthiness of a loaded value (absent, null, false, 0, NaN and "" are falsy).</summary>
    private static bool IsTruthy(YNode? node) =>
        node switch
        {
            null => false,
            YScalar { Kind: YScalarKind.Null } => false,
            YScalar { Kind: YScalarKind.Bool } b => IsTrue(b),
            YScalar { Kind: YScalarKind.String } s => s.Value.Length > 0,
            YScalar number => JsYamlValue.ToNumber(number) is var n && n != 0 && !double.IsNaN(n),
            _ => true,
        };

    private static string Child(string path, string key) =>
        path.Length == 0 ? key : path + "." + key;

    private static string Label(string path) => SchemaEvaluator.Label(path);

    [GeneratedRegex(@"\s", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$", RegexOptions.ECMAScript)]
    private static partial Regex IPv4Literal();

    [GeneratedRegex(@"^\[([^\]]+)\]:(\d+)$", RegexOptions.ECMAScript)]
    private static partial Regex BracketedHostPort();

    [GeneratedRegex(@"^([^:]+):(\d+)$", RegexOptions.ECMAScript)]
    private static partial Regex PlainHostPort();

    [GeneratedRegex("^[0-9a-f]{1,4}$", RegexOptions.CultureInvariant)]
    private static partial Regex Hextet();

    [GeneratedRegex(@"^::ffff:(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})$", RegexOptions.ECMAScript)]
    private static partial Regex MappedIPv4();
}
