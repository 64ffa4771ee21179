using Containment.Core.Diagnostics;
using Containment.Core.Targets.Aviatrix;
using Containment.Core.Targets.Terraform;
using Containment.Tests.Infrastructure.Models;
using static Containment.Core.Targets.Terraform.TerraformValue;

namespace Containment.Tests.Targets.Terraform;

/// <summary>
/// The Terraform target's IR: the check catches a wrong name, type or value on the module as built (before anything is
/// printed), through the provider facts and the argument rules the Pulumi check also uses; the printer escapes literals.
/// </summary>
public class TerraformModuleTests
{
    private static readonly Version Provider82 = new(8, 2, 0);
    private static readonly AviatrixTerraformSchema Schema = AviatrixTerraformSchema.Instance;

    public static TheoryData<string> Samples() => [.. SamplePolicies.Cases];

    [Theory]
    [MemberData(nameof(Samples))]
    public void Every_built_file_passes_the_provider_schema_facts(string sample)
    {
        var diagnostics = new DiagnosticBag();
        var (module, minimum) = TerraformModuleBuilder.Build(
            SamplePolicies.ByName(sample),
            diagnostics,
            Schema
        );

        Assert.NotEmpty(module.Files);
        Assert.All(module.Files, f => Assert.Empty(TerraformModuleCheck.Check(f, Schema, minimum)));
    }

    [Fact]
    public void A_misspelt_argument_is_caught_on_the_ir()
    {
        var main = MainFile(
            new TerraformBlock(
                "aviatrix_web_group",
                "llm_providers",
                Object(
                    ("name", Text("llm-providers")),
                    (
                        "selector",
                        List([
                            Object(
                                (
                                    "match_expressions",
                                    List([Object(("sni_filter", Text("api.openai.com")))])
                                )
                            ),
                        ])
                    )
                )
            )
        );

        Assert.Equal(
            [
                "$.resource.aviatrix_web_group.llm_providers.selector[0].match_expressions[0].sni_filter: unknown argument",
            ],
            TerraformModuleCheck.Check(main, Schema, Provider82)
        );
    }

    [Fact]
    public void A_wrong_type_and_a_missing_required_argument_are_caught_on_the_ir()
    {
        var errors = TerraformModuleCheck.Check(
            Ruleset(Rule(without: "src_smart_groups", ("priority", Text("100")))),
            Schema,
            Provider82
        );

        Assert.Equal(
            [
                "$.resource.aviatrix_dcf_ruleset.containment.rules[0].priority: expected an integer",
                "$.resource.aviatrix_dcf_ruleset.containment.rules[0].src_smart_groups: required argument is missing",
            ],
            errors
        );
    }

    [Fact]
    public void The_providers_minimum_applies_like_in_the_pulumi_check()
    {
        var errors = TerraformModuleCheck.Check(
            Ruleset(Rule(without: null, ("port_ranges", List([Object(("lo", Number(-1)))])))),
            Schema,
            Provider82
        );

        Assert.Equal(
            [
                "$.resource.aviatrix_dcf_ruleset.containment.rules[0].port_ranges[0].lo: -1 is below the minimum 0",
            ],
            errors
        );
    }

    [Fact]
    public void An_enum_value_and_an_unreleased_argument_are_caught_on_the_ir()
    {
        var errors = TerraformModuleCheck.Check(
            Ruleset(
                Rule(without: "action", ("action", Text("ALLOW")), ("enforcement", Text("MONITOR")))
            ),
            Schema,
            Provider82
        );

        Assert.Contains(
            errors,
            e =>
                e.StartsWith(
                    "$.resource.aviatrix_dcf_ruleset.containment.rules[0].action: 'ALLOW' is not one of DENY",
                    StringComparison.Ordinal
                )
        );
        Assert.Contains(
            "$.resource.aviatrix_dcf_ruleset.containment.rules[0].enforcement: 'enforcement' is not in any released provider version",
            errors
        );
    }

    [Fact]
    public void A_value_on_a_sensitive_variable_and_a_read_only_argument_are_caught_on_the_ir()
    {
        var variables = new TerraformFile
        {
            Name = "variables.tf.json",
            Variables =
            [
                new(
                    "aviatrix_password",
                    "string",
                    "Password.",
                    Default: "hunter2",
                    Sensitive: true
                ),
            ],
        };
        var main = MainFile(SmartGroup(("uuid", Text("x"))));

        Assert.Equal(
            ["$.variable.aviatrix_password.default: a sensitive variable must never carry a value"],
            TerraformModuleCheck.Check(variables, Schema, Provider82)
        );
        Assert.Contains(
            "$.resource.aviatrix_smart_group.librechat_pods.uuid: 'uuid' is computed by the provider and cannot be set",
            TerraformModuleCheck.Check(main, Schema, Provider82)
        );
    }

    [Fact]
    public void A_trailing_newline_does_not_pass_a_go_anchored_pattern()
    {
        var main = MainFile(SmartGroup());
        var hostile = main with
        {
            Resources =
            [
                SmartGroup(
                    (
                        "selector",
                        List([
                            Object(
                                (
                                    "match_expressions",
                                    List([
                                        Object(
                                            ("type", Text("k8s")),
                                            ("k8s_namespace", Text("librechat\n"))
                                        ),
                                    ])
                                )
                            ),
                        ])
                    )
                ),
            ],
        };

        Assert.Empty(TerraformModuleCheck.Check(main, Schema, Provider82));
        Assert.Contains(
            TerraformModuleCheck.Check(hostile, Schema, Provider82),
            e =>
                e.StartsWith(
                    "$.resource.aviatrix_smart_group.librechat_pods.selector[0].match_expressions[0].k8s_namespace: 'librechat\n' does not match",
                    StringComparison.Ordinal
                )
        );
    }

