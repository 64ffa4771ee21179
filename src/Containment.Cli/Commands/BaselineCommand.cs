using System.CommandLine;
using System.Globalization;
using Containment.Cli.Input;
using Containment.Cli.Output;
using Containment.Core.Baseline;
using Containment.Core.Diagnostics;
using Containment.Core.IO;
using Containment.Core.Policy;

namespace Containment.Cli.Commands;

/// <summary><c>containment baseline</c>: DCF monitor-mode logs held against the stack's policy; what enforcement would block.</summary>
internal static class BaselineCommand
{
    /// <summary>kubectl and export JSON is read whole (JsonDocument); a cluster's pod list is far below this.</summary>
    private const long MaxSnapshotBytes = 256L * 1024 * 1024;

    private const string Description =
        "Read Aviatrix DCF logs from monitor (watch) mode and report the flows enforcement would block, grouped by\n"
        + "workload and destination, with what would allow each; enforced denies and permits per rule apart.\n"
        + "Logs: remote-syslog files as a gateway writes them (L4 AviatrixGwMicrosegPacket, L7 traffic_server JSON),\n"
        + "plain or gzip, or - for stdin. Lines that cannot be read are counted, never fatal.\n"
        + "Exit codes: 0 report written, 1 an unreadable input or config errors (or --fail-if-would-deny and not ready),\n"
        + "2 usage errors.\n\n"
        + "Examples:\n"
        + "  containment baseline --stack dev --logs gw.log gw.log.1.gz --pods pods.json --nodes nodes.json --rules state.json\n"
        + "  zcat logs/*.gz | containment baseline --stack dev --logs - --format markdown --fail-if-would-deny";

    public static Command Create(CliContext context, CommonOptions common)
    {
        var logs = new Option<string[]>("--logs")
        {
            Description = "DCF log files (plain or gzip); - reads stdin.",
            HelpName = "FILE",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var pods = new Option<string?>("--pods")
        {
            Description = "kubectl get pods -A -o json, from the same cluster and time.",
            HelpName = "FILE",
        };
        var nodes = new Option<string?>("--nodes")
        {
            Description = "kubectl get nodes -o json (maps node IPs to librechat-nodes).",
            HelpName = "FILE",
        };
        var rules = new Option<string?>("--rules")
        {
            Description =
                "Rule UUIDs to names: pulumi stack export, terraform show -json, or the controller's policy list.",
            HelpName = "FILE",
        };
        var format = new Option<string>("--format")
        {
            Description = "text (a table), markdown (for the promotion PR) or json.",
            DefaultValueFactory = _ => "text",
            HelpName = "text|markdown|json",
        };
        format.AcceptOnlyFromAmong("text", "markdown", "json");
        var failIfWouldDeny = new Option<bool>("--fail-if-would-deny")
        {
            Description = "Exit 1 unless the verdict is ready (gates mode: monitor -> enforce).",
        };
        var command = new Command("baseline", Description);
        common.AddTo(command, withStack: true);
        command.Options.Add(logs);
        command.Options.Add(pods);
        command.Options.Add(nodes);
        command.Options.Add(rules);
        command.Options.Add(format);
        command.Options.Add(failIfWouldDeny);
        command.SetAction(parse =>
            Run(
                context,
                common.ValuesFrom(parse),
                new Inputs(
                    parse.GetValue(logs) ?? [],
                    parse.GetValue(pods),
                    parse.GetValue(nodes),
                    parse.GetValue(rules)
                ),
                parse.GetValue(format) ?? "text",
                parse.GetValue(failIfWouldDeny)
            )
        );
        return command;
    }

    private sealed record Inputs(string[] Logs, string? Pods, string? Nodes, string? Rules);

    private static int Run(
        CliContext context,
        CommonOptionValues options,
        Inputs inputs,
        string format,
        bool failIfWouldDeny
    )
    {
        var diagnostics = new DiagnosticBag();
        var model = StackSelection.Run(context, options, diagnostics)?.Model;
        if (model is null)
        {
            DiagnosticReport.WriteText(context.Stderr, diagnostics.Sorted());
            context.Stderr.Write(
                "containment: the stack produced no policy to hold the logs against; fix the errors above.\n"
            );
            return ExitCodes.ConfigErrors;
        }
        var workloads = LoadWorkloads(context, model, inputs, diagnostics);
        var ruleNames = LoadRules(context, inputs.Rules, diagnostics);
        if (workloads is null || ruleNames is null)
        {
            DiagnosticReport.WriteText(context.Stderr, diagnostics.Sorted());
            return ExitCodes.ConfigErrors;
        }
        var analyzer = new BaselineAnalyzer(model, workloads, ruleNames);
        var unreadable = false;
        foreach (var path in inputs.Logs)
        {
            unreadable |= !ReadOne(context, analyzer, path, diagnostics);
        }
        var report = analyzer.Report();
        if (report.SkippedLines > 0)
        {
            var first = report.FirstSkipped[0];
            var span = new SourceSpan(first.File, (int)Math.Min(first.Line, int.MaxValue), 1);
            diagnostics.Add(
                DiagnosticBuilder.At(span).LogLinesSkipped(report.SkippedLines, first.Reason)
            );
        }
        DiagnosticReport.WriteText(context.Stderr, diagnostics.Sorted());
        context.Stdout.Write(
            format switch
            {
                "json" => BaselineJson.Write(report),
                "markdown" => BaselineMarkdown.Write(report),
                _ => BaselineText.Write(report),
            }
        );
        if (unreadable || diagnostics.HasErrors)
        {
            return ExitCodes.ConfigErrors;
        }
        return failIfWouldDeny && !report.Ready ? ExitCodes.ConfigErrors : ExitCodes.Success;
    }

    /// <summary>Streams one input into the analyzer; false (and CT7001) when it cannot be opened or breaks while reading.</summary>
    private static bool ReadOne(
        CliContext context,
        BaselineAnalyzer analyzer,
        string path,
        DiagnosticBag diagnostics
    )
    {
        var display = path == LogInputOpener.Stdin ? "<stdin>" : path;
        using var stream = LogInputOpener.Open(path, context.OpenStdin, out var problem);
        if (stream is null)
        {
            diagnostics.Add(
                DiagnosticBuilder
                    .AtFile(display)
                    .LogInputUnreadable(problem, linesBeforeCounted: false)
            );
            return false;
        }
        try
        {
            analyzer.Read(stream, display);
            return true;
        }
        catch (Exception ex)
            when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            var what =
                ex is InvalidDataException
                    ? "its gzip data is corrupt or truncated"
                    : $"reading failed ({ex.GetType().Name})";
            diagnostics.Add(
                DiagnosticBuilder.AtFile(display).LogInputUnreadable(what, linesBeforeCounted: true)
            );
            return false;
        }
    }

