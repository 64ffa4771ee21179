using Containment.Core.Diagnostics;
using Containment.Core.IO;
using Containment.Core.Targets;
using Containment.Core.Targets.Aviatrix;
using Containment.Core.Targets.AviatrixCrd;
using Containment.Core.Targets.Terraform;
using Containment.Tests.Infrastructure.Models;

namespace Containment.Tests.Targets;

public class TargetWriterUnitTests
{
    [Theory]
    [InlineData("api.openai.com", "api.openai.com")]
    [InlineData("*.data.mcr.microsoft.com", "\"*.data.mcr.microsoft.com\"")]
    [InlineData(
        "111122223333.dkr.ecr.us-east-1.amazonaws.com",
        "\"111122223333.dkr.ecr.us-east-1.amazonaws.com\""
    )]
    [InlineData("arn:aws:eks:us-east-1:1:cluster/x", "\"arn:aws:eks:us-east-1:1:cluster/x\"")]
    [InlineData("yes", "\"yes\"")]
    [InlineData("443", "\"443\"")]
    [InlineData("a \"b\"", "\"a \\\"b\\\"\"")]
    public void Yaml_strings_are_quoted_whenever_a_reader_could_take_them_for_something_else(
        string text,
        string expected
    )
    {
        Assert.Contains(
            $"\nnamespace: {expected}\n",
            YamlScalar.Print(text),
            StringComparison.Ordinal
        );
    }

    [Theory]
    [InlineData("api.openai.com")]
    [InlineData("*.data.mcr.microsoft.com")]
    [InlineData("111122223333.dkr.ecr.us-east-1.amazonaws.com")]
    [InlineData("true")]
    [InlineData("0x1F")]
    [InlineData("null")]
    [InlineData("a: b # c")]
    public void Quoted_yaml_strings_read_back_as_the_same_string(string text)
    {
        Assert.Equal(text, YamlScalar.ReadBack(text));
    }

    [Theory]
    [InlineData("../escape.yaml")]
    [InlineData("/etc/passwd")]
    [InlineData("a/./b")]
    [InlineData("a\\b")]
    [InlineData("c:/x")]
    public void Target_files_must_stay_inside_the_output_folder(string path)
    {
        Assert.Throws<ArgumentException>(() => new TargetFile(path, "x"));
    }

    [Fact]
    public void Target_output_rejects_the_same_path_twice_in_any_case()
    {
        Assert.Throws<ArgumentException>(() =>
            new TargetOutput("t", [new TargetFile("a.yaml", "1"), new TargetFile("A.yaml", "2")])
        );
    }

    [Theory]
    [InlineData(
        "{aws.accountId}.dkr.ecr.{aws.region}.amazonaws.com",
        "${data.aws_caller_identity.current.account_id}.dkr.ecr.${data.aws_region.current.region}.amazonaws.com"
    )]
    [InlineData(
        "{gcp.region}-docker.pkg.dev",
        "${data.google_client_config.current.region}-docker.pkg.dev"
    )]
    [InlineData("{azure.registryName}.azurecr.io", "${var.lookup_azure_registry_name}.azurecr.io")]
    [InlineData("api.openai.com", "api.openai.com")]
    public void Lookup_tokens_become_data_sources_or_variables(string host, string expected)
    {
        Assert.Equal(expected, TerraformLookups.Interpolate(host));
    }

    [Fact]
    public void Terraform_literals_cannot_become_expressions()
    {
        Assert.Equal(
            "$${var.x} %%{if}",
            TerraformModuleWriter.Render(TerraformValue.Text("${var.x} %{if}"))
        );
    }

    [Fact]
    public void Terraform_escapes_template_syntax_in_model_names()
    {
        var model = SamplePolicies.MonitorUpstream() with
        {
            RulesetName = "containment-${var.evil}",
        };

        var main = new TerraformJsonWriter()
            .Write(model, new DiagnosticBag())
            .Find("main.tf.json")!
            .Content;

        Assert.Contains("\"name\": \"containment-$${var.evil}\"", main, StringComparison.Ordinal);
    }

