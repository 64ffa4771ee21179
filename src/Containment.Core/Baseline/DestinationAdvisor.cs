using System.Globalization;
using Containment.Core.Catalog;
using Containment.Core.Model;
using Containment.Core.Net;
using Containment.Core.Policy;

namespace Containment.Core.Baseline;

/// <summary>
/// Says what would allow a would-be-denied destination if it is legitimate. In order: the current config
/// already permits it (the deployed policy is older); a catalogue entry names the host (the LibreChat setting or
/// env variable that switches it on); a public host nothing names ("investigate", and the
/// <c>extraDestinations</c> line to add if it is wanted). A destination seen by IP only gets the hosts this policy
/// allows on that port and a hint to turn on L7 logging, because an IP cannot tell which of them it was.
/// Hosts come from the catalogue and the model, matched with <see cref="HostMatcher"/>: no host data lives here.
/// </summary>
public sealed class DestinationAdvisor(PolicyModel model)
{
    private const int MaxHostsListed = 6;

    public string Suggest(string workload, FlowDestination destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var role = RoleOf(workload);
        return destination.Host is { } host
            ? ForHost(role, host, destination.Port)
            : ForIp(role, destination.Ip, destination.Port);
    }

    private string ForHost(SmartGroupRole role, string host, int port)
    {
        var evaluation = PolicyEvaluator.Evaluate(model, role, host, port);
        if (evaluation.IsPermitted && evaluation.Rule is { } rule)
        {
            return $"this config already permits it ({rule.Name}): the deployed policy is older than the config; deploy it and collect logs again.";
        }
        var kind = HostName.Classify(host);
        if (kind == HostKind.InCluster)
        {
            return $"in-cluster name {host}: if it is a data store, add it to cluster.dataStores (labels and port {Port(port)}) in Pulumi.{model.Stack}.yaml; otherwise investigate.";
        }
        var hints = CatalogueMatches(host).ToList();
        if (hints.Count > 0)
        {
            return string.Join(" Or ", hints.Select(h => $"looks like {h.Looks}: set {h.Enable}."))
                + Elsewhere(host, port);
        }
        return $"no configuration of LibreChat names this host: investigate (a possible beacon). If it is legitimate, add to Pulumi.{model.Stack}.yaml containment:extraDestinations: "
            + $"- {{host: {host}, port: {Port(port)}, reason: \"...\"}}";
    }

    /// <summary>A catalogue host on a port other than 443 is still a catalogue host, but the port is worth saying.</summary>
    private static string Elsewhere(string host, int port) =>
        port == 443
            ? ""
            : $" ({host} is catalogued on port 443; this flow used port {Port(port)}.)";

    private string ForIp(SmartGroupRole role, string ip, int port)
    {
        var kind = HostName.Classify(ip);
        if (kind is HostKind.PrivateAddress or HostKind.Loopback)
        {
            return $"private address {ip}:{Port(port)} seen by IP only: if it is a data store, add it to cluster.dataStores (labels and port) in Pulumi.{model.Stack}.yaml; otherwise investigate.";
        }
        var hosts = AllowedHosts(role, port);
        var l7 = "turn on L7 (SNI) logging for the rule that logged it to see the host name.";
        if (hosts.Count == 0)
        {
            return $"seen by IP only; this policy allows no host on port {Port(port)}: investigate, and {l7}";
        }
        var listed = string.Join(", ", hosts.Take(MaxHostsListed));
        var more = hosts.Count > MaxHostsListed ? $" and {hosts.Count - MaxHostsListed} more" : "";
        return $"seen by IP only; on port {Port(port)} this policy allows {listed}{more}. If it was one of them, nothing to change; to know, {l7}";
    }

    /// <summary>Hosts of the WebGroups that permit rules for this workload use on this port.</summary>
    private List<string> AllowedHosts(SmartGroupRole role, int port)
    {
        var source = PolicyNames.GroupOf(role);
        var webGroups = model
            .Rules.Where(r =>
                r.Action == RuleAction.Permit && r.Sources.Contains(source, StringComparer.Ordinal)
            )
            .Where(r =>
                r.Ports.Count == 0 || r.Ports.Any(p => port >= p.Low && port <= (p.High ?? p.Low))
            )
            .SelectMany(r => r.WebGroups)
            .ToHashSet(StringComparer.Ordinal);
        return
        [
            .. model
                .WebGroups.Where(w => webGroups.Contains(w.Name))
                .SelectMany(w => w.Hosts)
                .Where(h => h.Ports.Count == 0 || h.Ports.Contains(port))
                .Select(h => h.Host)
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal),
        ];
    }

    private static IEnumerable<CatalogueHints.Hint> CatalogueMatches(string host) =>
        CatalogSet
            .BuiltIn.SelectMany(c => c.Entries.Select(e => (Catalogue: c.Name, Entry: e)))
            .Where(x => x.Entry.Hosts.Any(template => HostMatcher.Matches(template, host)))
            .Select(x =>
                CatalogueHints.For(x.Catalogue, x.Entry.Id)
                ?? new CatalogueHints.Hint(
                    $"catalogue entry {x.Catalogue}/{x.Entry.Id}",
                    "the setting that uses it"
                )
            )
            .Distinct();

    private SmartGroupRole RoleOf(string workload) =>
        model
            .SmartGroups.FirstOrDefault(g =>
                string.Equals(g.Name, workload, StringComparison.Ordinal)
            )
            ?.Role
        ?? SmartGroupRole.Pods;

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);
}
