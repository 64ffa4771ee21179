using Containment.Core.Diagnostics;
using Containment.Core.LibreChat;
using Containment.Core.Model;
using Containment.Core.Pipeline;
using Containment.Core.Policy;
using Containment.Core.Reports;
using Containment.Core.Settings;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static Containment.Tests.Infrastructure.Models.SampleConfigs;

namespace Containment.Tests.Policy;

/// <summary>A generated config plus settings; <see cref="ToString"/> is what FsCheck prints for a counterexample.</summary>
public sealed record PolicyInput(LibreChatConfig Config, StackSettings Settings, string Summary)
{
    public override string ToString() => Summary;
}

public sealed record McpSpec(string Name, string Url, string Command, bool Stdio);

public static class PolicyGenerators
{
    private static readonly string[] Hosts =
    [
        "https://api.example.com/v1",
        "https://API.Example.COM.:443/x",
        "https://bücher.example/v1",
        "http://llm.corp.example:8080",
        "https://api.x.ai/v1",
        "http://ollama:11434",
        "http://litellm.ai.svc.cluster.local:4000",
        "http://10.0.0.5:8000",
        "https://8.8.8.8/v1",
        "https://user:secret@gw.example.net/v1?key=abc",
        "wss://mcp.example.org/ws",
        "https://openrouter.ai/api/v1",
    ];

    private static readonly string[] GoodExtraHosts =
    [
        "*.example.org",
        "status.example.com",
        "STATUS.example.com.",
        "https://docs.example.net/path",
        "*.xn--bcher-kva.example",
        "api.example.com",
    ];

    /// <summary>Inputs the builder must refuse; drawn rarely so most generated inputs still build a model.</summary>
    private static readonly string[] BadExtraHosts = ["*", "*.com", "app*.example.com", "bad host"];

    private static readonly string[] McpNames =
    [
        "github",
        "GitHub",
        "My Server!",
        "a",
        "jira_cloud",
        "x--y",
        "ÜberTool",
        "123",
    ];

    private static readonly string[] Commands =
    [
        "npx",
        "uvx",
        "python3",
        "pip",
        "/usr/bin/npx.cmd",
    ];

    public static Arbitrary<PolicyInput> Inputs()
    {
        var custom = Gen.Elements(Hosts);
        var extra = Gen.Frequency(
            (12, Gen.Elements(GoodExtraHosts)),
            (1, Gen.Elements(BadExtraHosts))
        );
        var mcp =
            from name in Gen.Elements(McpNames)
            from url in Gen.Elements(Hosts)
            from command in Gen.Elements(Commands)
            from stdio in Gen.Elements(true, false)
            select new McpSpec(name, url, command, stdio);
        var gen =
            from customs in Gen.ListOf(custom).Select(l => l.Take(5).ToList())
            from extras in Gen.ListOf(extra).Select(l => l.Take(4).ToList())
            from servers in Gen.ListOf(mcp).Select(l => l.Take(4).ToList())
            from mode in Gen.Elements(EnforcementMode.Monitor, EnforcementMode.Enforce)
            from cloud in Gen.Elements(
                CloudProvider.None,
                CloudProvider.Aws,
                CloudProvider.Azure,
                CloudProvider.Gcp
            )
            from tier in Gen.Frequency(
                (
                    4,
                    Gen.Elements(
                        ("8.2", DecryptionMode.Off, false),
                        ("9.0", DecryptionMode.Permits, false),
                        ("9.0", DecryptionMode.Permits, true)
                    )
                ),
                (1, Gen.Constant(("8.2", DecryptionMode.Permits, false)))
            )
            from pinRegistry in Gen.Elements(true, false)
            select Build(customs, extras, servers, mode, cloud, tier, pinRegistry);
        return Arb.From(gen);
    }

