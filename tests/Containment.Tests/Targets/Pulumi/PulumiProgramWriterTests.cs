using System.Text.Json;
using Containment.Core.Targets.Pulumi;
using Containment.Tests.Infrastructure.Models;

namespace Containment.Tests.Targets.Pulumi;

public class PulumiProgramWriterTests
{
    [Fact]
    public void Literal_dollars_are_doubled_and_references_are_not()
    {
        var text = PulumiValue.Interpolate(
            new LiteralPart("cost$5-${HOME}-"),
            new ReferencePart("awsRegion", ["region"])
        );

        Assert.Equal(
            "cost$$5-$${HOME}-${awsRegion.region}",
            PulumiProgramWriter.Interpolation((PulumiText)text)
        );
    }

    [Fact]
    public void Dollars_in_policy_values_reach_the_program_escaped()
    {
        var model = SamplePulumiPolicies.Dev();
        var pods = model.SmartGroups.Single(g => g.Name == "librechat-pods");
        var selector = pods.Selectors[0] with
        {
            Labels = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["team"] = "${NOT_A_REF}$x",
            },
        };
        var program = PulumiProgramBuilder.Build(
            model with
            {
                SmartGroups =
                [
                    .. model.SmartGroups.Where(g => g != pods),
                    pods with
                    {
                        Selectors = [selector],
                    },
                ],
                AttachmentPoint = "slot$1",
            }
        );

        var written = PulumiProgramWriter.Write(program);

