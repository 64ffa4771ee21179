using System.Text.Json.Nodes;
using Containment.Core.Diagnostics;
using Containment.Core.Targets.Aviatrix;
using Containment.Core.Targets.AviatrixCrd;
using Containment.Core.Targets.Terraform;
using Containment.Tests.Infrastructure.Models;

namespace Containment.Tests.Targets;

/// <summary>Every emitted file passes its schema facts, and the validators do catch a wrong name, type or value.</summary>
public class TargetSchemaTests
{
    public static TheoryData<string> Samples() => [.. SamplePolicies.Cases];

    [Theory]
    [MemberData(nameof(Samples))]
    public void The_firewall_policy_passes_the_crd_schema_facts_as_built(string sample)
    {
        var manifest = AviatrixCrdWriter.Build(SamplePolicies.ByName(sample), new DiagnosticBag());

        Assert.Empty(FirewallPolicyManifestCheck.Check(manifest.Policy));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void The_printed_firewall_policy_reads_back_as_the_object_that_was_checked(string sample)
    {
        var manifest = AviatrixCrdWriter.Build(SamplePolicies.ByName(sample), new DiagnosticBag());

        var printed = YamlJson
            .ReadDocuments(FirewallPolicyYamlPrinter.Print(manifest.Policy))
            .Single();

        Assert.True(
            JsonNode.DeepEquals(FirewallPolicyManifestCheck.ToObject(manifest.Policy), printed),
            printed?.ToJsonString()
        );
    }

    [Fact]
    public void Every_firewall_policy_baseline_passes_the_crd_schema_facts()
    {
        var files = Directory.GetFiles(
            Path.Combine(AppContext.BaseDirectory, "Baselines"),
            AviatrixCrdWriter.PolicyFile,
            SearchOption.AllDirectories
        );

        Assert.NotEmpty(files);
        Assert.All(
            files,
            file =>
                Assert.Empty(
                    FirewallPolicyCrdSchema.Instance.Validate(
                        YamlJson.ReadDocuments(File.ReadAllText(file)).Single()
                    )
                )
        );
    }

    [Fact]
    public void Crd_validator_rejects_a_blueprint_style_ports_list_and_a_string_port()
    {
        var wrongName = MonitorUpstreamObject();
        var rule = wrongName["spec"]!["rules"]![4]!.AsObject();
        rule["ports"] = new JsonArray("443");
        rule.Remove("port");
        var wrongType = MonitorUpstreamObject();
        wrongType["spec"]!["rules"]![4]!["port"] = "443";

        Assert.Contains(
            "$.spec.rules[4].ports: unknown field (the API server would prune it)",
            FirewallPolicyCrdSchema.Instance.Validate(wrongName)
        );
        Assert.Contains(
            "$.spec.rules[4].port: expected an integer",
            FirewallPolicyCrdSchema.Instance.Validate(wrongType)
        );
    }

    [Fact]
    public void Crd_validator_rejects_a_wrong_enum_a_missing_destination_and_a_misspelt_kind()
    {
        var doc = MonitorUpstreamObject();
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
    public void A_hostile_ir_value_is_caught_on_the_ir_before_printing()
    {
        var manifest = AviatrixCrdWriter.Build(
            SamplePolicies.MonitorUpstream(),
            new DiagnosticBag()
        );
        var hostile = manifest.Policy with
        {
            Rules =
            [
                manifest.Policy.Rules[0] with
                {
                    Action = "allow",
                    Port = null,
                    EndPort = 9000,
                },
                .. manifest.Policy.Rules.Skip(1),
            ],
        };
        var diagnostics = new DiagnosticBag();

        AviatrixCrdWriter.Check(hostile, diagnostics);

        Assert.All(diagnostics.Items, d => Assert.Equal("CT6090", d.Code));
        Assert.Contains(
            diagnostics.Items,
            d => d.Message.Contains("$.spec.rules[0].action: 'allow'", StringComparison.Ordinal)
        );
        Assert.Contains(
            diagnostics.Items,
            d => d.Message.Contains("$.spec.rules[0].endPort: needs port", StringComparison.Ordinal)
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

    private static JsonObject MonitorUpstreamObject() =>
        FirewallPolicyManifestCheck.ToObject(
            AviatrixCrdWriter.Build(SamplePolicies.MonitorUpstream(), new DiagnosticBag()).Policy
        );
}