    private static PolicyInput Build(
        List<string> customs,
        List<string> extras,
        List<McpSpec> servers,
        EnforcementMode mode,
        CloudProvider cloud,
        (string Controller, DecryptionMode Decryption, bool AgentGuard) tier,
        bool pinRegistry
    )
    {
        var mcpServers = servers
            .DistinctBy(s => s.Name)
            .Select(
                (s, i) =>
                    s.Stdio
                        ? StdioMcp(s.Name, s.Command, 100 + (i * 10))
                        : RemoteMcp(s.Name, s.Url, line: 100 + (i * 10))
            )
            .ToList();
        var config = Quiet() with
        {
            Endpoints = new EndpointsConfig
            {
                Custom =
                [
                    .. customs.Select(
                        (h, i) =>
                            Custom(
                                "c" + i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                                h,
                                20 + (i * 10),
                                i
                            )
                    ),
                ],
            },
            McpServers = mcpServers,
        };
        var settings = Stack(mode, cloud, tier.Controller, tier.Decryption, tier.AgentGuard) with
        {
            ExtraDestinations = [.. extras.Select(h => new ExtraDestination(h, "generated"))],
            Registry = pinRegistry
                ? new RegistrySettings
                {
                    AwsAccountId = "123456789012",
                    AwsRegion = "us-east-1",
                    AzureRegistryName = "acr",
                    AzureRegion = "westeurope",
                    GcpLocation = "europe",
                }
                : new RegistrySettings(),
            Cluster = new ClusterSettings
            {
                Id = cloud == CloudProvider.Azure ? "/subscriptions/x/resourcegroups/rg" : "chat",
            },
        };
        var summary =
            $"customs=[{string.Join(", ", customs)}] extras=[{string.Join(", ", extras)}] mcp=[{string.Join(", ", servers.Select(s => s.Stdio ? $"{s.Name}:stdio {s.Command}" : $"{s.Name}:{s.Url}"))}] {mode} {cloud} {tier}";
        return new PolicyInput(config, settings, summary);
    }
}

/// <summary>Properties every generated policy must hold (FsCheck).</summary>
public class PolicyProperties
{
    private static (PolicyModel? Model, DiagnosticBag Bag) Build(PolicyInput input)
    {
        var bag = new DiagnosticBag();
        return (PolicyBuilder.Build(input.Config, input.Settings, bag), bag);
    }

    [Property(Arbitrary = [typeof(PolicyGenerators)], MaxTest = 300)]
    public bool No_web_group_ever_holds_a_bare_wildcard(PolicyInput input)
    {
        var (model, bag) = Build(input);
        var askedForEverything = input.Settings.ExtraDestinations.Any(e => e.Host.Trim() == "*");
        if (askedForEverything)
        {
            return model is null
                && bag.Items.Any(d => d.Descriptor == DiagnosticCatalog.BareWildcard);
        }
        return model is null
            || model
                .WebGroups.SelectMany(g => g.Hosts)
                .All(h => h.Host != "*" && !h.Host.Contains("**", StringComparison.Ordinal));
    }

    [Property(Arbitrary = [typeof(PolicyGenerators)], MaxTest = 300)]
    public bool Every_allowed_host_has_at_least_one_provenance(PolicyInput input)
    {
        var (model, _) = Build(input);
        return model is null
            || model.WebGroups.All(g =>
                g.Hosts.Count > 0 && g.Hosts.All(h => h.Sources.Count > 0 && h.Ports.Count > 0)
            );
    }

    [Property(Arbitrary = [typeof(PolicyGenerators)], MaxTest = 300)]
    public bool The_last_rule_for_each_source_group_is_a_deny(PolicyInput input)
    {
        var (model, _) = Build(input);
        return model is null
            || model.SmartGroups.All(g =>
            {
                var last = model
                    .Rules.Where(r => r.Sources.Contains(g.Name))
                    .MaxBy(r => r.Priority);
                return last
                    is {
                        Action: RuleAction.Deny,
                        Decrypt: DecryptPolicy.NotAllowed,
                        Logging: true
                    };
            });
    }

