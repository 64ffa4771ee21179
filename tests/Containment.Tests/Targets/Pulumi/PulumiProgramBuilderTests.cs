using Containment.Core.Model;
using Containment.Core.Policy;
using Containment.Core.Targets.Aviatrix;
using Containment.Core.Targets.Pulumi;
using Containment.Tests.Infrastructure.Models;

namespace Containment.Tests.Targets.Pulumi;

public class PulumiProgramBuilderTests
{
    [Fact]
    public void Monitor_stack_has_groups_and_one_ruleset_and_no_decryption_resources()
    {
        var program = PulumiProgramBuilder.Build(SamplePulumiPolicies.Dev());

        Assert.Equal(3, program.ResourcesOfType(PulumiTokens.SmartGroup).Count());
        Assert.Equal(4, program.ResourcesOfType(PulumiTokens.WebGroup).Count());
        Assert.Single(program.ResourcesOfType(PulumiTokens.DcfRuleset));
        Assert.Empty(program.ResourcesOfType(PulumiTokens.ConfigMap));
        Assert.Empty(program.ResourcesOfType(PulumiTokens.DcfMitmCa));
        Assert.Empty(program.ResourcesOfType(PulumiTokens.DcfMitmCaSelection));
        Assert.Equal(8, program.Resources.Count);
        Assert.DoesNotContain(
            program.Config,
            c => c.Name.StartsWith("decryption", StringComparison.Ordinal)
        );
    }

    [Fact]
    public void Enforce_stack_with_decryption_adds_the_ca_configmap_and_mitm_ca_resources()
    {
        var program = PulumiProgramBuilder.Build(SamplePulumiPolicies.Prod());

        Assert.Equal(11, program.Resources.Count);
        var configMap = Assert.Single(program.ResourcesOfType(PulumiTokens.ConfigMap));
        var metadata = (PulumiObject)configMap.Properties["metadata"]!;
        Assert.Equal("librechat", Literal(metadata["namespace"]));
        Assert.Equal("containment-decryption-ca", Literal(metadata["name"]));
        var data = (PulumiObject)configMap.Properties["data"]!;
        Assert.Equal("decryptionCaCert", WholeReference(data["ca.crt"]));
        Assert.Equal(PulumiPackages.Kubernetes, configMap.Options.Version);

        var ca = Assert.Single(program.ResourcesOfType(PulumiTokens.DcfMitmCa));
        Assert.Equal("decryptionCaKey", WholeReference(ca.Properties["key"]));
        Assert.Equal("decryptionCaCert", WholeReference(ca.Properties["certificateChain"]));
        var selection = Assert.Single(program.ResourcesOfType(PulumiTokens.DcfMitmCaSelection));
        Assert.Equal($"{ca.LogicalName}.caId", WholeReference(selection.Properties["caId"]));

        // Decrypting rules wait for the CA to be trusted and active.
        var ruleset = Assert.Single(program.ResourcesOfType(PulumiTokens.DcfRuleset));
        Assert.Equal(
            [configMap.LogicalName, ca.LogicalName, selection.LogicalName],
            ruleset.Options.DependsOn
        );
    }

    [Fact]
    public void Monitor_and_enforce_programs_differ_only_in_flags_names_and_the_decryption_tier()
    {
        var monitor = PulumiProgramBuilder.Build(
            SamplePulumiPolicies.Aws(EnforcementMode.Monitor, decryption: false)
        );
        var enforce = PulumiProgramBuilder.Build(
            SamplePulumiPolicies.Aws(EnforcementMode.Enforce, decryption: false)
        );

        Assert.Equal(
            monitor.Resources.Select(r => (r.LogicalName, r.Type)),
            enforce.Resources.Select(r => (r.LogicalName, r.Type))
        );
        Assert.All(Rules(monitor), r => Assert.True(((PulumiBool)r["watch"]!).Value));
        Assert.All(Rules(enforce), r => Assert.False(((PulumiBool)r["watch"]!).Value));
        Assert.Equal("monitor", Literal(Output(monitor, "mode")));
        Assert.Equal("enforce", Literal(Output(enforce, "mode")));
    }

