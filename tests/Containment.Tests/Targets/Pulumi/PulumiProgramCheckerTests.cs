using Containment.Core.Targets.Aviatrix;
using Containment.Core.Targets.Pulumi;
using Containment.Core.Targets.Pulumi.Checks;
using Containment.Tests.EndToEnd;
using Containment.Tests.Infrastructure;
using static Containment.Tests.Cli.CliRunner;

namespace Containment.Tests.Targets.Pulumi;

/// <summary>
/// The program checker follows pulumi-yaml's rules (PulumiProgramChecker cites each). It runs on the programs the
/// repository's own stacks compile to, and on the program every stack got before the attachment-point rename, which
/// Pulumi would have misread (the variable was shadowed by the <c>containment:attachmentPoint</c> config key).
/// </summary>
public class PulumiProgramCheckerTests
{
    private static readonly string Root = Baseline.RepositoryRoot()!;

    [Fact]
    public void The_program_before_the_rename_fails_on_the_attachmentPoint_config_key()
    {
        var program = File.ReadAllText(
            Path.Combine(
                AppContext.BaseDirectory,
                "Fixtures",
                "pulumi",
                "attachment-point-clash.json"
            )
        );

        var problems = PulumiProgramChecker.Check(
            program,
            ProjectConfigKeys(),
            AviatrixSchemaFacts.Default
        );

        Assert.Contains(
            problems,
            p =>
                p.StartsWith(
                    "variables.attachmentPoint: a stack config key has the same name",
                    StringComparison.Ordinal
                )
        );
        Assert.Contains(
            problems,
            p =>
                p.Contains(
                    "${attachmentPoint.attachmentPointId} reads a field of config 'attachmentPoint'",
                    StringComparison.Ordinal
                )
        );
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void The_repository_stacks_compile_to_programs_that_pass(string stack)
    {
        var config = PulumiConfigJson.FromStackFile(
            File.ReadAllText(Path.Combine(Root, $"Pulumi.{stack}.yaml")),
            File.ReadAllText(Path.Combine(Root, "Pulumi.yaml"))
        );
        var result = Run(
            Core.IO.PhysicalFileSystem.Instance,
            Environment(
                ("PULUMI_STACK", stack),
                ("PULUMI_CONFIG", config),
                ("PULUMI_ROOT_DIRECTORY", Root)
            ),
            "compile"
        );

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Empty(
            PulumiProgramChecker.Check(
                result.Stdout,
                ProjectConfigKeys(),
                AviatrixSchemaFacts.Default
            )
        );
    }

    [Fact]
    public void The_discovery_program_passes() =>
        Assert.Empty(
            PulumiProgramChecker.Check(
                PulumiProgramWriter.Write(PulumiProgramBuilder.Discovery()),
                ProjectConfigKeys(),
                AviatrixSchemaFacts.Default
            )
        );

    [Fact]
    public void Compile_refuses_a_program_whose_variable_a_stack_config_key_shadows()
    {
        var upstream = E2eCase.ByName("upstream");
        var config = System.Text.Json.Nodes.JsonNode.Parse(upstream.PulumiConfig())!.AsObject();
        config["containment:awsCallerIdentity"] = "x"; // the dev program reads ${awsCallerIdentity.accountId}

        var result = Run(
            upstream.FileSystem(),
            Environment(
                ("PULUMI_STACK", "dev"),
                ("PULUMI_CONFIG", config.ToJsonString()),
                ("PULUMI_ROOT_DIRECTORY", E2eCase.ProjectRoot)
            ),
            "compile"
        );

        Assert.Equal((1, ""), (result.ExitCode, result.Stdout));
        Assert.Contains(
            "error CT5100: variables.awsCallerIdentity: a stack config key has the same name",
            result.Stderr,
            StringComparison.Ordinal
        );
    }

    [Theory]
    [InlineData(
        """{"name":"p","variables":{"v":"${nothing.x}"}}""",
        "variables.v: ${nothing.x} names no resource, variable or config key."
    )]
    [InlineData(
        """{"name":"p","config":{"s":{"type":"string"}},"outputs":{"o":"${s.field}"}}""",
        "outputs.o: ${s.field} reads a field of config 's', which is not an object."
    )]
    [InlineData(
        """{"name":"p","outputs":{"o":"${pulumi.region}"}}""",
        "outputs.o: ${pulumi.region} is not a built-in pulumi field"
    )]
    [InlineData("""{"name":"p","outputs":{"o":"${a"}}""", "outputs.o: unterminated interpolation.")]
    [InlineData(
        """{"name":"p","outputs":{"o":"${[0]}"}}""",
        "outputs.o: the root property must be a string subscript or a name."
    )]
    [InlineData(
        """{"name":"p","components":{}}""",
        "components: only component plugins may declare it, not programs."
    )]
    [InlineData("""{"name":"p","resource":{}}""", "resource: not a Pulumi YAML top-level key")]
    [InlineData(
        """{"name":"p","variables":{"pulumi":"x"}}""",
        "variable pulumi: 'pulumi' is reserved"
    )]
    [InlineData(
        """{"name":"p","variables":{"r":"x"},"resources":{"r":{"type":"kubernetes:core/v1:ConfigMap","properties":{}}}}""",
        "resources.r: a variable has the same name."
    )]
    [InlineData(
        """{"name":"p","resources":{"r":{"type":"kubernetes:core/v1:ConfigMap","properties":{},"options":{"dependson":[]}}}}""",
        "resources.r.options.dependson: not a valid key here"
    )]
    [InlineData(
        """{"name":"p","resources":{"r":{"type":"kubernetes:core/v1:ConfigMap","properties":{},"options":{"dependsOn":["${q}"]}}}}""",
        "resources.r.options.dependsOn: '\"${q}\"' is not a reference to a resource of the program."
    )]
    [InlineData(
        """{"name":"p","resources":{"r":{"type":"kubernetes:core/v1:ConfigMap","propreties":{}}}}""",
        "resources.r.propreties: not a resource field"
    )]
    [InlineData(
        """{"name":"p","resources":{"r":{"type":"aviatrix:index/smartGroup:SmartGroups","properties":{}}}}""",
        "resources.r.type: 'aviatrix:index/smartGroup:SmartGroups' is not an Aviatrix resource in the schema facts."
    )]
    [InlineData(
        """{"name":"p","resources":{"r":{"type":"aviatrix:index/smartGroup:SmartGroup","properties":{"selectors":{}}}}}""",
        "resources.r.type: aviatrix_smart_group has no argument 'selectors'."
    )]
    [InlineData(
        """{"name":"p","resources":{"r":{"type":"aviatrix:index/smartGroup:SmartGroup","properties":{}}},"outputs":{"o":"${r.uid}"}}""",
        "outputs.o: ${r.uid} reads 'uid', which aviatrix_smart_group does not have."
    )]
    [InlineData(
        """{"name":"p","variables":{"v":{"fn::invoke":{"function":"aviatrix:index/smartGroup:SmartGroup","arguments":{}}}}}""",
        "variables.v.fn::invoke.function: 'aviatrix:index/smartGroup:SmartGroup' is not an Aviatrix function in the schema facts."
    )]
    [InlineData(
        """{"name":"p","variables":{"v":{"fn::invoke":{"function":"aws:index/getCallerIdentity:getCallerIdentity","arguments":{},"options":{"protect":true}}}}}""",
        "variables.v.fn::invoke.options.protect: not a valid key here"
    )]
    [InlineData(
        """{"name":"p","resources":{"r":{"type":"random:index/randomId:RandomId","properties":{}}}}""",
        "resources.r.type: 'random:index/randomId:RandomId' is not a type or function the program builder knows."
    )]
    public void Each_rule_reports_what_pulumi_would_refuse(string program, string expected)
    {
        var problems = PulumiProgramChecker.Check(
            program,
            PulumiConfigKeys.None,
            AviatrixSchemaFacts.Default
        );

        Assert.Contains(problems, p => p.StartsWith(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("$${notAReference}")]
    [InlineData("cost: $$5 and ${r.uuid}")]
    [InlineData("${[\"r\"].uuid}")]
    [InlineData("${r[\"uuid\"]}")]
    [InlineData("${pulumi.stack}-${obj.field[0]}")]
    public void Valid_references_and_escapes_pass(string text)
    {
        var program =
            """{"name":"p","config":{"obj":{"type":"object"}},"resources":{"r":{"type":"aviatrix:index/smartGroup:SmartGroup","properties":{}}},"outputs":{"o":"""
            + System.Text.Json.Nodes.JsonValue.Create(text).ToJsonString()
            + "}}";

        Assert.Empty(
            PulumiProgramChecker.Check(program, PulumiConfigKeys.None, AviatrixSchemaFacts.Default)
        );
    }

    [Fact]
    public void Project_config_keys_strip_only_the_project_prefix_and_know_objects()
    {
        var keys = ProjectConfigKeys();

        Assert.True(keys.Contains("attachmentPoint"));
        Assert.True(keys.Contains("aws:region"));
        Assert.False(keys.Contains("containment:attachmentPoint"));
        Assert.True(keys.IsObject("cluster"));
        Assert.False(keys.IsObject("mode"));
    }

    /// <summary>Pulumi.yaml's declarations and every key any stack file sets.</summary>
    private static PulumiConfigKeys ProjectConfigKeys() =>
        Directory
            .GetFiles(Root, "Pulumi.*.yaml")
            .Order(StringComparer.Ordinal)
            .Aggregate(
                PulumiConfigKeys.FromProjectFile(
                    File.ReadAllText(Path.Combine(Root, "Pulumi.yaml")),
                    "Pulumi.yaml",
                    PulumiProgramBuilder.ProjectName
                ),
                (keys, file) =>
                    keys.Union(
                        PulumiConfigKeys.FromStackFile(
                            File.ReadAllText(file),
                            file,
                            PulumiProgramBuilder.ProjectName
                        )
                    )
            );
}