    [Fact]
    public void A_block_list_over_max_items_reads_as_in_the_pulumi_check()
    {
        var expressions = List([
            Object(("match_expressions", List([Object(("type", Text("k8s")))]))),
        ]);
        var main = MainFile(
            SmartGroup(("selector", List([expressions.Items[0], expressions.Items[0]])))
        );

        // The same words PulumiSchemaCheck uses: both ask AviatrixArgumentRules.CheckItemCount.
        Assert.Equal(
            [
                "$.resource.aviatrix_smart_group.librechat_pods.selector: 2 items, the provider allows 1",
            ],
            TerraformModuleCheck.Check(main, Schema, Provider82)
        );
    }

    [Fact]
    public void The_writer_reports_an_ir_problem_as_ct6090_on_its_file()
    {
        var diagnostics = new DiagnosticBag();
        var module = new TerraformModule([MainFile(SmartGroup(("uuid", Text("x"))))]);

        TerraformJsonWriter.Check(module, Schema, Provider82, diagnostics);

        var diagnostic = Assert.Single(diagnostics.Items);
        Assert.Equal("CT6090", diagnostic.Code);
        Assert.Equal("main.tf.json", diagnostic.Span.File);
    }

    [Fact]
    public void An_expression_passes_the_type_check_but_literal_text_never_becomes_one()
    {
        // ${...} in a literal (a hostile rule name) is a name, not an expression: the check reads it as text and the
        // printer doubles it, so Terraform prints it back verbatim.
        var hostile = Text("${var.aviatrix_password}%{ if true }");
        var template = new TerraformString([
            new TerraformLiteral("1234.dkr.ecr."),
            new TerraformExpression("data.aws_region.current.region"),
        ]);

        Assert.Equal(
            "$${var.aviatrix_password}%%{ if true }",
            TerraformModuleWriter.Render(hostile)
        );
        Assert.Equal(
            "1234.dkr.ecr.${data.aws_region.current.region}",
            TerraformModuleWriter.Render(template)
        );
        Assert.True(Expression("var.priority").IsWholeExpression);
        Assert.False(hostile.IsWholeExpression);
        Assert.Empty(
            TerraformModuleCheck.Check(
                Ruleset(Rule(without: "priority", ("priority", Expression("var.priority")))),
                Schema,
                Provider82
            )
        );
    }

    [Fact]
    public void The_printer_sorts_blocks_and_variables_ordinally_and_keeps_argument_order()
    {
        var file = new TerraformFile
        {
            Name = "main.tf.json",
            Comment = "c",
            Variables = [new("b", "string", "B."), new("a", "string", "A.", Default: "x")],
            Resources =
            [
                new("t2", "z", Object(("y", Number(1)), ("x", Bool(true)))),
                new("t1", "b", Object()),
                new("t1", "a", new TerraformObject([], "why")),
            ],
        };

        Assert.Equal(
            """
            {
              "//": "c",
              "resource": {
                "t1": {
                  "a": {
                    "//": "why"
                  },
                  "b": {}
                },
                "t2": {
                  "z": {
                    "y": 1,
                    "x": true
                  }
                }
              },
              "variable": {
                "a": {
                  "type": "string",
                  "description": "A.",
                  "default": "x"
                },
                "b": {
                  "type": "string",
                  "description": "B."
                }
              }
            }

            """,
            TerraformModuleWriter.Write(file)
        );
    }

    private static TerraformFile MainFile(params TerraformBlock[] resources) =>
        new() { Name = "main.tf.json", Resources = resources };

    private static TerraformBlock SmartGroup(params (string Key, TerraformValue Value)[] extra) =>
        new(
            "aviatrix_smart_group",
            "librechat_pods",
            new TerraformObject([
                ("name", Text("librechat-pods")),
                .. extra.Any(e => e.Key == "selector")
                    ? Array.Empty<(string, TerraformValue)>()
                    :
                    [
                        (
                            "selector",
                            List([
                                Object(
                                    (
                                        "match_expressions",
                                        List([
                                            Object(
                                                ("type", Text("k8s")),
                                                ("k8s_namespace", Text("librechat"))
                                            ),
                                        ])
                                    )
                                ),
                            ])
                        ),
                    ],
                .. extra,
            ])
        );

    private static TerraformFile Ruleset(TerraformObject rule) =>
        MainFile(
            new TerraformBlock(
                "aviatrix_dcf_ruleset",
                "containment",
                Object(
                    ("name", Text("containment")),
                    ("attach_to", Expression("data.aviatrix_dcf_attachment_point.containment.id")),
                    ("rules", List([rule]))
                )
            )
        );

    /// <summary>A valid rule, less <paramref name="without"/>, plus <paramref name="extra"/>.</summary>
    private static TerraformObject Rule(
        string? without,
        params (string Key, TerraformValue Value)[] extra
    )
    {
        (string Key, TerraformValue Value)[] valid =
        [
            ("name", Text("allow-llm")),
            ("priority", Number(100)),
            ("action", Text("PERMIT")),
            ("protocol", Text("TCP")),
            ("src_smart_groups", List([Expression("aviatrix_smart_group.librechat_pods.uuid")])),
            ("dst_smart_groups", List([Text("def000ad-0000-0000-0000-000000000000")])),
        ];
        return new TerraformObject([
            .. valid.Where(a => a.Key != without && extra.All(e => e.Key != a.Key)),
            .. extra,
        ]);
    }
}
