using System.Text.Json.Nodes;
using Containment.Core.IO;
using Containment.Core.Policy;
using Containment.Core.Targets;
using Containment.Core.Targets.Aviatrix;
using Containment.Core.Targets.AviatrixCrd;
using Containment.Core.Targets.Pulumi;
using Containment.Core.Targets.Terraform;

namespace Containment.Tests.Targets;

/// <summary>
/// One permitted or denied flow: which workloads (a SmartGroup selector: type, namespace, labels), to which host (or,
/// for a rule without WebGroups, to which destination group), on which port range (<c>*</c> for a rule without ports),
/// with which action. Derived independently from the model and from each target's parsed output so the targets can
/// be compared with the model and with each other, ports included (issue 10 item 5: a host must not gain a port
/// in one target that another does not give it).
/// </summary>
public sealed record PolicyTriple(
    string Source,
    string Host,
    string Action,
    string Port = PolicyTriples.AnyPort
)
{
    public override string ToString() => $"{Source} -> {Host}:{Port} : {Action}";
}

public static class PolicyTriples
{
    public const string AnyPort = "*";

    private static string PortText(long low, long? high) =>
        high is { } h && h != low ? $"{low}-{h}" : $"{low}";

    private static List<string> PortsOf(IReadOnlyList<PortRange> ports) =>
        ports.Count == 0 ? [AnyPort] : [.. ports.Select(p => PortText(p.Low, p.High))];

    /// <summary>An integer however the parser stored it (the YAML reader gives long, JSON an element).</summary>
    private static long Number(JsonNode node) =>
        node.GetValueKind() == System.Text.Json.JsonValueKind.Number
            ? long.Parse(node.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture)
            : throw new InvalidDataException($"not a number: {node}");

    /// <summary>Port texts of a Terraform <c>port_ranges</c> / Pulumi <c>portRanges</c> list of <c>{lo, hi}</c> objects.</summary>
    private static List<string> PortsOf(JsonNode? ranges) =>
        ranges is JsonArray list && list.Count > 0
            ?
            [
                .. list.Select(r =>
                    PortText(Number(r!["lo"]!), r["hi"] is { } hi ? Number(hi) : null)
                ),
            ]
            : [AnyPort];

