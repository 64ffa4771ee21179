using System.Globalization;
using System.Text.RegularExpressions;
using Containment.Core.Diagnostics;
using Containment.Core.LibreChat;
using Containment.Core.Pipeline;
using Containment.Core.Policy;
using Containment.Core.Targets;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static Containment.Tests.Infrastructure.Models.SampleConfigs;

namespace Containment.Tests.Policy;

/// <summary>A generated policy input and one more MCP server or provider; the property adds and removes it.</summary>
public sealed record PolicyChange(PolicyInput Input, string Kind, string Name, string Url)
{
    public override string ToString() => $"{Input} + {Kind} {Name} {Url}";
}

public static class PolicyChangeGenerators
{
    private static readonly string[] Urls =
    [
        "https://mcp.added.example/mcp",
        "http://plain.added.example/v1",
        "https://api.example.com/v1",
        "http://llm.corp.example:8080",
        "https://gw.added.example:8443/x",
        "https://openrouter.ai/api/v1",
    ];

    public static Arbitrary<PolicyChange> Changes()
    {
        var name = Gen.ArrayOf(Gen.Elements("abcdefghijklmnopqrstuvwxyz0123456789-_".ToCharArray()))
            .Where(c => c.Length is > 0 and <= 20)
            .Select(c => "added-" + new string(c));
        var gen =
            from input in PolicyGenerators.Inputs().Generator
            from kind in Gen.Elements("mcp", "provider")
            from n in name
            from url in Gen.Elements(Urls)
            select new PolicyChange(input, kind, n, url);
        return Arb.From(gen);
    }
}

/// <summary>
/// Issue 14 item 4: adding or removing one MCP server or provider changes only the rules that concern it. Every rule
/// the two policies share keeps its priority in the model, the Terraform JSON, the Pulumi program and the CRD's
/// priority comments; every rule only one of them has names a WebGroup holding the added host.
/// </summary>
public partial class PriorityStabilityProperties
{
    [Property(Arbitrary = [typeof(PolicyChangeGenerators)], MaxTest = 150)]
    public bool Adding_or_removing_a_server_or_provider_moves_no_other_rule(PolicyChange change)
    {
        var without = Build(change.Input.Config, change.Input.Settings);
        var with = Build(With(change), change.Input.Settings);
        if (without is null || with is null)
        {
            return true;
        }

        AssertSharedRulesKeepTheirPriority("model", Priorities(without), Priorities(with));
        var host = Core.Net.UrlParts.TryParse(change.Url)!.Host;
        var changed = Priorities(without)
            .Keys.Except(Priorities(with).Keys)
            .Select(n => (without, n))
            .Concat(Priorities(with).Keys.Except(Priorities(without).Keys).Select(n => (with, n)));
        foreach (var (model, rule) in changed)
        {
            var groups = model.Rules.Single(r => r.Name == rule).WebGroups;
            Assert.True(
                model.WebGroups.Any(g =>
                    groups.Contains(g.Name) && g.Hosts.Any(h => h.Host == host)
                ),
                $"rule {rule} appeared or disappeared but none of its WebGroups holds {host}"
            );
        }

        foreach (var writer in TargetWriters.All)
        {
            var before = Emitted(writer, without);
            var after = Emitted(writer, with);
            AssertSharedRulesKeepTheirPriority(writer.Name, before, after);
        }
        return true;
    }

    private static LibreChatConfig With(PolicyChange change)
    {
        var config = change.Input.Config;
        if (change.Kind == "mcp")
        {
            return config with
            {
                McpServers = [.. config.McpServers, RemoteMcp(change.Name, change.Url, line: 900)],
            };
        }
        var customs = config.Endpoints.Custom;
        return config with
        {
            Endpoints = config.Endpoints with
            {
                Custom = [.. customs, Custom(change.Name, change.Url, 902, customs.Count)],
            },
        };
    }

    private static PolicyModel? Build(
        LibreChatConfig config,
        Core.Settings.StackSettings settings
    ) => PolicyBuilder.Build(config, settings, new DiagnosticBag());

    private static Dictionary<string, int> Priorities(PolicyModel model) =>
        model.Rules.ToDictionary(r => r.Name, r => r.Priority, StringComparer.Ordinal);

    private static void AssertSharedRulesKeepTheirPriority(
        string where,
        Dictionary<string, int> before,
        Dictionary<string, int> after
    )
    {
        Assert.NotEmpty(before);
        var moved = before
            .Where(p => after.TryGetValue(p.Key, out var now) && now != p.Value)
            .Select(p => $"{p.Key} {p.Value} -> {after[p.Key]}")
            .ToList();
        Assert.True(moved.Count == 0, $"{where}: {string.Join("; ", moved)}");
    }

    /// <summary>Rule name to priority as a target prints it: JSON <c>"name"</c> then <c>"priority"</c> (Terraform, Pulumi), or the CRD's comments.</summary>
    private static Dictionary<string, int> Emitted(ITargetWriter writer, PolicyModel model)
    {
        var output = writer.Write(model, new DiagnosticBag());
        var priorities = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var file in output.Files)
        {
            foreach (
                Match m in JsonRule()
                    .Matches(file.Content)
                    .Concat(CrdRule().Matches(file.Content))
                    .Concat(CrdOmitted().Matches(file.Content))
            )
            {
                var priority = int.Parse(m.Groups["priority"].Value, CultureInfo.InvariantCulture);
                Assert.Equal(
                    priority,
                    priorities.GetValueOrDefault(m.Groups["name"].Value, priority)
                );
                priorities[m.Groups["name"].Value] = priority;
            }
        }
        return priorities;
    }

    [GeneratedRegex(
        "\"name\":\\s*\"(?<name>[^\"]+)\",\\s*\"priority\":\\s*(?<priority>\\d+)",
        RegexOptions.CultureInvariant
    )]
    private static partial Regex JsonRule();

    [GeneratedRegex(
        @"# priority (?<priority>\d+): [^\n]*\n\s*- name: (?<name>\S+)",
        RegexOptions.CultureInvariant
    )]
    private static partial Regex CrdRule();

    [GeneratedRegex(
        @"NOT EXPRESSED \(priority (?<priority>\d+)\): Rule '(?<name>[^']+)'",
        RegexOptions.CultureInvariant
    )]
    private static partial Regex CrdOmitted();
}
