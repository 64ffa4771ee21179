using System.Text.Json;
using Containment.Core.Policy;

namespace Containment.Core.Baseline;

/// <summary>
/// Maps source IPs to our SmartGroups. Logs carry IPs only (shared/reference/aviatrix-dcf-logs.md §7), so a
/// snapshot of <c>kubectl get pods -A -o json</c> (and <c>kubectl get nodes -o json</c>) from the same cluster
/// and time is held against the SmartGroup selectors the policy already built (namespace and labels for
/// <c>k8s</c>, any node for <c>k8s_node</c>): one definition of "our pods", shared with every target.
/// A pod in the snapshot that no selector matches is <c>other:&lt;namespace&gt;</c>; an IP in neither snapshot is
/// <see cref="Unknown"/>. The cluster id cannot be checked: the snapshot is trusted to be the stack's cluster.
/// </summary>
public sealed class WorkloadMap
{
    public const string Unknown = "unknown";
    public const string OtherPrefix = "other:";

    private readonly Dictionary<string, string> _byIp = new(StringComparer.Ordinal);
    private readonly HashSet<string> _ours = new(StringComparer.Ordinal) { Unknown };

    private WorkloadMap(PolicyModel model)
    {
        foreach (var group in model.SmartGroups)
        {
            _ours.Add(group.Name);
        }
    }

    /// <summary>True when a pod or node snapshot was given (otherwise every source is unknown).</summary>
    public bool HasSnapshot { get; private set; }

    public int MappedAddresses => _byIp.Count;

    public static WorkloadMap Empty(PolicyModel model) => new(model);

    public string Resolve(string ip) =>
        _byIp.TryGetValue(ip, out var workload) ? workload : Unknown;

    /// <summary>Our SmartGroups and <see cref="Unknown"/> (an unmapped IP may be ours, so it counts against readiness).</summary>
    public bool IsOurs(string workload) => _ours.Contains(workload);

    /// <summary>Reads the snapshots; null and <paramref name="problem"/> when one is not the JSON kubectl prints.</summary>
    public static WorkloadMap? Load(
        PolicyModel model,
        byte[]? podsJson,
        byte[]? nodesJson,
        out string? problem
    )
    {
        ArgumentNullException.ThrowIfNull(model);
        problem = null;
        var map = new WorkloadMap(model);
        try
        {
            if (nodesJson is not null)
            {
                using var nodes = JsonDocument.Parse(nodesJson);
                map.AddNodes(model, nodes.RootElement);
            }
            if (podsJson is not null)
            {
                using var pods = JsonDocument.Parse(podsJson);
                map.AddPods(model, pods.RootElement);
            }
        }
        catch (JsonException)
        {
            problem = "is not JSON (expected the output of kubectl get ... -o json)";
            return null;
        }
        catch (InvalidOperationException)
        {
            problem =
                "is not a Kubernetes List (expected {\"items\": [...]} from kubectl get ... -o json)";
            return null;
        }
        return map;
    }

    private void AddNodes(PolicyModel model, JsonElement root)
    {
        HasSnapshot = true;
        var group = model
            .SmartGroups.FirstOrDefault(g => g.Selectors.Any(s => s.Type == "k8s_node"))
            ?.Name;
        foreach (var node in Items(root))
        {
            if (
                !node.TryGetProperty("status", out var status)
                || !status.TryGetProperty("addresses", out var addresses)
                || addresses.ValueKind != JsonValueKind.Array
            )
            {
                continue;
            }
            foreach (var address in addresses.EnumerateArray())
            {
                if (
                    Text(address, "type") is "InternalIP" or "ExternalIP"
                    && Text(address, "address") is { } ip
                    && group is not null
                )
                {
                    _byIp.TryAdd(ip, group);
                }
            }
        }
    }

    private void AddPods(PolicyModel model, JsonElement root)
    {
        HasSnapshot = true;
        foreach (var pod in Items(root))
        {
            var metadata = pod.TryGetProperty("metadata", out var m) ? m : default;
            var spec = pod.TryGetProperty("spec", out var s) ? s : default;
            var status = pod.TryGetProperty("status", out var st) ? st : default;
            // A host-network pod speaks with its node's address: the node snapshot names that IP, not the pod.
            if (
                spec.ValueKind == JsonValueKind.Object
                && spec.TryGetProperty("hostNetwork", out var hn)
                && hn.ValueKind == JsonValueKind.True
            )
            {
                continue;
            }
            // A finished pod keeps its IP in status after the IP went to a running pod.
            if (Text(status, "phase") is "Succeeded" or "Failed")
            {
                continue;
            }
            var ns = Text(metadata, "namespace") ?? "";
            var labels = Labels(metadata);
            var workload =
                model
                    .SmartGroups.Where(g => g.Selectors.Any(sel => Selects(sel, ns, labels)))
                    .Select(g => g.Name)
                    .FirstOrDefault()
                ?? OtherPrefix + (KubernetesNames.IsDns1123Label(ns) ? ns : "invalid-namespace");
            foreach (var ip in PodIps(status))
            {
                _byIp.TryAdd(ip, workload);
            }
        }
    }

    /// <summary>The Aviatrix <c>k8s</c> match expression: same namespace, and every selector label present with the same value.</summary>
    private static bool Selects(
        SmartGroupSelector selector,
        string ns,
        Dictionary<string, string> labels
    ) =>
        selector.Type == "k8s"
        && (
            selector.Namespace is null
            || string.Equals(selector.Namespace, ns, StringComparison.Ordinal)
        )
        && selector.Labels.All(l =>
            labels.TryGetValue(l.Key, out var v)
            && string.Equals(v, l.Value, StringComparison.Ordinal)
        );

    private static IEnumerable<JsonElement> Items(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object
        && root.TryGetProperty("items", out var items)
        && items.ValueKind == JsonValueKind.Array
            ? items.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object)
            : throw new InvalidOperationException("no items");

    private static Dictionary<string, string> Labels(JsonElement metadata)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (
            metadata.ValueKind == JsonValueKind.Object
            && metadata.TryGetProperty("labels", out var l)
            && l.ValueKind == JsonValueKind.Object
        )
        {
            foreach (
                var p in l.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String)
            )
            {
                labels[p.Name] = p.Value.GetString() ?? "";
            }
        }
        return labels;
    }

    private static IEnumerable<string> PodIps(JsonElement status)
    {
        if (Text(status, "podIP") is { } ip)
        {
            yield return ip;
        }
        if (
            status.ValueKind == JsonValueKind.Object
            && status.TryGetProperty("podIPs", out var ips)
            && ips.ValueKind == JsonValueKind.Array
        )
        {
            foreach (var entry in ips.EnumerateArray())
            {
                if (Text(entry, "ip") is { } each)
                {
                    yield return each;
                }
            }
        }
    }

    /// <summary>A string property as a canonical IP or plain text; null when absent or not a string.</summary>
    private static string? Text(JsonElement element, string name)
    {
        if (
            element.ValueKind != JsonValueKind.Object
            || !element.TryGetProperty(name, out var value)
            || value.ValueKind != JsonValueKind.String
        )
        {
            return null;
        }
        var text = value.GetString();
        return System.Net.IPAddress.TryParse(text, out var ip) ? ip.ToString() : text;
    }
}
