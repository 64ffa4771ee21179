using System.Text.Json.Nodes;
using Containment.Core.IO;
using Containment.Core.Targets.Pulumi;
using Containment.Tests.EndToEnd;
using Containment.Tests.Infrastructure;
using Moq;
using static Containment.Tests.Cli.CliRunner;

namespace Containment.Tests.Cli;

/// <summary>
/// <c>compile</c> in-process with a fake environment (Moq <see cref="IEnvironment"/>): what Pulumi's YAML host sees.
/// Contract: exit 0 and exactly one program on stdout, or exit 1, nothing on stdout and one line per error on stderr.
/// </summary>
public class CompileCommandTests
{
    private const string Secret = "SECRET-MARKER-7f3a9c";
    private static readonly E2eCase Upstream = E2eCase.ByName("upstream");

    [Fact]
    public void Without_pulumi_variables_it_prints_the_discovery_program()
    {
        var fs = new Mock<IFileSystem>(MockBehavior.Strict);

        var result = Run(fs.Object, Environment(), "compile");

        Assert.Equal((0, ""), (result.ExitCode, result.Stderr));
        Assert.Equal(PulumiProgramWriter.Write(PulumiProgramBuilder.Discovery()), result.Stdout);
        Baseline.Match("pulumi-discovery", "expected.json", result.Stdout);
        fs.VerifyNoOtherCalls();
    }

    [Fact]
    public void A_pulumi_stack_exported_by_ci_alone_still_means_discovery()
    {
        var result = Run(
            new Mock<IFileSystem>(MockBehavior.Strict).Object,
            Environment(("PULUMI_STACK", "prod")),
            "compile"
        );

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(PulumiProgramWriter.Write(PulumiProgramBuilder.Discovery()), result.Stdout);
    }