    private static WorkloadMap? LoadWorkloads(
        CliContext context,
        PolicyModel model,
        Inputs inputs,
        DiagnosticBag diagnostics
    )
    {
        if (inputs.Pods is null && inputs.Nodes is null)
        {
            diagnostics.Add(DiagnosticBuilder.AtFile("--pods").NoWorkloadSnapshot());
            return WorkloadMap.Empty(model);
        }
        byte[]? podsJson = null,
            nodesJson = null;
        if (
            inputs.Pods is not null
            && (
                podsJson = BoundedFile.TryRead(
                    context.FileSystem,
                    inputs.Pods,
                    inputs.Pods,
                    MaxSnapshotBytes,
                    "pod snapshot",
                    diagnostics
                )
            )
                is null
        )
        {
            return null;
        }
        if (
            inputs.Nodes is not null
            && (
                nodesJson = BoundedFile.TryRead(
                    context.FileSystem,
                    inputs.Nodes,
                    inputs.Nodes,
                    MaxSnapshotBytes,
                    "node snapshot",
                    diagnostics
                )
            )
                is null
        )
        {
            return null;
        }
        var map = WorkloadMap.Load(model, podsJson, nodesJson, out var problem);
        if (map is null)
        {
            diagnostics.Add(
                DiagnosticBuilder
                    .AtFile(inputs.Pods ?? inputs.Nodes ?? "")
                    .KubernetesSnapshotInvalid(problem)
            );
        }
        return map;
    }

    private static RuleNames? LoadRules(CliContext context, string? path, DiagnosticBag diagnostics)
    {
        if (path is null)
        {
            return RuleNames.None;
        }
        var bytes = BoundedFile.TryRead(
            context.FileSystem,
            path,
            path,
            MaxSnapshotBytes,
            "rule export",
            diagnostics
        );
        if (bytes is null)
        {
            return null;
        }
        var names = RuleNames.Load(bytes, out var problem);
        if (names is null)
        {
            diagnostics.Add(DiagnosticBuilder.AtFile(path).RuleExportInvalid(problem));
        }
        else if (names.Count == 0)
        {
            diagnostics.Add(DiagnosticBuilder.AtFile(path).RuleExportNamesNoRule());
        }
        return names;
    }
}