    [Property(Arbitrary = [typeof(PolicyGenerators)], MaxTest = 300)]
    public bool Priorities_are_unique_in_their_bands_with_isolation_first_and_the_default_deny_last(
        PolicyInput input
    )
    {
        var (model, _) = Build(input);
        if (model is null)
        {
            return true;
        }
        var priorities = model.Rules.Select(r => r.Priority).ToList();
        var firstEgressPermit = model
            .Rules.Where(r => r.WebGroups.Count > 0)
            .Select(r => r.Priority)
            .DefaultIfEmpty(int.MaxValue)
            .Min();
        var isolation = model.Rules.Where(r =>
            r.Sources.Contains(PolicyNames.DataStoresGroup)
            || r.Destinations.Contains(PolicyNames.DataStoresGroup)
        );
        return priorities.Distinct().Count() == priorities.Count
            && priorities.SequenceEqual(priorities.Order())
            && priorities.All(p => p >= 0)
            && model.Rules[^1].Name == PolicyNames.DenyPodsDefault
            && isolation.All(r => r.Priority < firstEgressPermit)
            && model.Rules.Select(r => r.Name).Distinct(StringComparer.Ordinal).Count()
                == model.Rules.Count;
    }

    [Property(Arbitrary = [typeof(PolicyGenerators)], MaxTest = 200)]
    public bool The_same_input_gives_byte_identical_json(PolicyInput input)
    {
        var (first, firstBag) = Build(input);
        var (second, secondBag) = Build(input);
        return PlanReport.Render(first, firstBag.Items, ReportFormat.Json)
            == PlanReport.Render(second, secondBag.Items, ReportFormat.Json);
    }

    [Property(Arbitrary = [typeof(PolicyGenerators)], MaxTest = 200)]
    public bool Extra_destinations_in_any_order_give_the_same_plan(PolicyInput input)
    {
        var reversed = input with
        {
            Settings = input.Settings with
            {
                ExtraDestinations = [.. input.Settings.ExtraDestinations.Reverse()],
            },
        };
        var (a, aBag) = Build(input);
        var (b, bBag) = Build(reversed);
        return PlanReport.Render(a, aBag.Items, ReportFormat.Json)
            == PlanReport.Render(b, bBag.Items, ReportFormat.Json);
    }

    [Property(Arbitrary = [typeof(PolicyGenerators)], MaxTest = 300)]
    public bool In_cluster_and_private_hosts_never_reach_a_web_group(PolicyInput input)
    {
        var (model, _) = Build(input);
        return model is null
            || model
                .WebGroups.SelectMany(g => g.Hosts)
                .All(h =>
                    h.IsDeferred
                    || h.Host.StartsWith("*.", StringComparison.Ordinal)
                    || Core.Net.HostName.Classify(h.Host) == Core.Net.HostKind.Public
                );
    }

    [Property(Arbitrary = [typeof(PolicyGenerators)], MaxTest = 200)]
    public bool Secrets_in_urls_never_reach_the_plan(PolicyInput input)
    {
        var (model, bag) = Build(input);
        var json = PlanReport.Render(model, bag.Items, ReportFormat.Json);
        return !json.Contains("secret", StringComparison.Ordinal)
            && !json.Contains("key=abc", StringComparison.Ordinal);
    }

    [Fact]
    public void Generator_yields_enough_valid_models_for_the_properties_to_mean_something()
    {
        // 200 samples at size 30 (FsCheck grows size from 1 to 100 over a run).
        var samples = PolicyGenerators.Inputs().Generator.Sample(200, 30);

        var built = samples.Count(i => Build(i).Model is not null);

        var errors = string.Join(
            ", ",
            samples
                .SelectMany(i =>
                    Build(i)
                        .Bag.Items.Where(d => d.Severity == Severity.Error)
                        .Select(d => d.Code)
                        .Distinct()
                )
                .GroupBy(c => c, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => $"{g.Key}x{g.Count()}")
        );
        Assert.True(
            built is >= 30 and <= 190,
            $"{built} of {samples.Length} built; errors: {errors}"
        );
    }
}
