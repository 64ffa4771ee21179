using Containment.Core.Model;
using Containment.Core.Policy;
using Containment.Core.Reports;
using Containment.Tests.Infrastructure.Models;
using static Containment.Tests.Infrastructure.Models.SampleReviewPolicies;

namespace Containment.Tests.Reports.Diff;

public class PolicyDiffTests
{
    private static EgressDiff Diff(
        PolicyModel before,
        PolicyModel after,
        Core.Diagnostics.Diagnostic[]? baseDiagnostics = null,
        Core.Diagnostics.Diagnostic[]? headDiagnostics = null
    ) =>
        PolicyDiff.Compare(
            new PolicySnapshot("base", before, baseDiagnostics ?? []),
            new PolicySnapshot("head", after, headDiagnostics ?? [])
        );

    [Fact]
    public void Added_host_carries_the_config_line_that_caused_it()
    {
        var diff = Diff(
            Base(),
            Base()
                .WithHosts(
                    "llm-providers",
                    h => h.Append(Host("api.mistral.ai", Line(24, "endpoints.custom[1].baseURL")))
                )
        );

        var group = Assert.Single(diff.WebGroups);
        Assert.Equal(ChangeKind.Changed, group.Kind);
        var host = Assert.Single(group.AddedHosts);
        Assert.Equal("api.mistral.ai", host.Host);
        Assert.Equal(Line(24, "endpoints.custom[1].baseURL"), Assert.Single(host.Sources));
        Assert.Equal("permit-llm-providers", Assert.Single(group.PermittedBy).Name);
        Assert.Empty(diff.Rules);
    }

