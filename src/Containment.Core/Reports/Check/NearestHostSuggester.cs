using Containment.Core.Model;
using Containment.Core.Net;
using Containment.Core.Policy;

namespace Containment.Core.Reports;

public enum SuggestionKind
{
    /// <summary>One or two edits away from an allowed host's domain (<c>api.opneai.com</c> for <c>api.openai.com</c>).</summary>
    Typo,

    /// <summary>The apex of an allowed wildcard, which the wildcard does not cover (<c>example.com</c> for <c>*.example.com</c>).</summary>
    WildcardApex,

    /// <summary>Shares its parent domain with an allowed host (<c>files.example.com</c> beside <c>api.example.com</c>).</summary>
    Sibling,
}

/// <summary>A host the denied one was probably meant to be: <see cref="Host"/> is what to try, <see cref="Allowed"/> the WebGroup entry that permits it.</summary>
public sealed record HostSuggestion(
    string Host,
    SuggestionKind Kind,
    string Allowed,
    string WebGroup,
    int Distance
);

/// <summary>
/// For a denied host, the nearest hosts the policy does allow the same workload: a likely typo (Damerau-Levenshtein
/// distance of 1 or 2 on the registrable domain, same subdomain) or a sibling subdomain under the same parent.
/// Hosts resolved at deploy time (<c>{aws.region}</c>...) are skipped: their final names are not known here.
/// </summary>
public static class NearestHostSuggester
{
    public const int MaxDistance = 2;
    public const int MaxSuggestions = 3;

    public static IReadOnlyList<HostSuggestion> Suggest(
        PolicyModel model,
        string host,
        SmartGroupRole? from = null
    )
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(host);
        var suggestions = new List<HostSuggestion>();
        foreach (var (group, allowed) in AllowedHosts(model, from))
        {
            if (allowed.IsDeferred || allowed.Host == host)
            {
                continue;
            }
            if (Compare(host, allowed.Host, group) is { } suggestion)
            {
                suggestions.Add(suggestion);
            }
        }
        return
        [
            .. suggestions
                .OrderBy(s => s.Kind)
                .ThenBy(s => s.Distance)
                .ThenBy(s => s.Host, StringComparer.Ordinal)
                .DistinctBy(s => s.Host)
                .Take(MaxSuggestions),
        ];
    }

    private static HostSuggestion? Compare(string host, string allowed, string group)
    {
        var wildcard = HostName.IsWildcard(allowed);
        var (prefix, domain) = RegistrableDomain.Split(host);
        var (allowedPrefix, allowedDomain) = RegistrableDomain.Split(
            wildcard ? allowed[2..] : allowed
        );
        if (wildcard && allowed[2..] == host)
        {
            return new HostSuggestion(allowed, SuggestionKind.WildcardApex, allowed, group, 0);
        }
        var samePrefix = wildcard
            ? prefix.Length > 0
                && RegistrableDomain.Parent(host) is { } parent
                && RegistrableDomain.Split(parent).Prefix == allowedPrefix
            : prefix == allowedPrefix;
        if (samePrefix && domain != allowedDomain)
        {
            var distance = EditDistance.DamerauLevenshtein(domain, allowedDomain);
            if (distance <= MaxDistance)
            {
                var meant = wildcard
                    ? $"{host[..host.IndexOf('.', StringComparison.Ordinal)]}.{allowed[2..]}"
                    : allowed;
                return new HostSuggestion(meant, SuggestionKind.Typo, allowed, group, distance);
            }
        }
        if (
            !wildcard
            && RegistrableDomain.Parent(host) is { } hostParent
            && hostParent == RegistrableDomain.Parent(allowed)
            && hostParent.Length >= domain.Length
        )
        {
            return new HostSuggestion(allowed, SuggestionKind.Sibling, allowed, group, 0);
        }
        return null;
    }

    /// <summary>Hosts of the WebGroups that permit rules open to the workload's SmartGroups (all permits when no workload is given).</summary>
    private static IEnumerable<(string Group, WebGroupHost Host)> AllowedHosts(
        PolicyModel model,
        SmartGroupRole? from
    )
    {
        var sources = model
            .SmartGroups.Where(g => from is null || g.Role == from)
            .Select(g => g.Name)
            .ToHashSet(StringComparer.Ordinal);
        var groups = model
            .Rules.Where(r => r.Action == RuleAction.Permit && r.Sources.Any(sources.Contains))
            .SelectMany(r => r.WebGroups)
            .ToHashSet(StringComparer.Ordinal);
        return model
            .WebGroups.Where(g => groups.Contains(g.Name))
            .SelectMany(g => g.Hosts.Select(h => (g.Name, h)));
    }
}