    [Fact]
    public void Rules_keep_priority_order_and_carry_every_flag()
    {
        var model = SamplePulumiPolicies.Prod();
        var shuffled = model with { Rules = [.. model.Rules.Reverse()] };
        var rules = Rules(PulumiProgramBuilder.Build(shuffled)).ToList();

        Assert.Equal(
            [
                "permit-pods-to-data-stores",
                "permit-llm-providers",
                "permit-mcp-github",
                "permit-app-services",
                "permit-registries",
                "deny-data-stores-internet",
                "deny-pods-default",
            ],
            rules.Select(r => Literal(r["name"]))
        );
        Assert.Equal(
            [100L, 110, 120, 130, 140, 150, 160],
            rules.Select(r => ((PulumiInt)r["priority"]!).Value)
        );

        var llm = rules[1];
        Assert.Equal("PERMIT", Literal(llm["action"]));
        Assert.Equal("TCP", Literal(llm["protocol"]));
        Assert.Equal(
            ["sg-librechat-pods.uuid"],
            ((PulumiList)llm["srcSmartGroups"]!).Items.Select(WholeReference)
        );
        Assert.Equal(
            [PredefinedGroupUuids.PublicInternet],
            ((PulumiList)llm["dstSmartGroups"]!).Items.Select(Literal)
        );
        Assert.Equal(
            ["wg-llm-providers.uuid"],
            ((PulumiList)llm["webGroups"]!).Items.Select(WholeReference)
        );
        Assert.Equal(
            443L,
            ((PulumiInt)((PulumiObject)((PulumiList)llm["portRanges"]!).Items[0])["lo"]!).Value
        );
        Assert.False(((PulumiBool)llm["watch"]!).Value);
        Assert.False(((PulumiBool)llm["logging"]!).Value);
        Assert.Equal("DECRYPT_ALLOWED", Literal(llm["decryptPolicy"]));

        var inCluster = rules[0];
        Assert.Equal(
            ["sg-data-stores.uuid"],
            ((PulumiList)inCluster["dstSmartGroups"]!).Items.Select(WholeReference)
        );
        Assert.Null(inCluster["webGroups"]);
        Assert.Equal("DECRYPT_UNSPECIFIED", Literal(inCluster["decryptPolicy"]));
        Assert.Equal(2, ((PulumiList)inCluster["portRanges"]!).Items.Count);

        var denyPods = rules[^1];
        Assert.Equal("DENY", Literal(denyPods["action"]));
        Assert.Equal("ANY", Literal(denyPods["protocol"]));
        Assert.Null(denyPods["portRanges"]);
        Assert.Equal(
            [PredefinedGroupUuids.Anywhere],
            ((PulumiList)denyPods["dstSmartGroups"]!).Items.Select(Literal)
        );
        Assert.True(((PulumiBool)denyPods["logging"]!).Value);
        Assert.Equal("DECRYPT_NOT_ALLOWED", Literal(denyPods["decryptPolicy"]));
    }

    [Fact]
    public void Port_ranges_print_hi_only_for_real_ranges()
    {
        var model = SamplePulumiPolicies.Dev();
        var rule = model.Rules[0] with
        {
            Ports = [new PortRange(8000, 8100), new PortRange(5432, 5432)],
        };
        var rules = Rules(
                PulumiProgramBuilder.Build(model with { Rules = [rule, .. model.Rules.Skip(1)] })
            )
            .ToList();

        var ranges = ((PulumiList)rules[0]["portRanges"]!).Items.Cast<PulumiObject>().ToList();
        Assert.Equal(8100L, ((PulumiInt)ranges[0]["hi"]!).Value);
        Assert.Null(ranges[1]["hi"]);
    }

    [Fact]
    public void Ruleset_attaches_through_the_attachment_point_lookup()
    {
        var model = SamplePulumiPolicies.Dev() with
        {
            AttachmentPoint = "TERRAFORM_AFTER_UI_MANAGED",
        };
        var program = PulumiProgramBuilder.Build(model);

        var ruleset = Assert.Single(program.ResourcesOfType(PulumiTokens.DcfRuleset));
        Assert.Equal("containment-dev", Literal(ruleset.Properties["name"]));
        Assert.Equal(
            "dcfAttachmentPoint.attachmentPointId",
            WholeReference(ruleset.Properties["attachTo"])
        );
        var invoke = Assert.IsType<PulumiInvoke>(program.Variable("dcfAttachmentPoint")!.Value);
        Assert.Equal(PulumiTokens.GetDcfAttachmentPoint, invoke.Function);
        Assert.Equal("TERRAFORM_AFTER_UI_MANAGED", Literal(invoke.Arguments["name"]));
    }