        Assert.Contains("\"team\": \"$${NOT_A_REF}$$x\"", written, StringComparison.Ordinal);
        Assert.Contains("\"name\": \"slot$$1\"", written, StringComparison.Ordinal);
        AssertEveryDollarIsEscapedOrAReference(written);
    }

    [Theory]
    [MemberData(nameof(PulumiSchemaCheckTests.Stacks), MemberType = typeof(PulumiSchemaCheckTests))]
    public void Every_program_is_one_json_document_with_unix_line_ends(string stack)
    {
        var written = PulumiProgramWriter.Write(
            PulumiProgramBuilder.Build(PulumiSchemaCheckTests.ModelFor(stack))
        );

        Assert.DoesNotContain("\r", written, StringComparison.Ordinal);
        Assert.EndsWith("}\n", written, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(written);
        Assert.Equal("containment", document.RootElement.GetProperty("name").GetString());
        Assert.Equal("yaml", document.RootElement.GetProperty("runtime").GetString());
        AssertEveryDollarIsEscapedOrAReference(written);
    }

    /// <summary>Field names Pulumi YAML accepts (pulumi-yaml ast/template.go TemplateDecl, ResourceDecl,
    /// ResourceOptionsDecl, InvokeOptionsDecl, ConfigParamDecl); a misspelt option would be ignored with a warning.</summary>
    [Theory]
    [MemberData(nameof(PulumiSchemaCheckTests.Stacks), MemberType = typeof(PulumiSchemaCheckTests))]
    public void Programs_use_only_fields_pulumi_yaml_knows_and_parse_as_yaml(string stack)
    {
        string[] template =
        [
            "name",
            "runtime",
            "description",
            "config",
            "variables",
            "resources",
            "outputs",
        ];
        string[] resource = ["type", "properties", "options"];
        string[] resourceOptions =
        [
            "dependsOn",
            "parent",
            "protect",
            "deleteBeforeReplace",
            "version",
        ];
        string[] invoke = ["function", "arguments", "options"];
        string[] configParam = ["type", "secret"];
        var written = PulumiProgramWriter.Write(
            PulumiProgramBuilder.Build(PulumiSchemaCheckTests.ModelFor(stack))
        );
        using var document = JsonDocument.Parse(written);
        var root = document.RootElement;

        Assert.All(root.EnumerateObject(), p => Assert.Contains(p.Name, template));
        foreach (var r in root.GetProperty("resources").EnumerateObject())
        {
            Assert.All(r.Value.EnumerateObject(), p => Assert.Contains(p.Name, resource));
            if (r.Value.TryGetProperty("options", out var options))
            {
                Assert.All(
                    options.EnumerateObject(),
                    p => Assert.Contains(p.Name, resourceOptions)
                );
            }
        }

        foreach (var v in root.GetProperty("variables").EnumerateObject())
        {
            Assert.All(
                v.Value.GetProperty("fn::invoke").EnumerateObject(),
                p => Assert.Contains(p.Name, invoke)
            );
        }

        if (root.TryGetProperty("config", out var config))
        {
            Assert.All(
                config.EnumerateObject().SelectMany(c => c.Value.EnumerateObject()),
                p => Assert.Contains(p.Name, configParam)
            );
        }

        // JSON is YAML: one document, a mapping at the top.
        var yaml = new YamlDotNet.RepresentationModel.YamlStream();
        yaml.Load(new StringReader(written));
        Assert.IsType<YamlDotNet.RepresentationModel.YamlMappingNode>(
            Assert.Single(yaml.Documents).RootNode
        );
    }

    [Fact]
    public void Non_identifier_reference_segments_use_the_subscript_form()
    {
        var reference = new ReferencePart("cfg", ["app.kubernetes.io/name", "say \"hi\""]);

        Assert.Equal(
            "${cfg[\"app.kubernetes.io/name\"][\"say \\\"hi\\\"\"]}",
            PulumiProgramWriter.Reference(reference)
        );
    }

    [Fact]
    public void Object_keys_that_pulumi_would_read_as_calls_are_refused()
    {
        var program = new PulumiProgram
        {
            Name = "containment",
            Resources =
            [
                new PulumiResource
                {
                    LogicalName = "cm",
                    Type = PulumiTokens.ConfigMap,
                    Properties = new PulumiObject([
                        (
                            "data",
                            PulumiValue.Object(("fn::readFile", PulumiValue.Text("/etc/passwd")))
                        ),
                    ]),
                },
            ],
        };

        Assert.Throws<ArgumentException>(() => PulumiProgramWriter.Write(program));
    }

    [Fact]
    public void Resource_options_print_as_references_and_flags()
    {
        var program = new PulumiProgram
        {
            Name = "containment",
            Resources =
            [
                new PulumiResource
                {
                    LogicalName = "child",
                    Type = PulumiTokens.ConfigMap,
                    Properties = new PulumiObject([]),
                    Options = new PulumiResourceOptions
                    {
                        DependsOn = ["a", "b"],
                        Parent = "p",
                        Protect = true,
                        DeleteBeforeReplace = true,
                        Version = "1.2.3",
                    },
                },
            ],
        };

        using var document = JsonDocument.Parse(PulumiProgramWriter.Write(program));
        var options = document
            .RootElement.GetProperty("resources")
            .GetProperty("child")
            .GetProperty("options");

        Assert.Equal(
            ["${a}", "${b}"],
            options.GetProperty("dependsOn").EnumerateArray().Select(e => e.GetString())
        );
        Assert.Equal("${p}", options.GetProperty("parent").GetString());
        Assert.True(options.GetProperty("protect").GetBoolean());
        Assert.True(options.GetProperty("deleteBeforeReplace").GetBoolean());
        Assert.Equal("1.2.3", options.GetProperty("version").GetString());
    }

    /// <summary>After removing <c>$$</c> pairs and <c>${...}</c> references, no <c>$</c> may remain.</summary>
    internal static void AssertEveryDollarIsEscapedOrAReference(string written)
    {
        for (var i = 0; i < written.Length; i++)
        {
            if (written[i] != '$')
            {
                continue;
            }

            Assert.True(i + 1 < written.Length, "dangling $ at end");
            if (written[i + 1] == '$')
            {
                i++;
                continue;
            }

            Assert.True(
                written[i + 1] == '{',
                $"unescaped $ at offset {i}: {written.Substring(Math.Max(0, i - 20), Math.Min(40, written.Length - Math.Max(0, i - 20)))}"
            );
        }
    }
}
