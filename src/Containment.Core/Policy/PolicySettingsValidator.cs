using System.Text.RegularExpressions;
using Containment.Core.Diagnostics;
using Containment.Core.Model;
using Containment.Core.Settings;

namespace Containment.Core.Policy;

/// <summary>
/// Checks the stack settings the policy depends on: values the Aviatrix API or Kubernetes would refuse,
/// conflicting settings and version gates. Each problem is a diagnostic against the settings source.
/// </summary>
public static partial class PolicySettingsValidator
{
    public static readonly Version MinimumController = new(8, 2);
    public static readonly Version DecryptionController = new(9, 0);

    public static void Validate(StackSettings settings, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var span = SourceSpan.FileOnly(settings.Source);
        ValidateVersionGates(settings, diagnostics, span);
        ValidateCluster(settings.Cluster, settings.CloudProvider, settings.Mode, diagnostics, span);
        if (settings.McpPlatform == McpPlatform.Obot)
        {
            if (string.IsNullOrWhiteSpace(settings.ObotEndpoint))
            {
                diagnostics.Add(
                    DiagnosticCatalog.ObotWithoutEndpoint,
                    span,
                    "mcpPlatform is 'obot' but obotEndpoint is not set; set obotEndpoint to the Obot gateway URL."
                );
            }
            else if (
                Net.UrlParts.TryParse(settings.ObotEndpoint) is not { } parts
                || Net.HostName.Classify(parts.Host) == Net.HostKind.Invalid
            )
            {
                diagnostics.Add(
                    DiagnosticCatalog.InvalidObotEndpoint,
                    span,
                    $"obotEndpoint '{settings.ObotEndpoint}' is not a URL or host name."
                );
            }
        }
    }

    private static void ValidateVersionGates(
        StackSettings s,
        DiagnosticBag diagnostics,
        SourceSpan span
    )
    {
        if (s.ControllerVersion < MinimumController)
        {
            diagnostics.Add(
                DiagnosticCatalog.ControllerTooOld,
                span,
                $"controllerVersion {s.ControllerVersion} has no DCF rulesets; upgrade the Aviatrix Controller to 8.2 or later."
            );
        }
        if (s.Decryption == DecryptionMode.Permits && s.ControllerVersion < DecryptionController)
        {
            diagnostics.Add(
                DiagnosticCatalog.DecryptionNeedsController90,
                span,
                $"decryption 'permits' needs Aviatrix Controller 9.0 or later (this stack says {s.ControllerVersion}); upgrade the controller to 9.0 and set controllerVersion: \"9.0\", or set decryption: off."
            );
        }
        if (s.AgentGuard && s.Decryption != DecryptionMode.Permits)
        {
            diagnostics.Add(
                DiagnosticCatalog.AgentGuardNeedsDecryption,
                span,
                "agentGuard is 'on' but decryption is 'off'; AgentGuard needs decryption: permits (controller 9.0+)."
            );
        }
        else if (s.AgentGuard)
        {
            diagnostics.Add(
                DiagnosticCatalog.AgentGuardRoadmap,
                span,
                "agentGuard 'on' is a roadmap setting: it is validated and reported, but changes nothing yet."
            );
        }
    }

