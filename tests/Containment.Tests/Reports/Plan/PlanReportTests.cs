using System.Text.Json;
using Containment.Core.Diagnostics;
using Containment.Core.Pipeline;
using Containment.Core.Policy;
using Containment.Core.Reports;
using Containment.Core.Settings;
using Containment.Tests.Infrastructure;
using static Containment.Tests.Infrastructure.Models.SampleConfigs;

namespace Containment.Tests.Reports.Plan;

public class PlanReportTests
{
    private static (PolicyModel Model, IReadOnlyList<Diagnostic> Diagnostics) Example()
    {
        var bag = new DiagnosticBag();
        var model = PolicyBuilder.Build(UpstreamExample(), Stack(), bag);
        Assert.NotNull(model);
        return (model!, bag.Items);
    }

    [Fact]
    public void Json_lists_the_upstream_example_custom_endpoints_each_with_its_line()
    {
        var (model, diagnostics) = Example();

        using var doc = JsonDocument.Parse(
            PlanReport.Render(model, diagnostics, ReportFormat.Json)
        );
        var llm = doc
            .RootElement.GetProperty("webGroups")
            .EnumerateArray()
            .Single(g => g.GetProperty("name").GetString() == "llm-providers");
        var lines = llm.GetProperty("hosts")
            .EnumerateArray()
            .ToDictionary(
                h => h.GetProperty("host").GetString()!,
                h => h.GetProperty("sources")[0].GetProperty("line").GetInt32()
            );
        Assert.Equal(
            new Dictionary<string, int>
            {
                ["api.anthropic.com"] = 956,
                ["api.groq.com"] = 1003,
                ["api.mistral.ai"] = 1021,
                ["api.x.ai"] = 939,
                ["openrouter.ai"] = 1063,
            },
            lines
        );
    }

    [Fact]
    public void Json_follows_the_cli_contract_shape()
    {
        var (model, diagnostics) = Example();

        using var doc = JsonDocument.Parse(
            PlanReport.Render(model, diagnostics, ReportFormat.Json)
        );
        var root = doc.RootElement;
        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal("dev", root.GetProperty("stack").GetString());
        Assert.Equal("monitor", root.GetProperty("mode").GetString());
        Assert.Equal("aws", root.GetProperty("cloudProvider").GetString());
        var pods = root.GetProperty("smartGroups")
            .EnumerateArray()
            .Single(g => g.GetProperty("name").GetString() == "librechat-pods");
        Assert.Equal("k8s", pods.GetProperty("selector").GetProperty("type").GetString());
        Assert.Equal(
            "librechat",
            pods.GetProperty("selector")
                .GetProperty("labels")
                .GetProperty("app.kubernetes.io/name")
                .GetString()
        );
        var rule = root.GetProperty("rules")
            .EnumerateArray()
            .Single(r => r.GetProperty("name").GetString() == "permit-llm-providers");
        Assert.Equal(10_000, rule.GetProperty("priority").GetInt32());
        Assert.Equal("PERMIT", rule.GetProperty("action").GetString());
        Assert.Equal("public-internet", rule.GetProperty("destinations")[0].GetString());
        Assert.Equal("TCP", rule.GetProperty("protocol").GetString());
        Assert.Equal(443, rule.GetProperty("ports")[0].GetInt32());
        Assert.True(rule.GetProperty("watch").GetBoolean());
        Assert.Equal("DECRYPT_UNSPECIFIED", rule.GetProperty("decrypt").GetString());
        var registry = root.GetProperty("webGroups")
            .EnumerateArray()
            .Single(g => g.GetProperty("name").GetString() == "registries");
        var source = registry.GetProperty("hosts")[0].GetProperty("sources")[0];
        Assert.Equal("registries", source.GetProperty("catalogue").GetString());
        Assert.Equal("2026-11", source.GetProperty("version").GetString());
        var diagnostic = root.GetProperty("diagnostics")[0];
        Assert.True(
            diagnostic.TryGetProperty("severity", out _)
                && diagnostic.TryGetProperty("code", out _)
                && diagnostic.TryGetProperty("file", out _)
        );
    }

    [Fact]
    public void Json_arrays_are_sorted()
    {
        var (model, diagnostics) = Example();

        using var doc = JsonDocument.Parse(
            PlanReport.Render(model, diagnostics, ReportFormat.Json)
        );
        var root = doc.RootElement;
        var groups = root.GetProperty("webGroups")
            .EnumerateArray()
            .Select(g => g.GetProperty("name").GetString()!)
            .ToList();
        Assert.Equal(groups.Order(StringComparer.Ordinal), groups);
        var priorities = root.GetProperty("rules")
            .EnumerateArray()
            .Select(r => r.GetProperty("priority").GetInt32())
            .ToList();
        Assert.Equal(priorities.Order(), priorities);
        foreach (var g in root.GetProperty("webGroups").EnumerateArray())
        {
            var hosts = g.GetProperty("hosts")
                .EnumerateArray()
                .Select(h => h.GetProperty("host").GetString()!)
                .ToList();
            Assert.Equal(hosts.Order(StringComparer.Ordinal), hosts);
        }
    }

    [Fact]
    public void Upstream_example_plan_matches_its_baselines()
    {
        var (model, diagnostics) = Example();

        Baseline.Match(
            "plan-upstream-example",
            "plan.json",
            PlanReport.Render(model, diagnostics, ReportFormat.Json)
        );
        Baseline.Match(
            "plan-upstream-example",
            "plan.txt",
            PlanReport.Render(model, diagnostics, ReportFormat.Text)
        );
        Baseline.Match(
            "plan-upstream-example",
            "plan.md",
            PlanReport.Render(model, diagnostics, ReportFormat.Markdown)
        );
    }

    [Fact]
    public void Text_is_an_aligned_table_without_trailing_blanks_and_with_lf_line_ends()
    {
        var (model, diagnostics) = Example();

        var text = PlanReport.Render(model, diagnostics, ReportFormat.Text);

        Assert.DoesNotContain("\r", text, StringComparison.Ordinal);
        Assert.DoesNotContain(text.Split('\n'), l => l.EndsWith(' '));
        var ruleLines = text.Split('\n')
            .SkipWhile(l => l != "Rules")
            .Skip(1)
            .TakeWhile(l => l.Length > 0)
            .ToList();
        Assert.Equal(model.Rules.Count + 1, ruleLines.Count);
        var nameColumn = ruleLines[0].IndexOf("NAME", StringComparison.Ordinal);
        Assert.All(ruleLines.Skip(1), l => Assert.Matches("^permit|^deny", l[nameColumn..]));
    }

    [Fact]
    public void Markdown_has_a_rule_table_row_per_rule()
    {
        var (model, diagnostics) = Example();

        var md = PlanReport.Render(model, diagnostics, ReportFormat.Markdown);

        foreach (var rule in model.Rules)
        {
            Assert.Contains($"| {rule.Priority} | `{rule.Name}` |", md, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Failed_build_renders_only_the_diagnostics()
    {
        var bag = new DiagnosticBag();
        var model = PolicyBuilder.Build(
            Quiet(),
            Stack() with
            {
                ExtraDestinations = [new ExtraDestination("*", "all")],
            },
            bag
        );

        var json = PlanReport.Render(model, bag.Items, ReportFormat.Json);

        using var doc = JsonDocument.Parse(json);
        Assert.False(doc.RootElement.TryGetProperty("rules", out _));
        Assert.Contains(
            doc.RootElement.GetProperty("diagnostics").EnumerateArray(),
            d => d.GetProperty("code").GetString() == "CT3001"
        );
    }
}