    [Fact]
    public void Dev_and_prod_programs_differ_only_in_enforcement_flags_and_settings()
    {
        var dev = ProjectProgram("dev");
        var prod = ProjectProgram("prod");

        // Same Aviatrix resources under the same logical names and types; prod adds only the decryption CA objects.
        var decryption = new[]
        {
            PulumiLogicalNames.DecryptionCaConfigMap,
            PulumiLogicalNames.DecryptionMitmCa,
            PulumiLogicalNames.DecryptionMitmCaSelection,
        };
        Assert.Equal(Types(dev), Types(prod).Where(r => !decryption.Contains(r.Key)));
        Assert.Equal(
            decryption.Order(StringComparer.Ordinal),
            Types(prod).Keys.Except(Types(dev).Keys).Order(StringComparer.Ordinal)
        );

        // Same rules in the same order; dev watches, prod enforces; only prod's internet permits decrypt.
        var devRules = Rules(dev);
        var prodRules = Rules(prod);
        Assert.Equal(
            devRules.Select(r => r["name"]!.GetValue<string>()),
            prodRules.Select(r => r["name"]!.GetValue<string>())
        );
        Assert.All(
            devRules,
            r =>
                Assert.Equal(
                    (
                        true,
                        true,
                        "DECRYPT_"
                            + (
                                r["action"]!.GetValue<string>() == "DENY"
                                    ? "NOT_ALLOWED"
                                    : "UNSPECIFIED"
                            )
                    ),
                    Flags(r)
                )
        );
        Assert.All(
            prodRules,
            r =>
                Assert.Equal(
                    (
                        false,
                        true,
                        r["action"]!.GetValue<string>() == "DENY" ? "DECRYPT_NOT_ALLOWED"
                        : r["webGroups"] is null ? "DECRYPT_UNSPECIFIED"
                        : "DECRYPT_ALLOWED"
                    ),
                    Flags(r)
                )
        );

        // Everything else that differs comes from the stacks' settings: cluster ids, attachment point, registry account.
        Assert.Contains("cluster/librechat-dev", dev, StringComparison.Ordinal);
        Assert.Contains("cluster/librechat-prod", prod, StringComparison.Ordinal);
        Assert.Contains("TERRAFORM_AFTER_UI_MANAGED", dev, StringComparison.Ordinal);
        Assert.Contains("TERRAFORM_BEFORE_UI_MANAGED", prod, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json", "PULUMI_CONFIG: error CT4003: PULUMI_CONFIG is not valid JSON.")]
    [InlineData(
        "[\"containment:mode\"]",
        "PULUMI_CONFIG: error CT4003: PULUMI_CONFIG must be a JSON object."
    )]
    [InlineData(
        "{\"containment:cluster\":\"42\"}",
        "PULUMI_CONFIG: error CT4005: cluster must be a mapping"
    )]
    [InlineData(
        "{\"containment:controllerVersion\":\"nine\"}",
        "PULUMI_CONFIG: error CT4007: controllerVersion 'nine' is not a version"
    )]
    [InlineData(
        "{\"containment:librechatConfig\":\"../x\"}",
        "PULUMI_CONFIG: error CT5050: containment:librechatConfig '../x' points outside the project root"
    )]
    [InlineData(
        "{\"containment:librechatConfig\":\"/etc/passwd\"}",
        "PULUMI_CONFIG: error CT5050: containment:librechatConfig '/etc/passwd' points outside the project root"
    )]
    public void A_bad_pulumi_config_exits_1_with_one_line_naming_the_problem_and_nothing_on_stdout(
        string config,
        string stderrStart
    )
    {
        var fs = new Mock<IFileSystem>(MockBehavior.Strict);

        var result = Run(
            fs.Object,
            Environment(
                ("PULUMI_STACK", "dev"),
                ("PULUMI_CONFIG", config),
                ("PULUMI_ROOT_DIRECTORY", E2eCase.ProjectRoot)
            ),
            "compile"
        );

        Assert.Equal((1, ""), (result.ExitCode, result.Stdout));
        Assert.StartsWith(stderrStart, result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        fs.VerifyNoOtherCalls();
    }

    [Fact]
    public void A_config_error_in_librechat_yaml_is_one_line_with_its_position()
    {
        var fs = Upstream
            .FileSystem()
            .With(Path.Combine(E2eCase.ProjectRoot, "librechat.yaml"), "version: 1.0\n");

        var result = Upstream.Compile(fs);

        Assert.Equal((1, ""), (result.ExitCode, result.Stdout));
        Assert.Equal(
            "librechat.yaml(1,10): error CT2005: version must be a string, got a number; write version: \"1.0\"\n",
            result.Stderr
        );
    }

    [Fact]
    public void Secrets_in_pulumi_config_never_appear_in_any_output()
    {
        // Pulumi hands the compiler secrets decrypted, among the other values, and does not say which are secret.
        var c = E2eCase.ByName("enforce-decryption");
        var config = JsonNode.Parse(c.PulumiConfig())!.AsObject();
        config["aviatrix:password"] = Secret;
        config["aviatrix:username"] = "ci-" + Secret;
        config["containment:decryptionCaKey"] = "-----BEGIN PRIVATE KEY-----" + Secret;
        var good = config.ToJsonString();
        config["containment:mode"] = "enforce-" + Secret[..6];
        var bad = config.ToJsonString();

        foreach (var json in new[] { good, bad })
        {
            var result = Run(
                c.FileSystem(),
                Environment(
                    ("PULUMI_STACK", "prod"),
                    ("PULUMI_CONFIG", json),
                    ("PULUMI_ROOT_DIRECTORY", E2eCase.ProjectRoot)
                ),
                "compile"
            );

            Assert.DoesNotContain(Secret, result.Stdout + result.Stderr, StringComparison.Ordinal);
            Assert.DoesNotContain(
                "BEGIN PRIVATE KEY",
                result.Stdout + result.Stderr,
                StringComparison.Ordinal
            );
        }

        // The program reads the CA key as a secret config value; the compiler never copies it.
        Assert.Contains(
            "\"secret\": true",
            Run(
                c.FileSystem(),
                Environment(
                    ("PULUMI_STACK", "prod"),
                    ("PULUMI_CONFIG", good),
                    ("PULUMI_ROOT_DIRECTORY", E2eCase.ProjectRoot)
                ),
                "compile"
            ).Stdout,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void The_stack_comes_from_pulumi_stack_without_its_organisation_and_project()
    {
        var result = Run(
            Upstream.FileSystem(),
            Environment(
                ("PULUMI_STACK", "acme/containment/dev"),
                ("PULUMI_CONFIG", Upstream.PulumiConfig()),
                ("PULUMI_ROOT_DIRECTORY", E2eCase.ProjectRoot)
            ),
            "compile"
        );

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(Upstream.Compile().Stdout, result.Stdout);
        var program = JsonNode.Parse(result.Stdout)!;
        Assert.Equal(
            "containment-dev",
            program["resources"]![PulumiLogicalNames.Ruleset]!["properties"]![
                "name"
            ]!.GetValue<string>()
        );
    }

    /// <summary>Compiles the repository's own project (Pulumi.yaml, Pulumi.&lt;stack&gt;.yaml, infra/librechat.yaml) as Pulumi would.</summary>
    private static string ProjectProgram(string stack)
    {
        var root = Baseline.RepositoryRoot()!;
        var config = PulumiConfigJson.FromStackFile(
            File.ReadAllText(Path.Combine(root, $"Pulumi.{stack}.yaml")),
            File.ReadAllText(Path.Combine(root, "Pulumi.yaml"))
        );
        var result = Run(
            PhysicalFileSystem.Instance,
            Environment(
                ("PULUMI_STACK", stack),
                ("PULUMI_CONFIG", config),
                ("PULUMI_ROOT_DIRECTORY", root)
            ),
            "compile"
        );
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal("", result.Stderr);
        return result.Stdout;
    }

    private static SortedDictionary<string, string> Types(string program) =>
        new(
            JsonNode.Parse(program)!["resources"]!
                .AsObject()
                .ToDictionary(r => r.Key, r => r.Value!["type"]!.GetValue<string>()),
            StringComparer.Ordinal
        );

    private static List<JsonNode> Rules(string program) =>
        [
            .. JsonNode.Parse(program)!["resources"]![PulumiLogicalNames.Ruleset]!["properties"]![
                "rules"
            ]!
                .AsArray()
                .Select(r => r!),
        ];

    private static (bool Watch, bool Logging, string Decrypt) Flags(JsonNode rule) =>
        (
            rule["watch"]!.GetValue<bool>(),
            rule["logging"]!.GetValue<bool>(),
            rule["decryptPolicy"]!.GetValue<string>()
        );
}
