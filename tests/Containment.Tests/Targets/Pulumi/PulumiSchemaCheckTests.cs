using Containment.Core.Policy;
using Containment.Core.Targets.Aviatrix;
using Containment.Core.Targets.Pulumi;
using Containment.Tests.Infrastructure.Models;

namespace Containment.Tests.Targets.Pulumi;

public class PulumiSchemaCheckTests
{
    private static readonly AviatrixSchemaFacts Facts = AviatrixSchemaFacts.Default;

    public static TheoryData<string> Stacks => ["dev", "prod", "azure", "gcp", "none"];

    internal static PolicyModel ModelFor(string stack) =>
        stack switch
        {
            "dev" => SamplePulumiPolicies.Dev(),
            "prod" => SamplePulumiPolicies.Prod(),
            "azure" => SamplePulumiPolicies.Azure(),
            "gcp" => SamplePulumiPolicies.Gcp(),
            _ => SamplePulumiPolicies.NoCloud(),
        };

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Every_emitted_aviatrix_property_exists_with_the_bridged_type(string stack)
    {
        var program = PulumiProgramBuilder.Build(ModelFor(stack));

        Assert.Empty(PulumiSchemaCheck.Check(program, Facts));

        // The check really visited the Aviatrix properties: each one is known to the facts.
        foreach (
            var resource in program.Resources.Where(r =>
                r.Type.StartsWith("aviatrix:", StringComparison.Ordinal)
            )
        )
        {
            var type = Facts.ByPulumiToken(resource.Type);
            Assert.NotNull(type);
            Assert.All(
                resource.Properties.Properties,
                p => Assert.True(type.Arguments.ContainsKey(p.Key), $"{resource.Type}.{p.Key}")
            );
        }
    }

    [Fact]
    public void Discovery_program_passes_the_check()
    {
        Assert.Empty(PulumiSchemaCheck.Check(PulumiProgramBuilder.Discovery(), Facts));
    }

    [Fact]
    public void A_misspelt_rule_property_is_reported_with_its_path()
    {
        var program = MutateFirstRule(
            PulumiProgramBuilder.Build(SamplePulumiPolicies.Dev()),
            "srcSmartGroups",
            "srcSmartGroup",
            null
        );

        var problems = PulumiSchemaCheck.Check(program, Facts);

        Assert.Contains(
            problems,
            p =>
                p.StartsWith(
                    "resources.ruleset.properties.rules[0].srcSmartGroup: no such argument",
                    StringComparison.Ordinal
                )
        );
        Assert.Contains(
            problems,
            p =>
                p
                == "resources.ruleset.properties.rules[0]: required argument 'srcSmartGroups' is missing."
        );
    }

    [Fact]
    public void A_priority_given_as_a_string_is_a_type_error()
    {
        var program = MutateFirstRule(
            PulumiProgramBuilder.Build(SamplePulumiPolicies.Dev()),
            "priority",
            "priority",
            PulumiValue.Text("100")
        );

        var problem = Assert.Single(PulumiSchemaCheck.Check(program, Facts));

        Assert.Equal(
            "resources.ruleset.properties.rules[0].priority: expected an integer, got a string.",
            problem
        );
    }