    private static void ValidateCluster(
        ClusterSettings cluster,
        CloudProvider cloud,
        EnforcementMode mode,
        DiagnosticBag diagnostics,
        SourceSpan span
    )
    {
        if (string.IsNullOrWhiteSpace(cluster.Id))
        {
            // Widens the policy to every cluster: tolerable while rules only watch, an error once they enforce.
            diagnostics.Add(
                DiagnosticCatalog.NoClusterId,
                span,
                "cluster.id is not set: the SmartGroups match pods and nodes in every cluster Aviatrix knows.",
                mode == EnforcementMode.Enforce ? Severity.Error : null
            );
        }
        else if (ClusterIdProblem(cluster.Id, cloud) is { } problem)
        {
            diagnostics.Add(DiagnosticCatalog.InvalidClusterId, span, $"cluster.id {problem}.");
        }
        if (!KubernetesNames.IsDns1123Label(cluster.Namespace))
        {
            diagnostics.Add(
                DiagnosticCatalog.InvalidNamespace,
                span,
                $"cluster.namespace '{cluster.Namespace}' is not a DNS-1123 label (lower-case letters, digits and '-', at most 63 characters)."
            );
        }
        if (cluster.PodLabels.Count == 0)
        {
            diagnostics.Add(
                DiagnosticCatalog.InvalidLabel,
                span,
                "cluster.podLabels is empty: the pods SmartGroup would select every pod in the namespace; give LibreChat's pod labels."
            );
        }
        ValidateLabels("cluster.podLabels", cluster.PodLabels, diagnostics, span);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var store in cluster.DataStores)
        {
            var what = $"cluster.dataStores '{store.Name}'";
            if (!KubernetesNames.IsDns1123Label(store.Name) || !seen.Add(store.Name))
            {
                diagnostics.Add(
                    DiagnosticCatalog.InvalidDataStore,
                    span,
                    $"{what}: the name must be a unique DNS-1123 label."
                );
            }
            if (store.Port is < 1 or > 65535)
            {
                diagnostics.Add(
                    DiagnosticCatalog.InvalidDataStore,
                    span,
                    $"{what}: port {store.Port} is outside 1-65535."
                );
            }
            if (store.Labels.Count == 0)
            {
                diagnostics.Add(
                    DiagnosticCatalog.InvalidDataStore,
                    span,
                    $"{what}: no labels, so it would select every pod in the namespace."
                );
            }
            ValidateLabels(what + " labels", store.Labels, diagnostics, span);
        }
    }

    private static void ValidateLabels(
        string what,
        IReadOnlyDictionary<string, string> labels,
        DiagnosticBag diagnostics,
        SourceSpan span
    )
    {
        foreach (var (key, value) in labels.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!KubernetesNames.IsLabelKey(key))
            {
                diagnostics.Add(
                    DiagnosticCatalog.InvalidLabel,
                    span,
                    $"{what}: '{key}' is not a valid label key."
                );
            }
            else if (!KubernetesNames.IsLabelValue(value))
            {
                diagnostics.Add(
                    DiagnosticCatalog.InvalidLabel,
                    span,
                    $"{what}: the value of '{key}' is not a valid label value."
                );
            }
        }
    }

    /// <summary>Why Aviatrix would refuse the id, or null. EKS ids are ARNs; AKS ids are lower-cased resource ids.</summary>
    public static string? ClusterIdProblem(string id, CloudProvider cloud)
    {
        if (id.Length > 512 || id.Any(c => c <= ' ' || c > '~'))
        {
            return "must be printable ASCII without spaces, at most 512 characters";
        }
        if (id.StartsWith("arn:", StringComparison.Ordinal) && !EksArnRegex().IsMatch(id))
        {
            return "looks like an ARN but is not an EKS cluster ARN (arn:aws:eks:<region>:<account>:cluster/<name>)";
        }
        if (
            id.StartsWith("/subscriptions/", StringComparison.OrdinalIgnoreCase)
            && !string.Equals(id, id.ToLowerInvariant(), StringComparison.Ordinal)
        )
        {
            return "is an AKS resource id with upper-case letters; Aviatrix keys AKS clusters by the lower-cased resource id";
        }
        if (
            cloud == CloudProvider.Aws
            && id.StartsWith("/subscriptions/", StringComparison.OrdinalIgnoreCase)
        )
        {
            return "is an Azure resource id but cloudProvider is aws";
        }
        if (cloud == CloudProvider.Azure && id.StartsWith("arn:", StringComparison.Ordinal))
        {
            return "is an AWS ARN but cloudProvider is azure";
        }
        return null;
    }

    [GeneratedRegex(
        @"^arn:aws(-[a-z]+)*:eks:[a-z0-9-]+:[0-9]{12}:cluster/[A-Za-z0-9][A-Za-z0-9_-]{0,99}$"
    )]
    private static partial Regex EksArnRegex();
}
