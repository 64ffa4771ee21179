using Containment.Core.Model;
using Containment.Core.Policy;
using Containment.Core.Reports;
using static Containment.Tests.Infrastructure.Models.SampleReviewPolicies;

namespace Containment.Tests.Reports.Diff;

/// <summary>The pull requests the golden files describe: each is the sample base with one reviewable edit.</summary>
internal static class DiffCases
{
    public static IEnumerable<string> Names =>
        [
            "provider-added",
            "provider-removed",
            "mcp-added",
            "mode-flipped",
            "decryption-on",
            "registry-changed",
            "empty",
            "base-invalid",
        ];

    public static (PolicySnapshot Base, PolicySnapshot Head) Get(string name) =>
        name switch
        {
            "provider-added" => Pr(
                Base()
                    .WithHosts(
                        "llm-providers",
                        hosts =>
                            hosts.Append(
                                Host("api.mistral.ai", Line(24, "endpoints.custom[1].baseURL"))
                            )
                    )
            ),
            "provider-removed" => Pr(
                Base()
                    .WithHosts("llm-providers", hosts => hosts.Where(h => h.Host != "api.groq.com"))
            ),
            "mcp-added" => Pr(
                McpAdded(),
                Warning(
                    RuntimeEgress,
                    43,
                    "mcpServers.github uses OAuth: its authorization server is only known at runtime."
                )
            ),
            "mode-flipped" => (Snapshot("stack dev", Base()), Snapshot("stack prod", Prod())),
            "decryption-on" => Pr(DecryptionOn()),
            "registry-changed" => Pr(
                Base() with
                {
                    CloudProvider = CloudProvider.Azure,
                    WebGroups = [LlmProviders, AzureRegistries],
                }
            ),
            "empty" => Pr(Base()),
            "base-invalid" => (
                new PolicySnapshot(
                    "main",
                    null,
                    [
                        new(
                            SyntaxError,
                            Core.Diagnostics.Severity.Error,
                            "Mapping values are not allowed here.",
                            new(ConfigFile, 12, 9)
                        ),
                    ]
                ),
                Snapshot("add-mistral", Base())
            ),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown diff case"),
        };

    public static PolicySnapshot Snapshot(
        string label,
        PolicyModel? model,
        params Core.Diagnostics.Diagnostic[] diagnostics
    ) => new(label, model, diagnostics);

    private static (PolicySnapshot, PolicySnapshot) Pr(
        PolicyModel head,
        params Core.Diagnostics.Diagnostic[] headDiagnostics
    ) => (Snapshot("main", Base()), Snapshot("pr-head", head, headDiagnostics));

    public static PolicyModel McpAdded() =>
        Base() with
        {
            WebGroups =
            [
                LlmProviders,
                new WebGroup(
                    "mcp-github",
                    "mcp",
                    [Host("api.githubcopilot.com", Line(42, "mcpServers.github.url", 10))]
                ),
                AwsRegistries,
            ],
            Rules =
            [
                .. Base()
                    .Rules.Append(Permit("permit-mcp-github", 120, "librechat-pods", "mcp-github"))
                    .OrderBy(r => r.Priority),
            ],
        };

    /// <summary>The prod stack: the same config, enforced (no rule in watch mode).</summary>
    public static PolicyModel Prod() =>
        Base().WithRules(r => r with { Watch = false }) with
        {
            Stack = "prod",
            RulesetName = "containment-prod",
            Mode = EnforcementMode.Enforce,
        };

    public static PolicyModel DecryptionOn() =>
        Base()
            .WithRules(r =>
                r.Action == RuleAction.Permit ? r with { Decrypt = DecryptPolicy.Allowed } : r
            ) with
        {
            ControllerVersion = new Version(9, 0),
            Decryption = DecryptionMode.Permits,
            DecryptionCa = new DecryptionCa(
                "containment-dcf-ca",
                "librechat",
                "dcf-ca.pem",
                "/etc/containment/ca",
                UseMitmCa: true
            ),
        };
}
