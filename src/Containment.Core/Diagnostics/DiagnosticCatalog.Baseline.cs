using static System.FormattableString;

namespace Containment.Core.Diagnostics;

// containment baseline (issue 15): DCF monitor-mode logs held against the policy. Range CT7001-CT7099.
public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticDescriptor LogInputUnreadable = new(
        "CT7001",
        Severity.Error,
        "Log input cannot be read",
        "A --logs input is missing, a directory, a FIFO, unreadable, or its gzip data is corrupt. Pass regular files (plain or gzip), or pipe a stream to stdin with --logs -."
    );

    public static readonly DiagnosticDescriptor KubernetesSnapshotInvalid = new(
        "CT7002",
        Severity.Error,
        "Pod or node snapshot is not kubectl JSON",
        "--pods takes the output of 'kubectl get pods -A -o json', --nodes that of 'kubectl get nodes -o json', taken from the stack's cluster at the time of the logs."
    );

    public static readonly DiagnosticDescriptor RuleExportInvalid = new(
        "CT7003",
        Severity.Error,
        "Rule export is not JSON",
        "--rules takes 'pulumi stack export', 'terraform show -json' or the controller's microseg policy-list JSON."
    );

    public static readonly DiagnosticDescriptor RuleExportNamesNoRule = new(
        "CT7004",
        Severity.Warning,
        "Rule export names no DCF rule",
        "The --rules file has no rules[] or policies[] entries with a name and a uuid, so rules are shown by UUID. Export the stack after 'pulumi up' (the UUIDs are computed by the controller)."
    );

    public static readonly DiagnosticDescriptor LogLinesSkipped = new(
        "CT7005",
        Severity.Warning,
        "Log lines could not be read",
        "Some lines were malformed, truncated, binary or longer than the line limit. They are counted in skippedLines with the first line numbers; the rest of the log was read."
    );

    public static readonly DiagnosticDescriptor NoWorkloadSnapshot = new(
        "CT7006",
        Severity.Info,
        "No pod snapshot: sources are unknown",
        "Logs carry IPs only. Pass --pods (kubectl get pods -A -o json) and --nodes (kubectl get nodes -o json) from the same cluster and time to map sources to SmartGroups."
    );
}

// Messages for `baseline` (CT6xxx). `problem` texts come from the readers and say what is wrong with the
// input's shape ("is not JSON", "has no items[]"), never what the input holds.
public sealed partial class DiagnosticBuilder
{
    /// <param name="linesBeforeCounted">True when reading stopped part-way and the lines before were counted.</param>
    public Diagnostic LogInputUnreadable(string? problem, bool linesBeforeCounted) =>
        Make(
            DiagnosticCatalog.LogInputUnreadable,
            linesBeforeCounted
                ? $"log input cannot be read to the end: {problem}; the lines before that were counted"
                : $"log input {problem ?? "cannot be opened"}"
        );

    public Diagnostic KubernetesSnapshotInvalid(string? problem) =>
        Make(
            DiagnosticCatalog.KubernetesSnapshotInvalid,
            $"the snapshot {problem ?? "is not a Kubernetes list"}"
        );

    public Diagnostic RuleExportInvalid(string? problem) =>
        Make(DiagnosticCatalog.RuleExportInvalid, $"the rule export {problem ?? "is not valid"}");

    public Diagnostic RuleExportNamesNoRule() =>
        Make(
            DiagnosticCatalog.RuleExportNamesNoRule,
            "the rule export has no rules[] or policies[] entry with a name and a uuid; rules are shown by UUID."
        );

    public Diagnostic LogLinesSkipped(long skippedLines, string firstReason) =>
        Make(
            DiagnosticCatalog.LogLinesSkipped,
            Invariant(
                $"{skippedLines} line{(skippedLines == 1 ? "" : "s")} could not be read; the first: {firstReason}"
            )
        );

    public Diagnostic NoWorkloadSnapshot() =>
        Make(
            DiagnosticCatalog.NoWorkloadSnapshot,
            "no --pods or --nodes: every source IP is reported as 'unknown' and counts as one of ours."
        );
}
