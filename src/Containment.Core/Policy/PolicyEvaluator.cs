using Containment.Core.Model;
using Containment.Core.Net;

namespace Containment.Core.Policy;

/// <summary>The answer to "would host H on port P from workload W be permitted, and by which rule".</summary>
public sealed record Evaluation(
    PolicyRule? Rule,
    WebGroup? WebGroup,
    WebGroupHost? MatchedHost,
    string Host,
    HostKind Kind,
    string Explanation
)
{
    public bool IsPermitted => Rule?.Action == RuleAction.Permit;

    /// <summary>Provenance of the host that let the traffic through (empty when no WebGroup host matched).</summary>
    public IReadOnlyList<Provenance> Sources => MatchedHost?.Sources ?? [];
}

/// <summary>
/// Walks a model's rules in priority order, as the Aviatrix data path does, and returns the first that
/// matches (TCP assumed). Destination matching: Public Internet matches public names and IPs; a
/// WebGroup narrows that to its hosts (see <see cref="HostMatcher"/>) on the ports WebGroups inspect;
/// a SmartGroup destination (the data stores) matches in-cluster names and private addresses on the
/// rule's ports, because a host name alone cannot show pod labels.
/// </summary>
public static class PolicyEvaluator
{
    public static Evaluation Evaluate(PolicyModel model, SmartGroupRole from, string host, int port)
    {
        ArgumentNullException.ThrowIfNull(model);
        var name = UrlParts.TryParse(host)?.Host ?? host;
        var kind = HostName.Classify(name);
        var source = model.SmartGroups.FirstOrDefault(g => g.Role == from)?.Name;
        if (source is null)
        {
            return new Evaluation(
                null,
                null,
                null,
                name,
                kind,
                $"the model has no SmartGroup for {from}; no rule applies."
            );
        }
        foreach (var rule in model.Rules.OrderBy(r => r.Priority))
        {
            if (!rule.Sources.Contains(source, StringComparer.Ordinal) || !PortMatches(rule, port))
            {
                continue;
            }
            var match = MatchDestination(model, rule, name, kind, port);
            if (match.Matched)
            {
                var verb = rule.Action == RuleAction.Permit ? "permitted" : "denied";
                var via = match.Host is null
                    ? ""
                    : $" via WebGroup {match.WebGroup!.Name} entry '{match.Host.Host}'";
                var watch = rule.Watch ? " (watch mode: logged, not enforced)" : "";
                return new Evaluation(
                    rule,
                    match.WebGroup,
                    match.Host,
                    name,
                    kind,
                    $"{verb} by {rule.Name} (priority {rule.Priority}){via}{watch}."
                );
            }
        }
        return new Evaluation(
            null,
            null,
            null,
            name,
            kind,
            "no rule of this ruleset matches; the traffic is not governed by Containment's ruleset."
        );
    }

    /// <summary>
    /// The ports WebGroups inspect on which <paramref name="host"/> is permitted, ascending: what a check denied on
    /// another port points to (rules permit each host only on the ports its configuration names).
    /// </summary>
    public static IReadOnlyList<int> PermittedWebPorts(
        PolicyModel model,
        SmartGroupRole from,
        string host
    ) =>
        [
            .. WebGroupAssembler
                .WebPorts.Order()
                .Where(port => Evaluate(model, from, host, port).IsPermitted),
        ];

    private static bool PortMatches(PolicyRule rule, int port) =>
        rule.Ports.Count == 0 || rule.Ports.Any(r => port >= r.Low && port <= (r.High ?? r.Low));

    private static (bool Matched, WebGroup? WebGroup, WebGroupHost? Host) MatchDestination(
        PolicyModel model,
        PolicyRule rule,
        string host,
        HostKind kind,
        int port
    )
    {
        foreach (var destination in rule.Destinations)
        {
            var reached = destination switch
            {
                PredefinedGroups.Anywhere => true,
                PredefinedGroups.PublicInternet => kind
                    is HostKind.Public
                        or HostKind.PublicAddress,
                _ => kind is HostKind.InCluster or HostKind.PrivateAddress
                    && model.SmartGroups.Any(g => g.Name == destination),
            };
            if (!reached)
            {
                continue;
            }
            if (rule.WebGroups.Count == 0)
            {
                return (true, null, null);
            }
            if (!WebGroupAssembler.WebPorts.Contains(port))
            {
                continue;
            }
            foreach (var webGroupName in rule.WebGroups)
            {
                var webGroup = model.WebGroups.FirstOrDefault(w => w.Name == webGroupName);
                // An exact entry wins over a pattern, so the provenance shown is the most specific one.
                var entry =
                    webGroup?.Hosts.FirstOrDefault(h =>
                        string.Equals(h.Host, host, StringComparison.Ordinal)
                    )
                    ?? webGroup?.Hosts.FirstOrDefault(h => HostMatcher.Matches(h.Host, host));
                if (entry is not null)
                {
                    return (true, webGroup, entry);
                }
            }
        }
        return (false, null, null);
    }
}
