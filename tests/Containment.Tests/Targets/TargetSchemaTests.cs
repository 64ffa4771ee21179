using System.Text.Json.Nodes;
using Containment.Core.Diagnostics;
using Containment.Core.IO;
using Containment.Core.Targets.Aviatrix;
using Containment.Core.Targets.AviatrixCrd;
using Containment.Core.Targets.Terraform;
using Containment.Tests.Infrastructure.Models;

namespace Containment.Tests.Targets;

/// <summary>Every emitted file passes its schema facts, and the validators do catch a wrong name, type or value.</summary>
public class TargetSchemaTests
{
    private static readonly Version Provider82 = new(8, 2, 0);

    public static TheoryData<string> Samples() => [.. SamplePolicies.Cases];

    [Theory]
    [MemberData(nameof(Samples))]
    public void Every_terraform_file_passes_the_provider_schema_facts(string sample)
    {
        var model = SamplePolicies.ByName(sample);
        var output = new TerraformJsonWriter().Write(model, new DiagnosticBag());
        var minimum = new Version(model.ControllerVersion.Major, model.ControllerVersion.Minor, 0);

        foreach (var file in output.Files)
        {
            Assert.Empty(
                AviatrixTerraformSchema.Instance.Validate(JsonNode.Parse(file.Content), minimum)
            );
        }
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void The_firewall_policy_passes_the_crd_schema_facts(string sample)
    {
        var output = new AviatrixCrdWriter().Write(
            SamplePolicies.ByName(sample),
            new DiagnosticBag()
        );

        Assert.Empty(
            FirewallPolicyCrdSchema.Instance.ValidateYaml(
                output.Find(AviatrixCrdWriter.PolicyFile)!.Content
            )
        );
    }

    [Fact]
    public void Terraform_validator_rejects_a_misspelt_argument()
    {
        var main = MainOf("monitor-upstream");
        var expression = main["resource"]!["aviatrix_web_group"]!["llm_providers"]!["selector"]![
            0
        ]!["match_expressions"]![0]!.AsObject();
        expression["sni_filter"] = expression["snifilter"]!.GetValue<string>();
        expression.Remove("snifilter");

        var errors = AviatrixTerraformSchema.Instance.Validate(main, Provider82);

        Assert.Contains(
            "$.resource.aviatrix_web_group.llm_providers.selector[0].match_expressions[0].sni_filter: unknown argument",
            errors
        );
    }

    [Fact]
    public void Terraform_validator_rejects_a_wrong_type_and_a_missing_required_argument()
    {
        var main = MainOf("monitor-upstream");
        var rule = main["resource"]!["aviatrix_dcf_ruleset"]!["containment"]!["rules"]![
            0
        ]!.AsObject();
        rule["priority"] = "100";
        rule.Remove("src_smart_groups");

        var errors = AviatrixTerraformSchema.Instance.Validate(main, Provider82);

        Assert.Contains(
            "$.resource.aviatrix_dcf_ruleset.containment.rules[0].priority: expected an integer",
            errors
        );
        Assert.Contains(
            "$.resource.aviatrix_dcf_ruleset.containment.rules[0].src_smart_groups: required argument is missing",
            errors
        );
    }

    [Fact]
    public void Terraform_validator_applies_the_providers_minimum_like_the_pulumi_check()
    {
        var main = MainOf("monitor-upstream");
        var rule = main["resource"]!["aviatrix_dcf_ruleset"]!["containment"]!["rules"]![
            0
        ]!.AsObject();
        rule["port_ranges"] = JsonNode.Parse("""[{"lo": -1}]""");

        var errors = AviatrixTerraformSchema.Instance.Validate(main, Provider82);

        Assert.Contains(
            "$.resource.aviatrix_dcf_ruleset.containment.rules[0].port_ranges[0].lo: -1 is below the minimum 0",
            errors
        );
    }

    [Fact]
    public void Terraform_validator_reads_a_document_as_built_not_only_as_parsed()
    {
        var main = MainOf("monitor-upstream");
        var rule = main["resource"]!["aviatrix_dcf_ruleset"]!["containment"]!["rules"]![
            0
        ]!.AsObject();
        rule["priority"] = 100; // an in-memory int, as the writer builds it, not the long a parser yields
        rule["port_ranges"] = new JsonArray(new JsonObject { ["lo"] = -1 });

        var errors = AviatrixTerraformSchema.Instance.Validate(main, Provider82);

        Assert.Equal(
            [
                "$.resource.aviatrix_dcf_ruleset.containment.rules[0].port_ranges[0].lo: -1 is below the minimum 0",
            ],
            errors
        );
    }

    [Fact]
    public void Terraform_validator_rejects_an_enum_value_and_an_unreleased_argument()
    {
        var main = MainOf("monitor-upstream");
        var rule = main["resource"]!["aviatrix_dcf_ruleset"]!["containment"]!["rules"]![
            0
        ]!.AsObject();
        rule["action"] = "ALLOW";
        rule["enforcement"] = "MONITOR";

        var errors = AviatrixTerraformSchema.Instance.Validate(main, Provider82);

        Assert.Contains(
            errors,
            e =>
                e.StartsWith(
                    "$.resource.aviatrix_dcf_ruleset.containment.rules[0].action: 'ALLOW' is not one of DENY",
                    StringComparison.Ordinal
                )
        );
        Assert.Contains(
            "$.resource.aviatrix_dcf_ruleset.containment.rules[0].enforcement: not in provider 8.2.0 (since unreleased (HEAD only))",
            errors
        );
    }

    [Fact]
    public void Terraform_validator_rejects_a_value_on_a_sensitive_variable_and_a_read_only_argument()
    {
        var variables = JsonNode.Parse(
            Write("monitor-upstream").Find("variables.tf.json")!.Content
        )!;
        variables["variable"]!["aviatrix_password"]!["default"] = "hunter2";
        var main = MainOf("monitor-upstream");
        main["resource"]!["aviatrix_smart_group"]!["librechat_pods"]!["uuid"] = "x";

        Assert.Contains(
            "$.variable.aviatrix_password.default: a sensitive variable must never carry a value",
            AviatrixTerraformSchema.Instance.Validate(variables, Provider82)
        );
        Assert.Contains(
            "$.resource.aviatrix_smart_group.librechat_pods.uuid: read-only (computed) argument",
            AviatrixTerraformSchema.Instance.Validate(main, Provider82)
        );
    }

    [Fact]
    public void Crd_validator_rejects_a_blueprint_style_ports_list_and_a_string_port()
    {
        var yaml = new AviatrixCrdWriter()
            .Write(SamplePolicies.MonitorUpstream(), new DiagnosticBag())
            .Find(AviatrixCrdWriter.PolicyFile)!
            .Content;
        var wrongName = yaml.Replace(
            "      port: 443\n",
            "      ports: [\"443\"]\n",
            StringComparison.Ordinal
        );
        var wrongType = yaml.Replace(
            "      port: 443\n",
            "      port: \"443\"\n",
            StringComparison.Ordinal
        );

        Assert.Contains(
            "$.spec.rules[4].ports: unknown field (the API server would prune it)",
            FirewallPolicyCrdSchema.Instance.ValidateYaml(wrongName)
        );
        Assert.Contains(
            "$.spec.rules[4].port: expected an integer",
            FirewallPolicyCrdSchema.Instance.ValidateYaml(wrongType)
        );
    }

    [Fact]
    public void Crd_validator_rejects_a_wrong_enum_a_missing_destination_and_a_misspelt_kind()
    {
        var yaml = new AviatrixCrdWriter()
            .Write(SamplePolicies.MonitorUpstream(), new DiagnosticBag())
            .Find(AviatrixCrdWriter.PolicyFile)!
            .Content;
        var doc = YamlJson.ReadDocuments(yaml).Single()!;
        doc["kind"] = "WebGroupPolicy";
        doc["spec"]!["rules"]![0]!["action"] = "allow";
        doc["spec"]!["rules"]![0]!.AsObject().Remove("destinationSmartGroups");

        var errors = FirewallPolicyCrdSchema.Instance.Validate(doc);

        Assert.Contains("$.kind: 'WebGroupPolicy' is not one of FirewallPolicy", errors);
        Assert.Contains(
            "$.spec.rules[0].action: 'allow' is not one of permit, deny, intrusion_detection_permit",
            errors
        );
        Assert.Contains(
            "$.spec.rules[0].destinationSmartGroups: required field is missing",
            errors
        );
    }

    [Fact]
    public void Provider_version_is_pinned_to_the_controller_series()
    {
        var schema = AviatrixTerraformSchema.Instance;

        Assert.Equal(new Version(8, 2, 0), schema.LowestReleaseFor(new Version(8, 2)));
        Assert.Equal(new Version(9, 0, 0), schema.LowestReleaseFor(new Version(9, 0)));
        Assert.Null(schema.LowestReleaseFor(new Version(7, 1)));
        Assert.Equal(new Version(10, 0, 1), schema.LatestRelease);
        Assert.Equal("AviatrixSystems/aviatrix", schema.ProviderSource);
    }

    [Fact]
    public void Unknown_controller_version_pins_the_latest_release_with_a_warning()
    {
        var diagnostics = new DiagnosticBag();

        var output = new TerraformJsonWriter().Write(
            SamplePolicies.MonitorUpstream() with
            {
                ControllerVersion = new Version(7, 1),
            },
            diagnostics
        );

        Assert.Contains(
            "\"version\": \"~> 10.0.1\"",
            output.Find("versions.tf.json")!.Content,
            StringComparison.Ordinal
        );
        Assert.Contains(diagnostics.Items, d => d.Code == "CT6013");
    }

    private static TargetOutput Write(string sample) =>
        new TerraformJsonWriter().Write(SamplePolicies.ByName(sample), new DiagnosticBag());

    private static JsonNode MainOf(string sample) =>
        JsonNode.Parse(Write(sample).Find("main.tf.json")!.Content)!;
}
