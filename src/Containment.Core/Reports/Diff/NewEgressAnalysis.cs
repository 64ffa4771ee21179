using Containment.Core.Model;
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

    private sealed record Permit(
        string Source,
        string Destination,
        string Protocol,
        int Low,
        int High,
        string Rule
    )
    {
        public string PortText =>
            Low == 1 && High == 65535 ? "any port"
            : Low == High ? PolicyText.Number(Low)
            : $"{PolicyText.Number(Low)}-{PolicyText.Number(High)}";

        public string DestinationText =>
            Destination.StartsWith(GroupPrefix, StringComparison.Ordinal)
                ? Destination[GroupPrefix.Length..]
                : Destination;
    }

    public static IReadOnlyList<NewEgressItem> Reasons(PolicyModel before, PolicyModel after)
    {
        var oldPermits = Permits(before);
        var hostSources = after
            .WebGroups.SelectMany(g => g.Hosts)
            .GroupBy(h => h.Host, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g =>
                    (IReadOnlyList<Provenance>)
                        [.. PolicyText.Sorted(g.SelectMany(h => h.Sources).Distinct())],
                StringComparer.Ordinal
            );
        var workloads = after.SmartGroups.ToDictionary(
            g => g.Name,
            g => PolicyText.Word(g.Role),
            StringComparer.Ordinal
        );
        var items = new Dictionary<string, NewEgressItem>(StringComparer.Ordinal);
        foreach (var permit in Permits(after))
        {
            if (oldPermits.Exists(o => Covers(o, permit)))
            {
                continue;
            }
            List<string> widened = HostName.IsWildcard(permit.Destination)
                ?
                [
                    .. oldPermits
                        .Where(o =>
                            o.Source == permit.Source
                            && !HostName.IsWildcard(o.Destination)
                            && o.Destination.EndsWith(
                                permit.Destination[1..],
                                StringComparison.Ordinal
                            )
                        )
                        .Select(o => o.Destination)
                        .Distinct(StringComparer.Ordinal)
                        .Order(StringComparer.Ordinal),
                ]
                : [];
            var item = new NewEgressItem(
                NewEgressKind.Permit,
                permit.DestinationText,
                permit.Protocol,
                permit.PortText,
                permit.Source,
                workloads.GetValueOrDefault(permit.Source, permit.Source),
                permit.Rule,
                hostSources.GetValueOrDefault(permit.Destination, []),
                widened
            );
            items.TryAdd(item.Sentence, item);
        }
        var oldRules = before.Rules.ToDictionary(r => r.Name, StringComparer.Ordinal);
        var newRules = after.Rules.ToDictionary(r => r.Name, StringComparer.Ordinal);
        foreach (var deny in after.Rules.Where(r => r.Action == RuleAction.Deny && r.Watch))
        {
            if (
                oldRules.TryGetValue(deny.Name, out var old)
                && old.Action == RuleAction.Deny
                && !old.Watch
            )
            {
                var item = NewEgressItem.ForRule(NewEgressKind.DenyWatched, deny.Name);
                items.TryAdd(item.Sentence, item);
            }
        }
        foreach (
            var deny in before.Rules.Where(r =>
                r.Action == RuleAction.Deny && !r.Watch && !newRules.ContainsKey(r.Name)
            )
        )
        {
            var item = NewEgressItem.ForRule(NewEgressKind.DenyRemoved, deny.Name);
            items.TryAdd(item.Sentence, item);
        }
        // Sorted by sentence, as the prose list was, so renderings stay byte-stable.
        return [.. items.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value)];
    }

    private static List<Permit> Permits(PolicyModel model)
    {
        var groups = model.WebGroups.ToDictionary(g => g.Name, StringComparer.Ordinal);
        var permits = new List<Permit>();
        foreach (var rule in model.Rules.Where(r => r.Action == RuleAction.Permit))
        {
            var protocol = PolicyText.Word(rule.Protocol);
            var ports =
                rule.Ports.Count == 0
                    ? [(1, 65535)]
                    : rule.Ports.Select(p => (p.Low, p.High ?? p.Low)).ToList();
            var destinations =
                rule.WebGroups.Count == 0
                    ? rule.Destinations.Select(d => GroupPrefix + d)
                    : rule.WebGroups.SelectMany(w =>
                        groups.TryGetValue(w, out var g) ? g.Hosts.Select(h => h.Host) : []
                    );
            foreach (var source in rule.Sources)
            {
                foreach (var destination in destinations)
                {
                    permits.AddRange(
                        ports.Select(p => new Permit(
                            source,
                            destination,
                            protocol,
                            p.Item1,
                            p.Item2,
                            rule.Name
                        ))
                    );
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
            return now.EndsWith(suffix, StringComparison.Ordinal)
                && !now[..^suffix.Length].Contains('.', StringComparison.Ordinal)
                && now.Length > suffix.Length;
        }
        return false;
    }
}