    [Fact]
    public void Smart_groups_map_selectors_to_k8s_match_expressions_with_a_stack_prefixed_name()
    {
        var program = PulumiProgramBuilder.Build(SamplePulumiPolicies.Dev());

        var pods = program.Resource("sg-librechat-pods")!;
        Assert.Equal("containment-dev-librechat-pods", Literal(pods.Properties["name"]));
        var expression = (PulumiObject)
            (
                (PulumiList)((PulumiObject)pods.Properties["selector"]!)["matchExpressions"]!
            ).Items.Single();
        Assert.Equal(
            ["type", "k8sClusterId", "k8sNamespace", "tags"],
            expression.Properties.Select(p => p.Key)
        );
        Assert.Equal(SamplePulumiPolicies.EksArn, Literal(expression["k8sClusterId"]));
        var tags = (PulumiObject)expression["tags"]!;
        Assert.Equal(
            ["app.kubernetes.io/instance", "app.kubernetes.io/name"],
            tags.Properties.Select(p => p.Key)
        );

        var nodes = program.Resource("sg-librechat-nodes")!;
        var nodeExpression = (PulumiObject)
            (
                (PulumiList)((PulumiObject)nodes.Properties["selector"]!)["matchExpressions"]!
            ).Items.Single();
        Assert.Equal("k8s_node", Literal(nodeExpression["type"]));
        Assert.Null(nodeExpression["tags"]);
        Assert.Null(nodeExpression["k8sNamespace"]);
    }

    [Fact]
    public void Web_group_hosts_are_sorted_deduplicated_sni_filters()
    {
        var model = SamplePulumiPolicies.Dev();
        var llm = model.WebGroups.Single(g => g.Name == "llm-providers");
        var doubled = llm with { Hosts = [.. llm.Hosts, llm.Hosts[0]] };
        var program = PulumiProgramBuilder.Build(
            model with
            {
                WebGroups = [.. model.WebGroups.Where(g => g != llm), doubled],
            }
        );

        var group = program.Resource("wg-llm-providers")!;
        var filters = (
            (PulumiList)((PulumiObject)group.Properties["selector"]!)["matchExpressions"]!
        ).Items.Select(e => Literal(((PulumiObject)e)["snifilter"]));
        Assert.Equal(["*.openai.azure.com", "api.anthropic.com", "api.openai.com"], filters);
    }

    [Fact]
    public void Aws_registry_hosts_use_caller_identity_and_region_invokes()
    {
        var program = PulumiProgramBuilder.Build(SamplePulumiPolicies.Dev());

        Assert.Equal(
            ["awsCallerIdentity", "awsRegion", "dcfAttachmentPoint"],
            program.Variables.Select(v => v.Name)
        );
        var identity = Assert.IsType<PulumiInvoke>(program.Variable("awsCallerIdentity")!.Value);
        Assert.Equal("aws:index/getCallerIdentity:getCallerIdentity", identity.Function);
        Assert.Equal(PulumiPackages.Aws, identity.Version);
        Assert.Equal(
            "aws:index/getRegion:getRegion",
            ((PulumiInvoke)program.Variable("awsRegion")!.Value).Function
        );

        var hosts = RegistryHosts(program);
        Assert.Contains(
            "${awsCallerIdentity.accountId}.dkr.ecr.${awsRegion.region}.amazonaws.com",
            hosts
        );
        Assert.Contains(
            "prod-${awsRegion.region}-starport-layer-bucket.s3.${awsRegion.region}.amazonaws.com",
            hosts
        );
        Assert.Contains("registry-1.docker.io", hosts);
    }

    [Fact]
    public void Azure_registry_lookup_reads_the_registry_config_object_by_reference()
    {
        var program = PulumiProgramBuilder.Build(SamplePulumiPolicies.Azure());

        Assert.Equal(
            ["azureRegistry", "dcfAttachmentPoint"],
            program.Variables.Select(v => v.Name)
        );
        var invoke = Assert.IsType<PulumiInvoke>(program.Variable("azureRegistry")!.Value);
        Assert.Equal("azure-native:containerregistry:getRegistry", invoke.Function);
        Assert.Equal(PulumiPackages.AzureNative, invoke.Version);
        Assert.Equal(
            "registry.azureRegistryName",
            WholeReference(invoke.Arguments["registryName"])
        );
        Assert.Equal(
            "registry.azureResourceGroup",
            WholeReference(invoke.Arguments["resourceGroupName"])
        );
        Assert.Equal(
            new PulumiConfigDeclaration("registry", "object"),
            Assert.Single(program.Config)
        );
        Assert.Equal(
            [
                "mcr.microsoft.com",
                "${azureRegistry.name}.azurecr.io",
                "${azureRegistry.name}.${azureRegistry.location}.data.azurecr.io",
            ],
            RegistryHosts(program)
        );
    }

