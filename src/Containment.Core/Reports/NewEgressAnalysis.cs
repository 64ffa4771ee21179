using Containment.Core.Net;
using Containment.Core.Policy;

namespace Containment.Core.Reports;

/// <summary>
/// Decides whether a head policy permits anything its base did not. Both policies are flattened into
/// permit tuples (source, destination, protocol, port range), as the firewall would evaluate them; a head
/// tuple is new unless a base tuple covers it. Covering is judged narrowly (a wildcard covers one label),
/// so the gate errs towards asking for a review.
/// </summary>
internal static class NewEgressAnalysis
{
    private const string GroupPrefix = "group:";

    private sealed record Permit(string Source, string Destination, string Protocol, int Low, int High, string Rule)
    {
        public string PortText =>
            Low == 1 && High == 65535 ? "any port" : Low == High ? PolicyText.Number(Low) : $"{PolicyText.Number(Low)}-{PolicyText.Number(High)}";

        public string DestinationText => Destination.StartsWith(GroupPrefix, StringComparison.Ordinal) ? Destination[GroupPrefix.Length..] : Destination;
    }

    public static IReadOnlyList<string> Reasons(PolicyModel before, PolicyModel after)
    {
        var oldPermits = Permits(before);
        var reasons = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var permit in Permits(after))
        {
            if (oldPermits.Exists(o => Covers(o, permit)))
            {
                continue;
            }
            var widened = HostName.IsWildcard(permit.Destination)
                ? oldPermits
                    .Where(o => o.Source == permit.Source && !HostName.IsWildcard(o.Destination) && o.Destination.EndsWith(permit.Destination[1..], StringComparison.Ordinal))
                    .Select(o => o.Destination)
                    .Distinct(StringComparer.Ordinal)
                    .Order(StringComparer.Ordinal)
                    .ToList()
                : [];
            var widening = widened.Count == 0 ? "" : $" (a wildcard widening {string.Join(", ", widened)})";
            reasons.Add($"{permit.DestinationText} {permit.Protocol} {permit.PortText} from {permit.Source}, by {permit.Rule}{widening}");
        }
        var oldRules = before.Rules.ToDictionary(r => r.Name, StringComparer.Ordinal);
        var newRules = after.Rules.ToDictionary(r => r.Name, StringComparer.Ordinal);
        foreach (var deny in after.Rules.Where(r => r.Action == RuleAction.Deny && r.Watch))
        {
            if (oldRules.TryGetValue(deny.Name, out var old) && old.Action == RuleAction.Deny && !old.Watch)
            {
                reasons.Add($"deny rule {deny.Name} is now in watch mode: it logs what it used to block");
            }
        }
        foreach (var deny in before.Rules.Where(r => r.Action == RuleAction.Deny && !r.Watch && !newRules.ContainsKey(r.Name)))
        {
            reasons.Add($"deny rule {deny.Name} was removed: what it blocked is no longer denied by this ruleset");
        }
        return [.. reasons];
    }

    private static List<Permit> Permits(PolicyModel model)
    {
        var groups = model.WebGroups.ToDictionary(g => g.Name, StringComparer.Ordinal);
        var permits = new List<Permit>();
        foreach (var rule in model.Rules.Where(r => r.Action == RuleAction.Permit))
        {
            var protocol = PolicyText.Word(rule.Protocol);
            var ports = rule.Ports.Count == 0 ? [(1, 65535)] : rule.Ports.Select(p => (p.Low, p.High ?? p.Low)).ToList();
            var destinations = rule.WebGroups.Count == 0
                ? rule.Destinations.Select(d => GroupPrefix + d)
                : rule.WebGroups.SelectMany(w => groups.TryGetValue(w, out var g) ? g.Hosts.Select(h => h.Host) : []);
            foreach (var source in rule.Sources)
            {
                foreach (var destination in destinations)
                {
                    permits.AddRange(ports.Select(p => new Permit(source, destination, protocol, p.Item1, p.Item2, rule.Name)));
                }
            }
        }
        return permits;
    }

    private static bool Covers(Permit old, Permit now) =>
        old.Source == now.Source
        && (old.Protocol == now.Protocol || old.Protocol == PolicyText.Word(RuleProtocol.Any))
        && old.Low <= now.Low
        && now.High <= old.High
        && DestinationCovers(old.Destination, now.Destination);

    private static bool DestinationCovers(string old, string now)
    {
        if (old == now || old == GroupPrefix + PredefinedGroups.Anywhere)
        {
            return true;
        }
        if (old == GroupPrefix + PredefinedGroups.PublicInternet)
        {
            return !now.StartsWith(GroupPrefix, StringComparison.Ordinal);
        }
        // "*.example.com" covers exactly one more label: the narrow reading, since DCF's depth semantics are undocumented.
        if (HostName.IsWildcard(old) && !now.StartsWith(GroupPrefix, StringComparison.Ordinal))
        {
            var suffix = old[1..];
            return now.EndsWith(suffix, StringComparison.Ordinal) && !now[..^suffix.Length].Contains('.', StringComparison.Ordinal) && now.Length > suffix.Length;
        }
        return false;
    }
}
