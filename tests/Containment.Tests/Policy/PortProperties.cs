using System.Text.Json;
using System.Text.RegularExpressions;
using Containment.Core.Diagnostics;
using Containment.Core.Egress;
using Containment.Core.Model;
using Containment.Core.Pipeline;
using Containment.Core.Policy;
using Containment.Core.Reports;
using FsCheck.Xunit;

namespace Containment.Tests.Policy;

/// <summary>
/// Issue 10 item 5 as a property: what the plan lists is exactly what the rules permit. The plan's (workload, host,
/// port) triples are read back from <c>plan --format json</c>; they must equal the inventory's internet destinations,
/// and the evaluator (which walks the rules as the firewall does) must permit a probe name on a port exactly when a
/// listed entry covers both, on a port WebGroups inspect.
/// </summary>
public partial class PortProperties
{
    private static readonly int[] ExtraProbePorts = [22, 80, 443, 8080, 8443];

    [Property(Arbitrary = [typeof(PolicyGenerators)], MaxTest = 200)]
    public bool The_rules_permit_exactly_the_host_port_pairs_the_plan_lists(PolicyInput input)
    {
        var bag = new DiagnosticBag();
        var (model, inventory) = PolicyBuilder.BuildWithInventory(
            input.Config,
            input.Settings,
            bag
        );
        if (model is null)
        {
            return true;
        }
        var listed = Listed(PlanReport.Render(model, bag.Items, ReportFormat.Json));
        var implied = inventory
            .Internet.Select(d => new Listing(PolicyNames.GroupOf(d.Workload), d.Host, d.Port))
            .ToHashSet();
        Assert.True(
            implied.SetEquals(listed),
            $"plan lists [{string.Join("; ", listed.Except(implied))}] beyond the inventory and misses [{string.Join("; ", implied.Except(listed))}]"
        );

        var ports = listed.Select(l => l.Port).Concat(ExtraProbePorts).Distinct().ToList();
        var probes = listed
            .Select(l => Probe(l.Host))
            .Append("exfil.example.net")
            .Distinct(StringComparer.Ordinal)
            .ToList();
        foreach (var role in Enum.GetValues<SmartGroupRole>())
        {
            var group = PolicyNames.GroupOf(role);
            foreach (var probe in probes)
            {
                foreach (var port in ports)
                {
                    var expected =
                        WebGroupAssembler.WebPorts.Contains(port)
                        && listed.Any(l =>
                            l.Workload == group
                            && l.Port == port
                            && HostMatcher.Matches(l.Host, probe)
                        );
                    var evaluation = PolicyEvaluator.Evaluate(model, role, probe, port);
                    Assert.True(
                        expected == evaluation.IsPermitted,
                        $"{group} -> {probe}:{port}: plan says {(expected ? "permitted" : "not permitted")}, rules say {evaluation.Explanation}"
                    );
                }
            }
        }

        // A listed pair the rules cannot permit (a port WebGroups never inspect) is always said out loud.
        return listed
            .Where(l => !WebGroupAssembler.WebPorts.Contains(l.Port))
            .All(l =>
                bag.Items.Any(d =>
                    d.Descriptor == DiagnosticCatalog.NonWebPort
                    && d.Message.Contains($"'{l.Host}'", StringComparison.Ordinal)
                    && d.Message.Contains($"port {l.Port}", StringComparison.Ordinal)
                )
            );
    }

    private sealed record Listing(string Workload, string Host, int Port);

    /// <summary>(source group, host, port) for every host of every WebGroup a permit rule of the plan names.</summary>
    private static HashSet<Listing> Listed(string planJson)
    {
        using var doc = JsonDocument.Parse(planJson);
        var groups = doc
            .RootElement.GetProperty("webGroups")
            .EnumerateArray()
            .ToDictionary(
                g => g.GetProperty("name").GetString()!,
                g =>
                    g.GetProperty("hosts")
                        .EnumerateArray()
                        .SelectMany(h =>
                            h.GetProperty("ports")
                                .EnumerateArray()
                                .Select(p =>
                                    (Host: h.GetProperty("host").GetString()!, Port: p.GetInt32())
                                )
                        )
                        .ToList(),
                StringComparer.Ordinal
            );
        var listed = new HashSet<Listing>();
        foreach (
            var rule in doc
                .RootElement.GetProperty("rules")
                .EnumerateArray()
                .Where(r => r.GetProperty("action").GetString() == "PERMIT")
        )
        {
            foreach (var source in rule.GetProperty("sources").EnumerateArray())
            {
                foreach (var webGroup in rule.GetProperty("webGroups").EnumerateArray())
                {
                    listed.UnionWith(
                        groups[webGroup.GetString()!]
                            .Select(e => new Listing(source.GetString()!, e.Host, e.Port))
                    );
                }
            }
        }
        return listed;
    }

    /// <summary>A concrete name a listed entry covers: a label for the leading wildcard, for a mid-label '*' and for a lookup token.</summary>
    private static string Probe(string host)
    {
        var name = host.StartsWith("*.", StringComparison.Ordinal) ? "probe." + host[2..] : host;
        return Token().Replace(name, "tok").Replace("*", "x", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\{[^}]*\}", RegexOptions.CultureInvariant)]
    private static partial Regex Token();
}
