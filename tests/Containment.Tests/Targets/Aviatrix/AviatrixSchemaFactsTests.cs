using System.Text.Json;
using Containment.Core.Policy;
using Containment.Core.Targets.Aviatrix;
using Containment.Core.Targets.Pulumi;
using Containment.Tests.Infrastructure;

namespace Containment.Tests.Targets.Aviatrix;

public class AviatrixSchemaFactsTests
{
    private static readonly AviatrixSchemaFacts Facts = AviatrixSchemaFacts.Default;

    [Theory]
    [InlineData(PulumiTokens.SmartGroup, "aviatrix_smart_group", false)]
    [InlineData(PulumiTokens.WebGroup, "aviatrix_web_group", false)]
    [InlineData(PulumiTokens.DcfRuleset, "aviatrix_dcf_ruleset", false)]
    [InlineData(PulumiTokens.DcfMitmCa, "aviatrix_dcf_mitm_ca", false)]
    [InlineData(PulumiTokens.DcfMitmCaSelection, "aviatrix_dcf_mitm_ca_selection", false)]
    [InlineData(PulumiTokens.GetDcfAttachmentPoint, "aviatrix_dcf_attachment_point", true)]
    public void Every_token_the_target_emits_has_facts(
        string token,
        string terraformType,
        bool isDataSource
    )
    {
        var type = Facts.ByPulumiToken(token);

        Assert.NotNull(type);
        Assert.Equal(terraformType, type.TerraformType);
        Assert.Equal(isDataSource, type.IsDataSource);
        Assert.Same(type, Facts.ByTerraformType(terraformType));
    }

    [Fact]
    public void Bridged_shapes_follow_max_items_and_element_kind()
    {
        var smartGroup = Facts.ByTerraformType("aviatrix_smart_group")!;
        var selector = smartGroup.Arguments["selector"];
        Assert.Equal(PulumiShape.Object, selector.Shape);
        Assert.Equal(PulumiShape.ObjectArray, selector.Block["matchExpressions"].Shape);
        Assert.Equal(PulumiShape.StringMap, selector.Block["matchExpressions"].Block["tags"].Shape);
        Assert.Equal(
            "k8s_cluster_id",
            selector.Block["matchExpressions"].Block["k8sClusterId"].TerraformName
        );

        var rule = Facts.ByTerraformType("aviatrix_dcf_ruleset")!.Arguments["rules"];
        Assert.Equal(PulumiShape.ObjectArray, rule.Shape);
        Assert.Equal(PulumiShape.StringArray, rule.Block["srcSmartGroups"].Shape);
        Assert.Equal(PulumiShape.Integer, rule.Block["priority"].Shape);
        Assert.Equal(PulumiShape.Boolean, rule.Block["watch"].Shape);
        Assert.Equal(64, rule.Block["portRanges"].MaxItems);
        Assert.Equal(
            ["DECRYPT_UNSPECIFIED", "DECRYPT_ALLOWED", "DECRYPT_NOT_ALLOWED"],
            rule.Block["decryptPolicy"].Allowed
        );
        Assert.Null(rule.Block["enforcement"].Since);
        Assert.True(Facts.ByTerraformType("aviatrix_dcf_mitm_ca")!.Arguments["key"].Sensitive);
    }

    [Fact]
    public void Predefined_uuids_agree_with_the_policy_model()
    {
        Assert.Equal(PredefinedGroupUuids.PublicInternet, Facts.PredefinedUuids["publicInternet"]);
        Assert.Equal(PredefinedGroupUuids.Anywhere, Facts.PredefinedUuids["anywhere"]);
    }

    [Fact]
    public void Terraform_and_Pulumi_checks_read_one_facts_file_and_the_same_argument_records()
    {
        var terraform = new AviatrixTerraformSchema(Facts);
        var rules = Facts.ByTerraformType("aviatrix_dcf_ruleset")!.Arguments["rules"];

        Assert.Same(rules, terraform.Resources["aviatrix_dcf_ruleset"]["rules"]);
        Assert.Same(rules.Block["portRanges"], rules.BlockByTerraformName["port_ranges"]);
        Assert.DoesNotContain(
            typeof(AviatrixSchemaFacts).Assembly.GetManifestResourceNames(),
            name => name.Contains("terraform-schema-facts", StringComparison.Ordinal)
        );
    }