    public static string SelectorKey(
        string type,
        string? ns,
        IEnumerable<KeyValuePair<string, string>> labels
    ) =>
        $"{type}|{ns ?? "*"}|{string.Join(",", labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}"))}";

    public static SortedSet<PolicyTriple> FromModel(
        PolicyModel model,
        Func<SmartGroupSelector, bool>? sourceFilter = null,
        Func<WebGroupHost, bool>? hostFilter = null,
        Func<PolicyRule, bool>? ruleFilter = null
    )
    {
        var triples = NewSet();
        foreach (var rule in model.Rules.Where(r => ruleFilter?.Invoke(r) ?? true))
        {
            var action = rule.Action == RuleAction.Permit ? "PERMIT" : "DENY";
            var hosts =
                rule.WebGroups.Count > 0
                    ? model
                        .WebGroups.Where(w => rule.WebGroups.Contains(w.Name))
                        .SelectMany(w => w.Hosts)
                        .Where(h => hostFilter?.Invoke(h) ?? true)
                        .Select(h => h.Host)
                        .ToList()
                    : rule.Destinations.ToList();
            foreach (
                var selector in rule.Sources.SelectMany(s =>
                    model.SmartGroups.Single(g => g.Name == s).Selectors
                )
            )
            {
                if (sourceFilter is not null && !sourceFilter(selector))
                {
                    continue;
                }

                foreach (var host in hosts)
                {
                    foreach (var port in PortsOf(rule.Ports))
                    {
                        triples.Add(
                            new PolicyTriple(
                                SelectorKey(selector.Type, selector.Namespace, selector.Labels),
                                host,
                                action,
                                port
                            )
                        );
                    }
                }
            }
        }

        return triples;
    }

    /// <summary>Parses the FirewallPolicy back: selectors are pods in metadata.namespace; WebGroups by name; UUIDs to predefined names.</summary>
    public static SortedSet<PolicyTriple> FromCrd(TargetOutput output)
    {
        var doc = YamlJson
            .ReadDocuments(output.Find(AviatrixCrdWriter.PolicyFile)!.Content)
            .Single()!;
        var ns = doc["metadata"]!["namespace"]!.GetValue<string>();
        var prefix = doc["metadata"]!["name"]!.GetValue<string>() + "-"; // ControllerNames: the stack's ruleset name
        var webGroups = (doc["spec"]!["webGroups"] as JsonArray ?? []).ToDictionary(
            w => w!["name"]!.GetValue<string>(),
            w => w!["domains"]!.AsArray().Select(d => d!.GetValue<string>()).ToList(),
            StringComparer.Ordinal
        );
        var triples = NewSet();
        foreach (var rule in doc["spec"]!["rules"]!.AsArray())
        {
            var labels = rule!["selector"]!["matchLabels"]!
                .AsObject()
                .Select(p => KeyValuePair.Create(p.Key, p.Value!.GetValue<string>()));
            var source = SelectorKey("k8s", ns, labels);
            var action = rule["action"]!.GetValue<string>().ToUpperInvariant();
            var hosts = rule["webGroups"] is JsonArray refs
                ? refs.SelectMany(r => webGroups[r!["name"]!.GetValue<string>()]).ToList()
                : rule["destinationSmartGroups"]!
                    .AsArray()
                    .Select(d =>
                        d!["name"]?.GetValue<string>()[prefix.Length..]
                        ?? PredefinedName(d["uuid"]!.GetValue<string>())
                    )
                    .ToList();
            var port = rule["port"] is { } low
                ? PortText(Number(low), rule["endPort"] is { } end ? Number(end) : null)
                : AnyPort;
            foreach (var host in hosts)
            {
                triples.Add(new PolicyTriple(source, host, action, port));
            }
        }

        return triples;
    }

    /// <summary>Parses main.tf.json back: references resolve to resources; interpolated hosts turn back into lookup tokens.</summary>
    public static SortedSet<PolicyTriple> FromTerraform(
        TargetOutput output,
        IEnumerable<string> tokens
    )
    {
        var main = JsonNode.Parse(output.Find("main.tf.json")!.Content)!;
        var resources = main["resource"]!;
        var selectors = resources["aviatrix_smart_group"]!
            .AsObject()
            .ToDictionary(
                g => $"${{aviatrix_smart_group.{g.Key}.uuid}}",
                g =>
                    g.Value!["selector"]![0]!["match_expressions"]!
                        .AsArray()
                        .Select(e =>
                            SelectorKey(
                                e!["type"]!.GetValue<string>(),
                                e["k8s_namespace"]?.GetValue<string>(),
                                (e["tags"] as JsonObject ?? []).Select(p =>
                                    KeyValuePair.Create(p.Key, p.Value!.GetValue<string>())
                                )
                            )
                        )
                        .ToList(),
                StringComparer.Ordinal
            );
        // Controller names carry the stack's ruleset name as a prefix (ControllerNames); the model's names do not.
        var prefix =
            resources["aviatrix_dcf_ruleset"]!.AsObject().Single().Value![
                "name"
            ]!.GetValue<string>() + "-";
        var groupNames = resources["aviatrix_smart_group"]!
            .AsObject()
            .ToDictionary(
                g => $"${{aviatrix_smart_group.{g.Key}.uuid}}",
                g => g.Value!["name"]!.GetValue<string>()[prefix.Length..],
                StringComparer.Ordinal
            );
        var tokenList = tokens.ToList();
        var webGroups = resources["aviatrix_web_group"]!
            .AsObject()
            .ToDictionary(
                w => $"${{aviatrix_web_group.{w.Key}.uuid}}",
                w =>
                    w.Value!["selector"]![0]!["match_expressions"]!
                        .AsArray()
                        .Select(e =>
                            TerraformLookups.Deinterpolate(
                                e!["snifilter"]!.GetValue<string>(),
                                tokenList
                            )
                        )
                        .ToList(),
                StringComparer.Ordinal
            );

        var triples = NewSet();
        foreach (var ruleset in resources["aviatrix_dcf_ruleset"]!.AsObject())
        {
            foreach (var rule in ruleset.Value!["rules"]!.AsArray())
            {
                var action = rule!["action"]!.GetValue<string>();
                var hosts = rule["web_groups"] is JsonArray refs
                    ? refs.SelectMany(r => webGroups[r!.GetValue<string>()]).ToList()
                    : rule["dst_smart_groups"]!
                        .AsArray()
                        .Select(d => d!.GetValue<string>())
                        .Select(d => groupNames.GetValueOrDefault(d) ?? PredefinedName(d))
                        .ToList();
                foreach (
                    var source in rule["src_smart_groups"]!
                        .AsArray()
                        .SelectMany(s => selectors[s!.GetValue<string>()])
                )
                {
                    foreach (var host in hosts)
                    {
                        foreach (var port in PortsOf(rule["port_ranges"]))
                        {
                            triples.Add(new PolicyTriple(source, host, action, port));
                        }
                    }
                }
            }
        }

        return triples;
    }

    /// <summary>
    /// Parses a Pulumi YAML program (compile output, JSON) back: <c>${sg-x.uuid}</c> references resolve to the
    /// SmartGroup resources' selectors (sources) or controller names without the ruleset prefix (destinations);
    /// <c>${variable.field}</c> in a WebGroup host turns back into the lookup token of <see cref="PulumiLookups"/>.
    /// </summary>
    public static SortedSet<PolicyTriple> FromPulumi(string program)
    {
        var resources = JsonNode.Parse(program)!["resources"]!.AsObject();
        var rulesets = resources
            .Where(r => r.Value!["type"]!.GetValue<string>() == PulumiTokens.DcfRuleset)
            .ToList();
        var prefix = rulesets.Single().Value!["properties"]!["name"]!.GetValue<string>() + "-";
        var smartGroups = resources
            .Where(r => r.Value!["type"]!.GetValue<string>() == PulumiTokens.SmartGroup)
            .ToDictionary(
                r => $"${{{r.Key}.uuid}}",
                r => r.Value!["properties"]!,
                StringComparer.Ordinal
            );
        var webGroups = resources
            .Where(r => r.Value!["type"]!.GetValue<string>() == PulumiTokens.WebGroup)
            .ToDictionary(
                r => $"${{{r.Key}.uuid}}",
                r =>
                    r.Value!["properties"]!["selector"]!["matchExpressions"]!
                        .AsArray()
                        .Select(e => PulumiToken(e!["snifilter"]!.GetValue<string>()))
                        .ToList(),
                StringComparer.Ordinal
            );

        var triples = NewSet();
        foreach (var rule in rulesets.Single().Value!["properties"]!["rules"]!.AsArray())
        {
            var action = rule!["action"]!.GetValue<string>();
            var hosts = rule["webGroups"] is JsonArray refs
                ? refs.SelectMany(r => webGroups[r!.GetValue<string>()]).ToList()
                : rule["dstSmartGroups"]!
                    .AsArray()
                    .Select(d => d!.GetValue<string>())
                    .Select(d =>
                        smartGroups.TryGetValue(d, out var g)
                            ? g["name"]!.GetValue<string>()[prefix.Length..]
                            : PredefinedName(d)
                    )
                    .ToList();
            var sources = rule["srcSmartGroups"]!
                .AsArray()
                .SelectMany(s =>
                    smartGroups[s!.GetValue<string>()]["selector"]!["matchExpressions"]!
                        .AsArray()
                        .Select(e =>
                            SelectorKey(
                                e!["type"]!.GetValue<string>(),
                                e["k8sNamespace"]?.GetValue<string>(),
                                (e["tags"] as JsonObject ?? []).Select(p =>
                                    KeyValuePair.Create(p.Key, p.Value!.GetValue<string>())
                                )
                            )
                        )
                );
            foreach (var source in sources)
            {
                foreach (var host in hosts)
                {
                    foreach (var port in PortsOf(rule["portRanges"]))
                    {
                        triples.Add(new PolicyTriple(source, host, action, port));
                    }
                }
            }
        }

        return triples;
    }

    private static string PulumiToken(string snifilter)
    {
        foreach (var lookup in PulumiLookups.All)
        {
            snifilter = snifilter.Replace(
                $"${{{lookup.Variable}.{lookup.Field}}}",
                lookup.Token,
                StringComparison.Ordinal
            );
        }

        Assert.DoesNotContain("${", snifilter, StringComparison.Ordinal);
        return snifilter;
    }

    private static string PredefinedName(string uuid) =>
        uuid switch
        {
            PredefinedGroupUuids.PublicInternet => PredefinedGroups.PublicInternet,
            PredefinedGroupUuids.Anywhere => PredefinedGroups.Anywhere,
            _ => throw new InvalidDataException($"Unknown predefined group {uuid}."),
        };

    private static SortedSet<PolicyTriple> NewSet() =>
        new(
            Comparer<PolicyTriple>.Create(
                (a, b) => string.CompareOrdinal(a.ToString(), b.ToString())
            )
        );
}
