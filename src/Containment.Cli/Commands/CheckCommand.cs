using System.CommandLine;
using Containment.Cli.Input;
using Containment.Cli.Output;
using Containment.Cli.Rendering;
using Containment.Core.Diagnostics;
using Containment.Core.Model;
using Containment.Core.Policy;
using Containment.Core.Reports;

namespace Containment.Cli.Commands;

/// <summary><c>containment check HOST</c>: would HOST be permitted for a workload, by which rule, because of which config line.</summary>
internal static class CheckCommand
{
    private const string Description =
        "Tell whether HOST is permitted for a workload, by which rule, and which config line or catalogue entry put it\n"
        + "there; for a denied host, the nearest allowed host when it looks like a typo or a sibling subdomain.\n"
        + "A URL is accepted: its scheme, path and query are dropped with a note.\n"
        + "Exit codes: 0 answered (permitted or denied), 1 config or settings errors, 2 usage errors.\n\n"
        + "Examples:\n"
        + "  containment check api.openai.com --stack dev\n"
        + "  containment check https://api.mistral.ai/v1 --from pods --port 443 --format json";

    public static Command Create(CliContext context, CommonOptions common)
    {
        var host = new Argument<string>("HOST") { Description = "Host name (or URL) to check." };
        var from = new Option<string>("--from")
        {
            Description = "Workload the traffic starts from.",
            DefaultValueFactory = _ => Workloads.Pods,
            HelpName = "pods|data-stores|nodes",
        };
        from.AcceptOnlyFromAmong([.. Workloads.Names]);
        var port = new Option<int?>("--port")
        {
            Description = "Destination port (default: from the URL, else 443).",
            HelpName = "N",
        };
        var verbose = new Option<bool>("--verbose")
        {
            Description = "Also print the diagnostics that do not concern HOST.",
        };
        var format = new Option<string>("--format")
        {
            Description = "text (a table on a terminal), markdown or json.",
            DefaultValueFactory = _ => "text",
            HelpName = "text|markdown|json",
        };
        format.AcceptOnlyFromAmong("text", "markdown", "json");
        var command = new Command("check", Description);
        command.Arguments.Add(host);
        common.AddTo(command, withStack: true);
        command.Options.Add(from);
        command.Options.Add(port);
        command.Options.Add(format);
        command.Options.Add(verbose);
        command.SetAction(parse =>
            Run(
                context,
                parse.GetValue(host),
                Workloads.Parse(parse.GetValue(from)) ?? SmartGroupRole.Pods,
                parse.GetValue(port),
                ReportFormats.Parse(parse.GetValue(format)) ?? ReportFormat.Text,
                common.ValuesFrom(parse),
                parse.GetValue(verbose)
            )
        );
        return command;
    }

    private static int Run(
        CliContext context,
        string? rawHost,
        SmartGroupRole from,
        int? port,
        ReportFormat format,
        CommonOptionValues options,
        bool verbose
    )
    {
        var argument = HostArgument.Parse(rawHost, port);
        if (argument.Error is { } error)
        {
            context.Stderr.Write(
                $"containment: {TextEscape.Line(error)}\nTry 'containment check --help' for usage.\n"
            );
            return ExitCodes.Usage;
        }
        var snapshot = PolicyInputs.Build(context, null, options);
        if (snapshot.Model is not { } model)
        {
            DiagnosticReport.WriteText(context.Stderr, snapshot.Diagnostics);
            context.Stderr.Write(
                $"containment: {TextEscape.Line(snapshot.Label)} produced no policy; fix the errors above.\n"
            );
            return ExitCodes.ConfigErrors;
        }
        var result = Evaluate(model, from, argument);
        // The answer first; then only what concerns this host (the rest is the plan's business, behind --verbose).
        HumanOutput.WriteCheck(
            context.Stdout,
            OutputStyle.Decide(context.Environment, Terminal.IsTerminal(context.Stdout)),
            result,
            format
        );
        var relevant = verbose
            ? snapshot.Diagnostics
            : CheckDiagnostics.Concerning(result, snapshot.Diagnostics);
        DiagnosticReport.WriteText(context.Stderr, relevant);
        if (snapshot.Diagnostics.Count > relevant.Count)
        {
            context.Stderr.Write(
                $"containment: {PolicyText.Count(snapshot.Diagnostics.Count - relevant.Count, "other diagnostic")} not about {TextEscape.Line(result.Host)}; --verbose shows them.\n"
            );
        }
        return ExitCodes.Success;
    }

    /// <summary>The evaluator's answer as a <see cref="CheckResult"/>, with suggestions for a deny.</summary>
    internal static CheckResult Evaluate(
        PolicyModel model,
        SmartGroupRole from,
        HostArgument argument
    )
    {
        var host =
            argument.Host
            ?? throw new ArgumentException("A valid host argument is required.", nameof(argument));
        var evaluation = PolicyEvaluator.Evaluate(model, from, host, argument.Port);
        return new CheckResult
        {
            Host = host,
            From = from,
            Port = argument.Port,
            Permitted = evaluation.IsPermitted,
            Rule = evaluation.Rule is { } rule
                ? new CheckRule(rule.Name, rule.Priority, rule.Action, rule.Watch)
                : null,
            WebGroup = evaluation.WebGroup?.Name,
            MatchedHost = evaluation.MatchedHost?.Host,
            Sources = evaluation.Sources,
            Suggestions = evaluation.IsPermitted
                ? []
                : NearestHostSuggester.Suggest(model, host, from),
            Notes =
            [
                .. argument.Notes,
                .. evaluation.Rule is null
                    ? [evaluation.Explanation]
                    : OtherPortsNote(model, from, host, evaluation.IsPermitted),
            ],
        };
    }

    /// <summary>For a deny, the ports the same host is permitted on, if any: the usual cause is a scheme or port mismatch.</summary>
    private static IEnumerable<string> OtherPortsNote(
        PolicyModel model,
        SmartGroupRole from,
        string host,
        bool permitted
    )
    {
        var ports = permitted ? [] : PolicyEvaluator.PermittedWebPorts(model, from, host);
        if (ports.Count > 0)
        {
            yield return $"{host} is permitted on port {string.Join(", ", ports.Select(PolicyText.Number))} only: each host is permitted on the ports its configuration names.";
        }
    }
}