    [Fact]
    public void An_action_outside_the_provider_enum_is_reported()
    {
        var program = MutateFirstRule(
            PulumiProgramBuilder.Build(SamplePulumiPolicies.Dev()),
            "action",
            "action",
            PulumiValue.Text("ALLOW")
        );

        Assert.Contains(
            "is not one of DENY, PERMIT",
            Assert.Single(PulumiSchemaCheck.Check(program, Facts)),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void Protocol_enum_ignores_case_like_the_provider()
    {
        var program = MutateFirstRule(
            PulumiProgramBuilder.Build(SamplePulumiPolicies.Dev()),
            "protocol",
            "protocol",
            PulumiValue.Text("tcp")
        );

        Assert.Empty(PulumiSchemaCheck.Check(program, Facts));
    }

    [Fact]
    public void A_namespace_the_provider_would_reject_at_plan_time_is_reported()
    {
        var model = SamplePulumiPolicies.Dev();
        var pods = model.SmartGroups.Single(g => g.Name == "librechat-pods");
        var bad = pods with
        {
            Selectors = [pods.Selectors[0] with { Namespace = "LibreChat_Prod" }],
        };

        var error = Assert.Throws<PulumiTargetException>(() =>
            PulumiProgramBuilder.Build(
                model with
                {
                    SmartGroups = [.. model.SmartGroups.Where(g => g != pods), bad],
                }
            )
        );

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal("CT5005", diagnostic.Code);
        Assert.Contains(
            "k8sNamespace: 'LibreChat_Prod' does not match",
            diagnostic.Message,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void A_trailing_newline_does_not_pass_a_go_anchored_pattern_like_in_terraform()
    {
        var program = PulumiProgramBuilder.Build(SamplePulumiPolicies.Dev());
        var group = program.Resource("sg-librechat-pods")!;
        var selector = (PulumiObject)group.Properties["selector"]!;
        var expressions = (PulumiList)selector["matchExpressions"]!;
        var first = (PulumiObject)expressions.Items[0];
        var bad = With(first, "k8sNamespace", "k8sNamespace", PulumiValue.Text("librechat\n"));
        var broken = Replace(
            program,
            group with
            {
                Properties = With(
                    group.Properties,
                    "selector",
                    "selector",
                    With(
                        selector,
                        "matchExpressions",
                        "matchExpressions",
                        PulumiValue.List([bad, .. expressions.Items.Skip(1)])
                    )
                ),
            }
        );

        var problem = Assert.Single(PulumiSchemaCheck.Check(broken, Facts));

        Assert.StartsWith(
            "resources.sg-librechat-pods.properties.selector.matchExpressions[0].k8sNamespace: 'librechat\n' does not match",
            problem,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void A_single_block_written_as_a_list_is_a_shape_error()
    {
        var program = PulumiProgramBuilder.Build(SamplePulumiPolicies.Dev());
        var group = program.Resource("sg-librechat-pods")!;
        var selectorAsList = PulumiValue.List([group.Properties["selector"]!]);
        var broken = Replace(
            program,
            group with
            {
                Properties = With(group.Properties, "selector", "selector", selectorAsList),
            }
        );

        var problem = Assert.Single(PulumiSchemaCheck.Check(broken, Facts));

        Assert.Equal(
            "resources.sg-librechat-pods.properties.selector: expected an object (single block), got a list.",
            problem
        );
    }

    [Fact]
    public void Unreleased_and_output_only_arguments_are_rejected()
    {
        var program = PulumiProgramBuilder.Build(SamplePulumiPolicies.Dev());
        program = MutateFirstRule(program, "watch", "enforcement", PulumiValue.Text("MONITOR"));
        program = MutateFirstRule(program, "logging", "uuid", PulumiValue.Text("x"));

        var problems = PulumiSchemaCheck.Check(program, Facts);

        Assert.Contains(
            problems,
            p =>
                p.EndsWith(
                    "'enforcement' is not in any released provider version.",
                    StringComparison.Ordinal
                )
        );
        Assert.Contains(
            problems,
            p =>
                p.EndsWith(
                    "'uuid' is computed by the provider and cannot be set.",
                    StringComparison.Ordinal
                )
        );
    }

    [Fact]
    public void Resources_newer_than_the_pinned_provider_are_rejected()
    {
        var program = PulumiProgramBuilder.Build(SamplePulumiPolicies.Prod());

        var problems = PulumiSchemaCheck.Check(program, Facts, new Version(8, 2, 10));

        Assert.Contains(
            problems,
            p =>
                p.Contains(
                    "'aviatrix:index/dcfMitmCa:DcfMitmCa' needs Aviatrix provider 9.0.0",
                    StringComparison.Ordinal
                )
        );
    }

    [Fact]
    public void References_must_name_something_declared_and_read_real_attributes()
    {
        var program = PulumiProgramBuilder.Build(SamplePulumiPolicies.Dev());
        program = MutateFirstRule(
            program,
            "srcSmartGroups",
            "srcSmartGroups",
            PulumiValue.List([PulumiValue.Ref("sg-librechat-pods", "id_uuid")])
        );
        program = MutateFirstRule(
            program,
            "dstSmartGroups",
            "dstSmartGroups",
            PulumiValue.List([PulumiValue.Ref("sg-missing", "uuid")])
        );

        var problems = PulumiSchemaCheck.Check(program, Facts);

        Assert.Contains(
            problems,
            p =>
                p.EndsWith(
                    "${sg-librechat-pods.id_uuid} reads 'id_uuid', which aviatrix_smart_group does not have.",
                    StringComparison.Ordinal
                )
        );
        Assert.Contains(
            problems,
            p =>
                p.EndsWith(
                    "${sg-missing.uuid} names no config, variable or resource of the program.",
                    StringComparison.Ordinal
                )
        );
    }

    [Fact]
    public void A_dependency_on_a_missing_resource_is_reported()
    {
        var program = PulumiProgramBuilder.Build(SamplePulumiPolicies.Dev());
        var ruleset = program.Resource(PulumiLogicalNames.Ruleset)!;
        var broken = Replace(
            program,
            ruleset with
            {
                Options = new PulumiResourceOptions { DependsOn = ["ghost"] },
            }
        );

        Assert.Equal(
            "resources.ruleset.options: 'ghost' is not a resource of the program.",
            Assert.Single(PulumiSchemaCheck.Check(broken, Facts))
        );
    }

    internal static PulumiProgram MutateFirstRule(
        PulumiProgram program,
        string key,
        string newKey,
        PulumiValue? newValue
    )
    {
        var ruleset = program.Resource(PulumiLogicalNames.Ruleset)!;
        var rules = (PulumiList)ruleset.Properties["rules"]!;
        var first = With((PulumiObject)rules.Items[0], key, newKey, newValue);
        var properties = With(
            ruleset.Properties,
            "rules",
            "rules",
            new PulumiList([first, .. rules.Items.Skip(1)])
        );
        return Replace(program, ruleset with { Properties = properties });
    }

    private static PulumiObject With(
        PulumiObject obj,
        string key,
        string newKey,
        PulumiValue? newValue
    ) => new([.. obj.Properties.Select(p => p.Key == key ? (newKey, newValue ?? p.Value) : p)]);

    private static PulumiProgram Replace(PulumiProgram program, PulumiResource resource) =>
        program with
        {
            Resources =
            [
                .. program.Resources.Select(r =>
                    r.LogicalName == resource.LogicalName ? resource : r
                ),
            ],
        };
}