    [Fact]
    public void Identical_policies_give_an_empty_diff_that_renders_as_one_line_in_every_text_format()
    {
        var diff = Diff(Base(), Base());

        Assert.True(diff.IsEmpty);
        Assert.Equal("No egress changes (stack dev).\n", DiffTextRenderer.Render(diff));
        Assert.Single(DiffMarkdownRenderer.Render(diff).TrimEnd('\n').Split('\n'));
        Assert.Contains(
            DiffMarkdownRenderer.Marker,
            DiffMarkdownRenderer.Render(diff),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void Host_added_to_a_group_no_permit_rule_uses_is_not_new_egress()
    {
        var head = Base() with
        {
            WebGroups =
            [
                .. Base().WebGroups,
                new WebGroup("unused", "app-service", [Host("example.org", Line(60, "x"))]),
            ],
        };

        var diff = Diff(Base(), head);

        Assert.False(diff.HasNewEgress);
        Assert.Empty(Assert.Single(diff.WebGroups).PermittedBy);
    }

    [Fact]
    public void Deny_turned_into_permit_is_new_egress()
    {
        var head = Base()
            .WithRules(r =>
                r.Name == "deny-pods-internet" ? r with { Action = RuleAction.Permit } : r
            );

        var diff = Diff(Base(), head);

        Assert.True(diff.HasNewEgress);
        Assert.Contains(
            diff.NewEgress,
            r =>
                r.Sentence.Contains("public-internet", StringComparison.Ordinal)
                && r.Sentence.Contains("deny-pods-internet", StringComparison.Ordinal)
        );
        var change = Assert.Single(diff.Rules);
        Assert.Equal(new ValueChange("action", "DENY", "PERMIT"), Assert.Single(change.Fields));
    }

    [Fact]
    public void New_port_on_a_permit_is_new_egress_and_a_changed_rule()
    {
        var head = Base()
            .WithRules(r =>
                r.Name == "permit-llm-providers"
                    ? r with
                    {
                        Ports = [new PortRange(443), new PortRange(8443)],
                    }
                    : r
            );

        var diff = Diff(Base(), head);

        Assert.Equal(3, diff.NewEgress.Count);
        Assert.All(
            diff.NewEgress,
            r => Assert.Contains("TCP 8443", r.Sentence, StringComparison.Ordinal)
        );
        Assert.Equal(
            new ValueChange("ports", "443", "443, 8443"),
            Assert.Single(Assert.Single(diff.Rules).Fields)
        );
    }

    [Fact]
    public void New_source_on_a_permit_is_new_egress()
    {
        var head = Base()
            .WithRules(r =>
                r.Name == "permit-llm-providers"
                    ? r with
                    {
                        Sources = ["librechat-data-stores", "librechat-pods"],
                    }
                    : r
            );

        var diff = Diff(Base(), head);

        Assert.All(
            diff.NewEgress,
            r => Assert.Contains("from librechat-data-stores", r.Sentence, StringComparison.Ordinal)
        );
        Assert.Equal(3, diff.NewEgress.Count);
    }

    [Fact]
    public void Wildcard_replacing_an_exact_host_is_reported_as_a_widening()
    {
        var head = Base()
            .WithHosts(
                "llm-providers",
                h =>
                    h.Where(x => x.Host != "api.openai.com")
                        .Append(Host("*.openai.com", Line(7, "endpoints.openAI", 3)))
            );

        var diff = Diff(Base(), head);

        var reason = Assert.Single(diff.NewEgress).Sentence;
        Assert.Contains("*.openai.com", reason, StringComparison.Ordinal);
        Assert.Contains("wildcard widening api.openai.com", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Exact_host_already_covered_by_a_one_label_wildcard_is_not_new()
    {
        var before = Base()
            .WithHosts(
                "llm-providers",
                h => h.Append(Host("*.openai.azure.com", Line(30, "endpoints.azureOpenAI")))
            );
        var after = before.WithHosts(
            "llm-providers",
            h => h.Append(Host("eastus.openai.azure.com", Line(31, "endpoints.azureOpenAI")))
        );

        Assert.False(Diff(before, after).HasNewEgress);
        // Two labels deep is not assumed covered: DCF's wildcard depth is undocumented, so the gate asks.
        var deeper = before.WithHosts(
            "llm-providers",
            h => h.Append(Host("a.eastus.openai.azure.com", Line(31, "endpoints.azureOpenAI")))
        );
        Assert.True(Diff(before, deeper).HasNewEgress);
    }

    [Fact]
    public void Enforce_to_monitor_lets_denied_traffic_through_and_counts_as_new_egress()
    {
        var diff = Diff(DiffCases.Prod(), Base());

        Assert.Equal(new ValueChange("mode", "enforce", "monitor"), diff.Mode);
        Assert.Equal(
            [
                "deny rule deny-data-stores-internet is now in watch mode: it logs what it used to block",
                "deny rule deny-pods-internet is now in watch mode: it logs what it used to block",
            ],
            diff.NewEgress.Select(r => r.Sentence)
        );
    }

    [Fact]
    public void Removing_an_enforced_deny_rule_is_new_egress()
    {
        var before = DiffCases.Prod();
        var after = before with
        {
            Rules = [.. before.Rules.Where(r => r.Name != "deny-pods-internet")],
        };

        var diff = Diff(before, after);

        Assert.Equal(ChangeKind.Removed, Assert.Single(diff.Rules).Kind);
        Assert.Contains(
            diff.NewEgress,
            r =>
                r.Sentence.StartsWith(
                    "deny rule deny-pods-internet was removed",
                    StringComparison.Ordinal
                )
        );
    }

    [Fact]
    public void Diagnostics_are_matched_by_code_and_message_not_by_line()
    {
        var moved = Warning(PlainHttp, 30, "endpoints.custom[0].baseURL uses plain HTTP.");
        var original = Warning(PlainHttp, 18, "endpoints.custom[0].baseURL uses plain HTTP.");
        var second = Warning(PlainHttp, 40, "endpoints.custom[0].baseURL uses plain HTTP.");

        Assert.Empty(Diff(Base(), Base(), [original], [moved]).NewDiagnostics);
        // A second copy of the same finding is new: matching counts occurrences.
        Assert.Equal(
            40,
            Assert
                .Single(Diff(Base(), Base(), [original], [moved, second]).NewDiagnostics)
                .Span.Line
        );
    }

    [Fact]
    public void Info_diagnostics_are_not_reported_as_new()
    {
        var info = new Core.Diagnostics.Diagnostic(
            PlainHttp,
            Core.Diagnostics.Severity.Info,
            "note",
            new("f", 1, 1)
        );

        Assert.True(Diff(Base(), Base(), [], [info]).IsEmpty);
    }

    [Fact]
    public void Invalid_head_reports_only_its_diagnostics_and_no_egress()
    {
        var error = new Core.Diagnostics.Diagnostic(
            SyntaxError,
            Core.Diagnostics.Severity.Error,
            "Bad indentation.",
            new(ConfigFile, 5, 1)
        );
        var diff = PolicyDiff.Compare(
            new PolicySnapshot("main", Base(), []),
            new PolicySnapshot("pr", null, [error])
        );

        Assert.True(diff.HeadInvalid);
        Assert.False(diff.HasNewEgress);
        Assert.Empty(diff.WebGroups);
        Assert.Equal(error, Assert.Single(diff.NewDiagnostics));
        Assert.Contains(
            "The head is invalid",
            DiffMarkdownRenderer.Render(diff),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void SmartGroup_selector_change_lists_added_and_removed_selectors()
    {
        var head = Base() with
        {
            SmartGroups =
            [
                .. Base()
                    .SmartGroups.Select(g =>
                        g.Name == "librechat-pods"
                            ? g with
                            {
                                Selectors = [Selector("app", "librechat-api")],
                            }
                            : g
                    ),
            ],
        };

        var change = Assert.Single(Diff(Base(), head).SmartGroups);

        Assert.Equal(
            ["k8s cluster=eks-dev namespace=librechat app=librechat-api"],
            change.AddedSelectors
        );
        Assert.Equal(
            ["k8s cluster=eks-dev namespace=librechat app.kubernetes.io/name=librechat"],
            change.RemovedSelectors
        );
    }

    [Fact]
    public void Logging_and_decryption_changes_are_listed_per_rule_in_a_fixed_field_order()
    {
        var head = Base()
            .WithRules(r =>
                r.Name == "permit-llm-providers"
                    ? r with
                    {
                        Logging = false,
                        Decrypt = DecryptPolicy.Allowed,
                        Watch = false,
                    }
                    : r
            );

        var fields = Assert.Single(Diff(Base(), head).Rules).Fields.Select(f => f.Name);

        Assert.Equal(["watch", "logging", "decrypt"], fields);
    }

    [Fact]
    public void Rendering_is_deterministic_and_uses_only_line_feeds()
    {
        var (b, h) = DiffCases.Get("mcp-added");
        var first = DiffReport.Render(PolicyDiff.Compare(b, h), ReportFormat.Markdown);
        var second = DiffReport.Render(PolicyDiff.Compare(b, h), ReportFormat.Markdown);

        Assert.Equal(first, second);
        Assert.DoesNotContain('\r', first);
        Assert.EndsWith("\n", first, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_escapes_config_text_so_it_cannot_inject_markup()
    {
        var evil = Warning(PlainHttp, 3, "a <img src=x> | [link](http://x) *bold*");
        var diff = Diff(Base(), Base(), [], [evil]);

        var md = DiffMarkdownRenderer.Render(diff);

        Assert.Contains(
            @"a \<img src=x\> \| \[link\](http\://x) \*bold\*",
            md,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void Promotion_ignores_stack_and_ruleset_names_but_reports_cloud_changes()
    {
        var prod = Base() with
        {
            Stack = "prod",
            RulesetName = "containment-prod",
            CloudProvider = CloudProvider.Azure,
        };

        var diff = Diff(Base(), prod);

        Assert.Equal([new ValueChange("cloudProvider", "aws", "azure")], diff.Settings);
    }
}

public class DiffGateTests
{
    [Theory]
    [InlineData("provider-added", false, 0)]
    [InlineData("provider-added", true, 1)]
    [InlineData("provider-removed", true, 0)]
    [InlineData("empty", true, 0)]
    [InlineData("base-invalid", false, 0)]
    [InlineData("base-invalid", true, 1)]
    public void Exit_code_follows_the_gate(string name, bool failOnNewEgress, int expected)
    {
        var (b, h) = DiffCases.Get(name);

        Assert.Equal(expected, DiffGate.ExitCode(PolicyDiff.Compare(b, h), failOnNewEgress));
    }

    [Fact]
    public void A_head_with_errors_exits_1_even_without_the_gate()
    {
        var error = new Core.Diagnostics.Diagnostic(
            SampleReviewPolicies.SyntaxError,
            Core.Diagnostics.Severity.Error,
            "Bad.",
            new("f", 1, 1)
        );

        Assert.Equal(
            1,
            DiffGate.ExitCode(
                PolicyDiff.Compare(
                    new PolicySnapshot("b", SampleReviewPolicies.Base(), []),
                    new PolicySnapshot("h", null, [error])
                ),
                false
            )
        );
    }
}