    [Fact]
    public void Crd_reports_the_decryption_ca_in_the_manifest_and_as_a_warning()
    {
        var diagnostics = new DiagnosticBag();

        var yaml = new AviatrixCrdWriter()
            .Write(SamplePolicies.EnforceDecryption90(), diagnostics)
            .Find(AviatrixCrdWriter.PolicyFile)!
            .Content;

        Assert.Contains(
            "# NOT EXPRESSED: Decryption is on, but a FirewallPolicy cannot create the decryption CA",
            yaml,
            StringComparison.Ordinal
        );
        Assert.Contains(
            diagnostics.Items,
            d => d.Code == "CT6004" && d.Severity == Severity.Warning
        );
        Assert.Contains("decryptPolicy: decryptAllowed", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Crd_reports_a_source_in_another_namespace()
    {
        var model = SamplePolicies.MonitorUpstream();
        model = model with
        {
            SmartGroups =
            [
                .. model.SmartGroups.Select(g =>
                    g.Name == "librechat-pods"
                        ? g with
                        {
                            Selectors = [g.Selectors[0] with { Namespace = "other" }],
                        }
                        : g
                ),
            ],
        };
        var diagnostics = new DiagnosticBag();

        var yaml = new AviatrixCrdWriter()
            .Write(model, diagnostics)
            .Find(AviatrixCrdWriter.PolicyFile)!
            .Content;

        Assert.Contains(
            diagnostics.Items,
            d =>
                d.Code == "CT6001"
                && d.Message.Contains("namespace 'other'", StringComparison.Ordinal)
        );
        Assert.DoesNotContain("name: permit-llm-providers", yaml, StringComparison.Ordinal);
        Assert.Contains("NOT EXPRESSED (priority 110)", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Terraform_never_writes_credential_values()
    {
        var output = new TerraformJsonWriter().Write(
            SamplePolicies.EnforceDecryption90(),
            new DiagnosticBag()
        );
        var variables = output.Find("variables.tf.json")!.Content;

        // Only the cluster id, a stack value, has a default; credentials never do.
        var declared = System.Text.Json.Nodes.JsonNode.Parse(variables)!["variable"]!.AsObject();
        Assert.Equal(
            [TerraformModuleBuilder.ClusterIdVariable],
            declared.Where(v => v.Value!["default"] is not null).Select(v => v.Key)
        );
        Assert.Contains("\"sensitive\": true", variables, StringComparison.Ordinal);
        Assert.Contains(
            "\"password\": \"${var.aviatrix_password}\"",
            output.Find("providers.tf.json")!.Content,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void Terraform_stack_values_become_defaults_and_aws_lookups_get_a_configured_provider()
    {
        var model = SamplePulumiPolicies.Dev();
        var output = new TerraformJsonWriter().Write(model, new DiagnosticBag());
        var variables = System.Text.Json.Nodes.JsonNode.Parse(
            output.Find("variables.tf.json")!.Content
        )!;
        var providers = System.Text.Json.Nodes.JsonNode.Parse(
            output.Find("providers.tf.json")!.Content
        )!;

        Assert.Equal(
            model.SmartGroups[0].Selectors[0].ClusterId,
            variables["variable"]![TerraformModuleBuilder.ClusterIdVariable]![
                "default"
            ]!.GetValue<string>()
        );
        Assert.Equal(
            "${var.aws_region}",
            providers["provider"]!["aws"]!["region"]!.GetValue<string>()
        );
        Assert.NotNull(variables["variable"]![TerraformModuleBuilder.AwsRegionVariable]);
        Assert.All(
            output.Files.Where(f => f.RelativePath.EndsWith(".tf.json", StringComparison.Ordinal)),
            f =>
                Assert.StartsWith(
                    "Generated by Containment",
                    System.Text.Json.Nodes.JsonNode.Parse(f.Content)!["//"]!.GetValue<string>(),
                    StringComparison.Ordinal
                )
        );
        Assert.DoesNotContain(
            "AVIATRIX_",
            output.Find("providers.tf.json")!.Content,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void Writers_are_found_by_target_name()
    {
        Assert.IsType<AviatrixCrdWriter>(TargetWriters.Find("aviatrix-crd"));
        Assert.IsType<TerraformJsonWriter>(TargetWriters.Find("terraform"));
        Assert.Null(TargetWriters.Find("cilium"));
    }
}

public class YamlQuotingProperties
{
    // A fixed seed keeps the suite deterministic; change it to explore new inputs.
    [FsCheck.Xunit.Property(MaxTest = 1000, Replay = "(3330623202547431725,3709662864869160469)")]
    public bool Any_string_reads_back_unchanged(string? text)
    {
        // Lone surrogates cannot be stored in a YAML (UTF-8) file; they are replaced by design.
        if (text is null || text.EnumerateRunes().Any(r => r == System.Text.Rune.ReplacementChar))
        {
            return true;
        }

        return YamlScalar.ReadBack(text) == text;
    }

    [Fact]
    public void A_line_break_in_a_comment_cannot_inject_yaml()
    {
        var yaml = FirewallPolicyYamlPrinter.Print(
            new Kustomization(
                ["head\u2028evil: 1", "first\rinjected: true\nsecond: 2"],
                "ns",
                ["a.yaml"]
            )
        );

        var doc = YamlJson.ReadDocuments(yaml).Single()!.AsObject();
        Assert.Equal(["apiVersion", "kind", "namespace", "resources"], doc.Select(p => p.Key));
        Assert.StartsWith(
            "# head evil: 1\n# first injected: true\n# second: 2\n",
            yaml,
            StringComparison.Ordinal
        );
    }
}

public class SchemaPatternTests
{
    [Fact]
    public void A_trailing_newline_is_quoted_in_yaml()
    {
        // YamlDotNet's emitter escapes a line break as \n (the hand-written printer it replaced wrote \u000A).
        Assert.Contains(
            "\nnamespace: \"a\\n\"\n",
            YamlScalar.Print("a\n"),
            StringComparison.Ordinal
        );
    }
}

public class TargetDiagnosticCatalogTests
{
    [Fact]
    public void Target_codes_are_unique_and_in_the_ct6_range()
    {
        var targets = DiagnosticCatalog
            .All.Where(d => d.Code.StartsWith("CT6", StringComparison.Ordinal))
            .ToList();

        Assert.NotEmpty(targets);
        Assert.Equal(
            targets.Count,
            targets.Select(d => d.Code).Distinct(StringComparer.Ordinal).Count()
        );
        Assert.All(targets, d => Assert.Matches(@"^CT60[0-9][0-9]\z", d.Code));
        Assert.All(targets, d => Assert.False(string.IsNullOrWhiteSpace(d.Help)));
    }
}

/// <summary>One string printed by the CRD printer (as the kustomization's namespace) and read back.</summary>
internal static class YamlScalar
{
    public static string Print(string text) =>
        FirewallPolicyYamlPrinter.Print(new Kustomization([], text, []));

    public static string? ReadBack(string text) =>
        YamlJson.ReadDocuments(Print(text)).Single()!["namespace"]!.GetValue<string>();
}
