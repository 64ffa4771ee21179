using Containment.Core.Model;
using Containment.Core.Policy;
using Containment.Core.Reports;
using Containment.Tests.Infrastructure;
using static Containment.Tests.Infrastructure.Models.SampleReviewPolicies;

namespace Containment.Tests.Reports.Check;

public class CheckReportTests
{
    internal static CheckResult Permit() =>
        new()
        {
            Host = "api.openai.com",
            From = SmartGroupRole.Pods,
            Port = 443,
            Permitted = true,
            Rule = new CheckRule("permit-llm-providers", 110, RuleAction.Permit, Watch: true),
            WebGroup = "llm-providers",
            MatchedHost = "api.openai.com",
            Sources = [Line(7, "endpoints.openAI", 3)],
            Notes = ["Ignored the scheme \"https://\": check takes a host name."],
        };

    internal static CheckResult Deny() =>
        new()
        {
            Host = "api.opneai.com",
            From = SmartGroupRole.Pods,
            Port = 443,
            Permitted = false,
            Rule = new CheckRule("deny-pods-internet", 210, RuleAction.Deny, Watch: false),
            Suggestions = NearestHostSuggester.Suggest(
                Base(),
                "api.opneai.com",
                SmartGroupRole.Pods
            ),
        };

    [Theory]
    [InlineData("permit", "expected.txt", ReportFormat.Text)]
    [InlineData("permit", "expected.json", ReportFormat.Json)]
    [InlineData("deny", "expected.txt", ReportFormat.Text)]
    [InlineData("deny", "expected.md", ReportFormat.Markdown)]
    [InlineData("deny", "expected.json", ReportFormat.Json)]
    public void Check_output_matches_its_golden_file(string name, string file, ReportFormat format)
    {
        var result = name == "permit" ? Permit() : Deny();

        Baseline.Match($"check-{name}", file, CheckReport.Render(result, format));
    }

    [Fact]
    public void A_deny_in_watch_mode_says_it_is_only_logged()
    {
        var watched = Deny() with
        {
            Rule = new CheckRule("deny-pods-internet", 210, RuleAction.Deny, Watch: true),
        };

        Assert.StartsWith(
            "DENIED (watch mode",
            CheckReport.Render(watched, ReportFormat.Text),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void No_matching_rule_names_the_default_action()
    {
        var unmatched = Deny() with { Rule = null, Suggestions = [] };

        Assert.Contains(
            "no rule matched",
            CheckReport.Render(unmatched, ReportFormat.Text),
            StringComparison.Ordinal
        );
        Assert.Contains(
            "\"rule\": null",
            CheckReport.Render(unmatched, ReportFormat.Json),
            StringComparison.Ordinal
        );
    }
}