    [Fact]
    public void Gcp_registry_lookup_uses_client_config()
    {
        var program = PulumiProgramBuilder.Build(SamplePulumiPolicies.Gcp());

        var invoke = Assert.IsType<PulumiInvoke>(program.Variable("gcpClientConfig")!.Value);
        Assert.Equal("gcp:organizations/getClientConfig:getClientConfig", invoke.Function);
        Assert.Equal(PulumiPackages.Gcp, invoke.Version);
        Assert.Equal(["${gcpClientConfig.region}-docker.pkg.dev"], RegistryHosts(program));
        Assert.Empty(program.Config);
    }

    [Fact]
    public void Only_the_lookups_the_hosts_use_become_invokes()
    {
        var model = SamplePulumiPolicies.NoCloud() with
        {
            Lookups = [new DeployTimeLookup("{aws.region}", "declared but unused")],
        };
        var program = PulumiProgramBuilder.Build(model);

        Assert.Equal(["dcfAttachmentPoint"], program.Variables.Select(v => v.Name));
    }

    [Fact]
    public void Unknown_lookup_token_is_a_CT5001_error()
    {
        var model = SamplePulumiPolicies.Gcp();
        var registries = model.WebGroups.Single(g => g.Name == "registries");
        var broken = registries with
        {
            Hosts =
            [
                SampleParts.Host(
                    "{oci.region}.ocir.io",
                    new SettingProvenance("extraDestinations")
                ),
            ],
        };

        var error = Assert.Throws<PulumiTargetException>(() =>
            PulumiProgramBuilder.Build(
                model with
                {
                    WebGroups = [.. model.WebGroups.Where(g => g != registries), broken],
                }
            )
        );

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal("CT5001", diagnostic.Code);
        Assert.Contains("{oci.region}", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rule_naming_an_undefined_group_is_a_CT5002_error()
    {
        var model = SamplePulumiPolicies.Dev();
        var rule = model.Rules[1] with { WebGroups = ["no-such-group"], Sources = ["ghost-pods"] };

        var error = Assert.Throws<PulumiTargetException>(() =>
            PulumiProgramBuilder.Build(model with { Rules = [rule] })
        );

        Assert.Equal(["CT5002", "CT5002"], error.Diagnostics.Select(d => d.Code));
    }

    [Fact]
    public void Groups_whose_names_collide_after_sanitising_are_a_CT5003_error()
    {
        var model = SamplePulumiPolicies.Dev();
        var pods = model.SmartGroups.Single(g => g.Name == "librechat-pods");

        var error = Assert.Throws<PulumiTargetException>(() =>
            PulumiProgramBuilder.Build(
                model with
                {
                    SmartGroups = [.. model.SmartGroups, pods with { Name = "librechat.pods" }],
                }
            )
        );

        Assert.Contains(error.Diagnostics, d => d.Code == "CT5003");
    }

    [Fact]
    public void Rules_sharing_a_name_or_priority_are_a_CT5007_error()
    {
        var model = SamplePulumiPolicies.Dev();
        var copy = model.Rules[1] with { Priority = model.Rules[2].Priority };

        var error = Assert.Throws<PulumiTargetException>(() =>
            PulumiProgramBuilder.Build(model with { Rules = [.. model.Rules, copy] })
        );

        Assert.Equal(
            [
                "More than one rule has the name 'permit-llm-providers'.",
                "More than one rule has the priority '120'.",
            ],
            error.Diagnostics.Select(d => d.Message)
        );
        Assert.All(error.Diagnostics, d => Assert.Equal("CT5007", d.Code));
    }

    [Fact]
    public void Empty_web_group_is_a_CT5004_error()
    {
        var model = SamplePulumiPolicies.Dev();

        var error = Assert.Throws<PulumiTargetException>(() =>
            PulumiProgramBuilder.Build(
                model with
                {
                    WebGroups = [.. model.WebGroups, new WebGroup("empty", "mcp", [])],
                }
            )
        );

        Assert.Contains(error.Diagnostics, d => d.Code == "CT5004");
    }

    [Fact]
    public void Managed_mitm_ca_on_controller_8_2_is_a_CT5006_error()
    {
        var model = SamplePulumiPolicies.Prod() with { ControllerVersion = new Version(8, 2) };

        var error = Assert.Throws<PulumiTargetException>(() => PulumiProgramBuilder.Build(model));

        Assert.Equal("CT5006", Assert.Single(error.Diagnostics).Code);
    }

    [Fact]
    public void Ca_managed_elsewhere_emits_only_the_configmap()
    {
        var model = SamplePulumiPolicies.Prod();
        var program = PulumiProgramBuilder.Build(
            model with
            {
                DecryptionCa = model.DecryptionCa! with { UseMitmCa = false },
            }
        );

        Assert.Single(program.ResourcesOfType(PulumiTokens.ConfigMap));
        Assert.Empty(program.ResourcesOfType(PulumiTokens.DcfMitmCa));
        Assert.DoesNotContain(program.Config, c => c.Name == "decryptionCaKey");
    }

    [Fact]
    public void Secrets_stay_config_references_declared_secret()
    {
        var program = PulumiProgramBuilder.Build(SamplePulumiPolicies.Prod());
        var text = PulumiProgramWriter.Write(program);

        Assert.Contains(
            new PulumiConfigDeclaration("decryptionCaKey", "string", Secret: true),
            program.Config
        );
        Assert.Contains("\"key\": \"${decryptionCaKey}\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE KEY", text, StringComparison.Ordinal);
        Assert.DoesNotContain("BEGIN CERTIFICATE", text, StringComparison.Ordinal);

        // Every config the program reads is declared, so Pulumi resolves it from the stack and keeps its secrecy.
        var declared = program.Config.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("decryptionCaCert", declared);
    }

    [Fact]
    public void Outputs_list_web_group_hosts_rules_and_mode()
    {
        var program = PulumiProgramBuilder.Build(SamplePulumiPolicies.Dev());

        Assert.Equal(["mode", "rules", "webGroups"], program.Outputs.Select(o => o.Name));
        var rules = ((PulumiList)Output(program, "rules")).Items.Cast<PulumiObject>().ToList();
        Assert.Equal(7, rules.Count);
        Assert.Equal(
            ["name", "priority", "action", "watch"],
            rules[0].Properties.Select(p => p.Key)
        );
        var webGroups = (PulumiObject)Output(program, "webGroups");
        Assert.Equal(
            ["app-services", "llm-providers", "mcp-github", "registries"],
            webGroups.Properties.Select(p => p.Key)
        );
        Assert.Equal(3, ((PulumiList)webGroups["llm-providers"]!).Items.Count);
    }

    [Fact]
    public void Two_builds_print_identical_bytes_whatever_the_input_order()
    {
        var model = SamplePulumiPolicies.Prod();
        var reordered = model with
        {
            SmartGroups = [.. model.SmartGroups.Reverse()],
            WebGroups =
            [
                .. model.WebGroups.Reverse().Select(g => g with { Hosts = [.. g.Hosts.Reverse()] }),
            ],
            Rules = [.. model.Rules.Reverse()],
        };

        var first = PulumiProgramWriter.Write(PulumiProgramBuilder.Build(model));
        var second = PulumiProgramWriter.Write(PulumiProgramBuilder.Build(model));
        var third = PulumiProgramWriter.Write(PulumiProgramBuilder.Build(reordered));

        Assert.Equal(first, second);
        Assert.Equal(first, third);
    }

    internal static IEnumerable<PulumiObject> Rules(PulumiProgram program) =>
        (
            (PulumiList)
                program.ResourcesOfType(PulumiTokens.DcfRuleset).Single().Properties["rules"]!
        ).Items.Cast<PulumiObject>();

    private static List<string> RegistryHosts(PulumiProgram program) =>
        [
            .. (
                (PulumiList)
                    ((PulumiObject)program.Resource("wg-registries")!.Properties["selector"]!)[
                        "matchExpressions"
                    ]!
            ).Items.Select(e =>
                PulumiProgramWriter.Interpolation((PulumiText)((PulumiObject)e)["snifilter"]!)
            ),
        ];

    private static PulumiValue Output(PulumiProgram program, string name) =>
        program.Outputs.Single(o => o.Name == name).Value;

    internal static string Literal(PulumiValue? value)
    {
        var text = Assert.IsType<PulumiText>(value);
        Assert.True(text.IsLiteral, "expected a literal string");
        return text.LiteralText;
    }

    internal static string WholeReference(PulumiValue? value)
    {
        var text = Assert.IsType<PulumiText>(value);
        return Assert.IsType<ReferencePart>(text.WholeReference).Expression;
    }
}
