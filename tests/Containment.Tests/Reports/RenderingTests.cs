using Containment.Cli.Rendering;
using Containment.Core.IO;
using Containment.Core.Reports;
using Containment.Tests.Infrastructure.Models;
using Containment.Tests.Reports.Check;
using Containment.Tests.Reports.Diff;

namespace Containment.Tests.Reports;

public class RenderingTests
{
    private sealed class FakeEnvironment(params (string Name, string Value)[] variables)
        : IEnvironment
    {
        public string? GetVariable(string name) =>
            variables.FirstOrDefault(v => v.Name == name).Value;
    }

    private static readonly OutputStyle Rich = OutputStyle.Decide(
        new FakeEnvironment(),
        isTerminal: true
    );

    [Fact]
    public void Tables_and_colour_only_on_a_terminal_without_no_color_or_ci()
    {
        Assert.True(Rich.Rich);
        Assert.Equal(
            OutputStyle.Plain("stdout is not a terminal"),
            OutputStyle.Decide(new FakeEnvironment(), isTerminal: false)
        );
        Assert.Equal(
            OutputStyle.Plain("NO_COLOR is set"),
            OutputStyle.Decide(new FakeEnvironment(("NO_COLOR", "1")), isTerminal: true)
        );
        Assert.Equal(
            OutputStyle.Plain("CI is set"),
            OutputStyle.Decide(new FakeEnvironment(("CI", "true")), isTerminal: true)
        );
        Assert.Equal(
            OutputStyle.Plain("TERM is dumb"),
            OutputStyle.Decide(new FakeEnvironment(("TERM", "dumb")), isTerminal: true)
        );
    }

    [Theory]
    [InlineData("NO_COLOR", "")]
    [InlineData("CI", "false")]
    [InlineData("CI", "0")]
    public void Empty_no_color_and_an_explicitly_false_ci_keep_tables(string name, string value)
    {
        Assert.True(OutputStyle.Decide(new FakeEnvironment((name, value)), isTerminal: true).Rich);
    }

    [Fact]
    public void Rich_diff_is_a_coloured_table_with_the_config_line_of_the_added_host()
    {
        var (b, h) = DiffCases.Get("provider-added");
        var output = new StringWriter();

        HumanOutput.WriteDiff(output, Rich, PolicyDiff.Compare(b, h), ReportFormat.Text);

        var text = output.ToString();
        Assert.Contains("\u001b[", text, StringComparison.Ordinal);
        Assert.Contains("api.mistral.ai", text, StringComparison.Ordinal);
        Assert.Contains(
            "infra/librechat.yaml:24 (endpoints.custom[1].baseURL)",
            text,
            StringComparison.Ordinal
        );
        Assert.Contains("╭", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ReportFormat.Text)]
    [InlineData(ReportFormat.Markdown)]
    [InlineData(ReportFormat.Json)]
    public void Plain_style_writes_exactly_the_core_rendering(ReportFormat format)
    {
        var (b, h) = DiffCases.Get("mcp-added");
        var diff = PolicyDiff.Compare(b, h);
        var output = new StringWriter();

        HumanOutput.WriteDiff(output, OutputStyle.Plain("CI is set"), diff, format);

        Assert.Equal(DiffReport.Render(diff, format), output.ToString());
    }

    [Fact]
    public void Markdown_and_json_never_use_tables_even_on_a_terminal()
    {
        var (b, h) = DiffCases.Get("provider-added");
        var diff = PolicyDiff.Compare(b, h);
        var output = new StringWriter();

        HumanOutput.WriteDiff(output, Rich, diff, ReportFormat.Markdown);

        Assert.Equal(DiffMarkdownRenderer.Render(diff), output.ToString());
    }

    [Fact]
    public void Rich_check_shows_the_verdict_rule_and_suggestion()
    {
        var output = new StringWriter();

        HumanOutput.WriteCheck(output, Rich, CheckReportTests.Deny(), ReportFormat.Text);

        var text = output.ToString();
        Assert.Contains("DENIED", text, StringComparison.Ordinal);
        Assert.Contains("deny-pods-internet (priority 210, DENY)", text, StringComparison.Ordinal);
        Assert.Contains("api.openai.com? a likely typo", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Rich_plan_lists_rules_in_priority_order_and_hosts_with_sources()
    {
        var output = new StringWriter();

        HumanOutput.WritePlan(
            output,
            Rich,
            SampleReviewPolicies.Base(),
            () => throw new InvalidOperationException("plain text is not used on a rich terminal")
        );

        var text = output.ToString();
        Assert.True(
            text.IndexOf("permit-llm-providers", StringComparison.Ordinal)
                < text.IndexOf("deny-pods-internet", StringComparison.Ordinal)
        );
        Assert.Contains("catalogue registries 2026-11: aws-ecr", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_plan_uses_the_given_text_rendering()
    {
        var output = new StringWriter();

        HumanOutput.WritePlan(
            output,
            OutputStyle.Plain("NO_COLOR is set"),
            SampleReviewPolicies.Base(),
            () => "plan text\n"
        );

        Assert.Equal("plan text\n", output.ToString());
    }

    [Fact]
    public void Config_text_with_spectre_markup_characters_is_escaped_not_interpreted()
    {
        var evil = SampleReviewPolicies
            .Base()
            .WithHosts(
                "llm-providers",
                hosts =>
                    hosts.Append(
                        SampleReviewPolicies.Host(
                            "api.mistral.ai",
                            SampleReviewPolicies.Line(24, "endpoints.custom[bold][1]")
                        )
                    )
            );
        var output = new StringWriter();

        HumanOutput.WriteDiff(
            output,
            Rich,
            PolicyDiff.Compare(
                new PolicySnapshot("b", SampleReviewPolicies.Base(), []),
                new PolicySnapshot("h", evil, [])
            ),
            ReportFormat.Text
        );

        Assert.Contains("endpoints.custom[bold][1]", output.ToString(), StringComparison.Ordinal);
    }
}

public class TerminalTests
{
    [Fact]
    public void An_injected_writer_is_never_a_terminal()
    {
        Assert.False(Terminal.IsTerminal(new StringWriter()));
    }
}
