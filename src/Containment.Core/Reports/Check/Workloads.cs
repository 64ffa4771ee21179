using Containment.Core.Model;

namespace Containment.Core.Reports;

/// <summary>The <c>--from</c> values of <c>check</c>: the workloads whose SmartGroups egress rules start from.</summary>
public static class Workloads
{
    public const string Pods = "pods";
    public const string DataStores = "data-stores";
    public const string Nodes = "nodes";
    public const string RagApi = "rag-api";

    public static IReadOnlyList<string> Names { get; } = [Pods, DataStores, Nodes, RagApi];

    public static SmartGroupRole? Parse(string? value) =>
        value?.Trim().ToLowerInvariant() switch
        {
            Pods => SmartGroupRole.Pods,
            DataStores => SmartGroupRole.DataStores,
            Nodes => SmartGroupRole.Nodes,
            RagApi => SmartGroupRole.RagApi,
            _ => null,
        };

    public static string UnknownMessage(string value) =>
        $"Unknown workload \"{value}\": use {string.Join(", ", Names)}.";
}
