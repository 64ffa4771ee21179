using System.Text.Json.Nodes;
using Containment.Core.Targets.Aviatrix;

namespace Containment.Core.Targets.AviatrixCrd;

/// <summary>
/// Checks a <see cref="FirewallPolicy"/> as built against the CRD's structural schema (firewallpolicy-crd-facts.json):
/// the IR becomes the in-memory object the API server would receive (comments are not part of it), never printed and
/// re-read text. Problems read <c>$.path: reason</c>.
/// </summary>
public static class FirewallPolicyManifestCheck
{
    public static IReadOnlyList<string> Check(FirewallPolicy policy) =>
        FirewallPolicyCrdSchema.Instance.Validate(ToObject(policy));

    /// <summary>The object the manifest describes, as the API server sees it.</summary>
    public static JsonObject ToObject(FirewallPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return new JsonObject
        {
            ["apiVersion"] = "networking.aviatrix.com/v1alpha1",
            ["kind"] = "FirewallPolicy",
            ["metadata"] = new JsonObject
            {
                ["name"] = policy.Name,
                ["namespace"] = policy.Namespace,
                ["labels"] = Labels(policy.Labels),
            },
            ["spec"] = new JsonObject
            {
                ["rules"] = Array(policy.Rules, Rule),
                ["smartGroups"] = Array(policy.SmartGroups, SmartGroup),
                ["webGroups"] = Array(
                    policy.WebGroups,
                    group => new JsonObject
                    {
                        ["name"] = group.Name,
                        ["domains"] = Array(group.Domains, d => JsonValue.Create(d.Host)),
                    }
                ),
            },
        };
    }

    private static JsonObject Rule(CrdRule rule)
    {
        var json = new JsonObject
        {
            ["name"] = rule.Name,
            ["action"] = rule.Action,
            ["protocol"] = rule.Protocol,
        };
        // Integers as long: the structural validator reads numbers as a JSON parser yields them.
        if (rule.Port is { } port)
        {
            json["port"] = (long)port;
        }

        if (rule.EndPort is { } endPort)
        {
            json["endPort"] = (long)endPort;
        }

        json["selector"] = new JsonObject { ["matchLabels"] = Labels(rule.MatchLabels) };
        json["destinationSmartGroups"] = Array(
            rule.Destinations,
            d =>
                d.Uuid is not null
                    ? new JsonObject { ["uuid"] = d.Uuid }
                    : new JsonObject { ["name"] = d.Name }
        );
        if (rule.WebGroups.Count > 0)
        {
            json["webGroups"] = Array(rule.WebGroups, name => new JsonObject { ["name"] = name });
        }

        json["logging"] = rule.Logging;
        json["watch"] = rule.Watch;
        if (rule.DecryptPolicy is not null)
        {
            json["decryptPolicy"] = rule.DecryptPolicy;
        }

        return json;
    }

    private static JsonObject SmartGroup(CrdSmartGroup group) =>
        new()
        {
            ["name"] = group.Name,
            ["selectors"] = Array(
                group.Selectors,
                selector =>
                {
                    var json = new JsonObject { ["type"] = selector.Type };
                    if (selector.K8sClusterId is not null)
                    {
                        json["k8sClusterId"] = selector.K8sClusterId;
                    }

                    if (selector.K8sNamespace is not null)
                    {
                        json["k8sNamespace"] = selector.K8sNamespace;
                    }

                    if (selector.Tags.Pairs.Count > 0)
                    {
                        json["tags"] = Labels(selector.Tags);
                    }

                    return json;
                }
            ),
        };

    private static JsonObject Labels(CrdLabels labels)
    {
        var json = new JsonObject();
        foreach (var (key, value) in labels.Pairs)
        {
            json[key] = value;
        }

        return json;
    }

    private static JsonArray Array<T>(IEnumerable<T> items, Func<T, JsonNode?> item) =>
        new([.. items.Select(item)]);
}
