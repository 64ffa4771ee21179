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
                diagnostics.Add(DiagnosticBuilder.At(span).ObotWithoutEndpoint());
            }
            else if (
                Net.UrlParts.TryParse(settings.ObotEndpoint) is not { } parts
                || Net.HostName.Classify(parts.Host) == Net.HostKind.Invalid
            )
            {
                diagnostics.Add(DiagnosticBuilder.At(span).InvalidObotEndpoint());
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
            diagnostics.Add(DiagnosticBuilder.At(span).ControllerTooOld(s.ControllerVersion));
        }
        if (s.Decryption == DecryptionMode.Permits && s.ControllerVersion < DecryptionController)
        {
            diagnostics.Add(
                DiagnosticBuilder.At(span).DecryptionNeedsController90(s.ControllerVersion)
            );
        }
        if (s.AgentGuard && s.Decryption != DecryptionMode.Permits)
        {
            diagnostics.Add(DiagnosticBuilder.At(span).AgentGuardNeedsDecryption());
        }
        else if (s.AgentGuard)
        {
            diagnostics.Add(DiagnosticBuilder.At(span).AgentGuardRoadmap());
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
            var noClusterId = DiagnosticBuilder.At(span).NoClusterId();
            diagnostics.Add(
                mode == EnforcementMode.Enforce
                    ? noClusterId with
                    {
                        Severity = Severity.Error,
                    }
                    : noClusterId
            );
        }
        else if (ClusterIdProblem(cluster.Id, cloud) is { } problem)
        {
            diagnostics.Add(DiagnosticBuilder.At(span).InvalidClusterId(problem));
        }
        if (!KubernetesNames.IsDns1123Label(cluster.Namespace))
        {
            diagnostics.Add(DiagnosticBuilder.At(span).InvalidNamespace(cluster.Namespace));
        }
        if (cluster.PodLabels.Count == 0)
        {
            diagnostics.Add(
                DiagnosticBuilder
                    .At(span)
                    .InvalidLabel("cluster.podLabels", LabelProblem.Empty, string.Empty)
            );
        }
        ValidateLabels("cluster.podLabels", cluster.PodLabels, diagnostics, span);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var store in cluster.DataStores)
        {
            var at = DiagnosticBuilder.At(span);
            if (!KubernetesNames.IsDns1123Label(store.Name) || !seen.Add(store.Name))
            {
                diagnostics.Add(at.InvalidDataStore(store.Name, DataStoreProblem.Name, store.Port));
            }
            if (store.Port is < 1 or > 65535)
            {
                diagnostics.Add(at.InvalidDataStore(store.Name, DataStoreProblem.Port, store.Port));
            }
            if (store.Labels.Count == 0)
            {
                diagnostics.Add(
                    at.InvalidDataStore(store.Name, DataStoreProblem.NoLabels, store.Port)
                );
            }
            ValidateLabels(
                $"cluster.dataStores '{store.Name}' labels",
                store.Labels,
                diagnostics,
                span
            );
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
                    DiagnosticBuilder.At(span).InvalidLabel(what, LabelProblem.Key, key)
                );
            }
            else if (!KubernetesNames.IsLabelValue(value))
            {
                diagnostics.Add(
                    DiagnosticBuilder.At(span).InvalidLabel(what, LabelProblem.Value, key)
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