    [Fact]
    public void A_type_that_is_both_resource_and_data_source_keeps_both_tokens()
    {
        var data = Assert.Single(Facts.DataSources, t => t.TerraformType == "aviatrix_dcf_mitm_ca");

        Assert.Equal("aviatrix:index/getDcfMitmCa:getDcfMitmCa", data.PulumiToken);
        Assert.Same(data, Facts.ByPulumiToken(data.PulumiToken));
        Assert.False(Facts.ByTerraformType("aviatrix_dcf_mitm_ca")!.IsDataSource);
    }

    [Fact]
    public void Provider_configuration_and_lookup_providers_come_from_the_same_file()
    {
        var terraform = new AviatrixTerraformSchema(Facts);

        Assert.True(Facts.Provider.Configuration["password"].Sensitive);
        Assert.Equal("aws", terraform.DataSourceProvider["aws_caller_identity"]);
        Assert.Equal(("hashicorp/google", ">= 5.0"), terraform.LookupProviders["google"]);
        Assert.Null(terraform.DataSources["aws_region"]["region"].SinceTag);
    }

    [Fact]
    public void Parse_reads_a_modified_copy_so_tests_can_feed_other_facts()
    {
        var json = """
            {"_source": "test", "predefinedUuids": {},
             "resources": {"aviatrix_x": {"pulumiToken": "aviatrix:index/x:X", "since": "v1.0.0",
               "arguments": {"name": {"type": "string", "required": true, "since": "v1.0.0", "pulumi": "name"}}}}}
            """;

        var facts = AviatrixSchemaFacts.Parse(json);

        Assert.True(facts.ByPulumiToken("aviatrix:index/x:X")!.Arguments["name"].Required);
        Assert.Null(facts.ByPulumiToken(PulumiTokens.SmartGroup));
    }

    /// <summary>
    /// The repo's facts must still say what the shared reference says (argument names, types, requiredness,
    /// Pulumi names). The reference sits beside the checkout (../shared/reference) on developer machines and CI.
    /// </summary>
    [Fact]
    public void Facts_match_the_shared_reference_schema()
    {
        var root = Baseline.RepositoryRoot();
        var reference = root is null
            ? null
            : Path.GetFullPath(
                Path.Combine(root, "..", "shared", "reference", "aviatrix-dcf-schema.json")
            );
        if (reference is null || !File.Exists(reference))
        {
            Assert.Skip("shared/reference/aviatrix-dcf-schema.json is not beside this checkout.");
        }

        using var document = JsonDocument.Parse(File.ReadAllText(reference));
        var compared = 0;
        foreach (var type in Facts.Types)
        {
            var section = type.IsDataSource ? "data_sources" : "resources";
            var source = document.RootElement.GetProperty(section).GetProperty(type.TerraformType);
            Assert.Equal(
                source
                    .GetProperty("pulumi")
                    .GetProperty("any_terraform_provider_token")
                    .GetString(),
                type.PulumiToken
            );
            compared += Compare(
                type.TerraformType,
                source.GetProperty("arguments"),
                type.Arguments
            );
        }

        Assert.True(compared > 40, $"only {compared} arguments compared");
    }

    private static int Compare(
        string path,
        JsonElement source,
        IReadOnlyDictionary<string, AviatrixArgument> arguments
    )
    {
        var count = 0;
        Assert.Equal(source.EnumerateObject().Count(), arguments.Count);
        foreach (var property in source.EnumerateObject())
        {
            var value = property.Value;
            var pulumiName = value.GetProperty("pulumi").GetProperty("name").GetString()!;
            var argument = arguments[pulumiName];
            var at = $"{path}.{property.Name}";
            Assert.True(property.Name == argument.TerraformName, at);
            Assert.True(value.GetProperty("type").GetString() == argument.TerraformType, at);
            Assert.True(
                (value.TryGetProperty("required", out var r) && r.GetBoolean())
                    == argument.Required,
                at
            );
            Assert.True(
                (value.TryGetProperty("computed", out var c) && c.GetBoolean())
                    == argument.Computed,
                at
            );
            count++;
            if (value.TryGetProperty("block", out var block))
            {
                count += Compare(at, block, argument.Block);
            }
        }

        return count;
    }
}
