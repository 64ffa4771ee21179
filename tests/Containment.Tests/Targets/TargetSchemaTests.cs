using Containment.Core.Diagnostics;
using Containment.Core.Targets.Aviatrix;
using Containment.Core.Targets.AviatrixCrd;
using Containment.Core.Targets.Terraform;

namespace Containment.Tests.Targets;

/// <summary>Every emitted file passes its schema facts, and the validators do catch a wrong name, type or value.</summary>
public class TargetSchemaTests
{
    public static TheoryData<string> Samples() => [.. SamplePolicies.Cases];

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
}
