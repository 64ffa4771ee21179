using Containment.Core.Diagnostics;
using Containment.Core.Targets.AviatrixCrd;
using Containment.Core.Targets.Terraform;
using Containment.Tests.Infrastructure.Models;

namespace Containment.Tests.Targets;

/// <summary>The targets render the same policy: (source, host, action) triples read back from each output equal the model's.</summary>
public class TargetAgreementTests
{
    public static TheoryData<string> Samples() => [.. SamplePolicies.Cases];

    [Theory]
    [MemberData(nameof(Samples))]
    public void Terraform_output_has_exactly_the_models_triples(string sample)
    {
        var model = SamplePolicies.ByName(sample);
        var output = new TerraformJsonWriter().Write(model, new DiagnosticBag());

        var fromTerraform = PolicyTriples.FromTerraform(
            output,
            model
                .WebGroups.SelectMany(w => w.Hosts)
                .SelectMany(h => TerraformLookups.TokensIn(h.Host))
                .Distinct()
        );

        Assert.Equal(PolicyTriples.FromModel(model), fromTerraform);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Crd_output_has_the_models_triples_except_those_it_reports(string sample)
    {
        var model = SamplePolicies.ByName(sample);
        var diagnostics = new DiagnosticBag();
        var output = new AviatrixCrdWriter().Write(model, diagnostics);

        var fromCrd = PolicyTriples.FromCrd(output);
        var expressible = PolicyTriples.FromModel(
            model,
            sourceFilter: s =>
                s.Type == "k8s" && s.Namespace == model.Namespace && s.Labels.Count > 0,
            hostFilter: h => !h.IsDeferred
        );

        Assert.Equal(expressible, fromCrd);
        var everything = PolicyTriples.FromModel(model);
        var missing = everything.Except(fromCrd).ToList();
        var codes = diagnostics.Items.Select(d => d.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var triple in missing)
        {
            // Every missing flow is explained: a node/foreign source (CT6001) or a host that needs a lookup (CT6002/CT6003).
            Assert.True(
                (
                    triple.Source.StartsWith("k8s_node|", StringComparison.Ordinal)
                    && codes.Contains("CT6001")
                )
                    || (
                        triple.Host.Contains('{', StringComparison.Ordinal)
                        && codes.Overlaps(["CT6002", "CT6003"])
                    ),
                $"{triple} is missing from the CRD output without a warning."
            );
        }
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Crd_and_terraform_agree_on_every_flow_the_crd_can_express(string sample)
    {
        var model = SamplePolicies.ByName(sample);
        var crd = PolicyTriples.FromCrd(new AviatrixCrdWriter().Write(model, new DiagnosticBag()));
        var terraform = PolicyTriples.FromTerraform(
            new TerraformJsonWriter().Write(model, new DiagnosticBag()),
            model
                .WebGroups.SelectMany(w => w.Hosts)
                .SelectMany(h => TerraformLookups.TokensIn(h.Host))
                .Distinct()
        );

        Assert.Subset(terraform, crd);
        Assert.NotEmpty(crd);
    }

    [Fact]
    public void Crd_never_widens_a_rule_whose_webgroups_are_all_deferred()
    {
        // Given a pods rule whose only WebGroup has only looked-up hosts
        var model = SamplePolicies.MonitorUpstream();
        model = model with
        {
            Rules =
            [
                .. model.Rules.Select(r =>
                    r.Name == "permit-app-services" ? r with { WebGroups = ["registries-ecr"] } : r
                ),
            ],
            WebGroups =
            [
                .. model.WebGroups,
                new Core.Policy.WebGroup(
                    "registries-ecr",
                    "registry",
                    [
                        model
                            .WebGroups.Single(w => w.Name == "registries")
                            .Hosts.First(h => h.IsDeferred),
                    ]
                ),
            ],
        };
        var diagnostics = new DiagnosticBag();

        // When
        var output = new AviatrixCrdWriter().Write(model, diagnostics);

        // Then the rule is left out (not written without WebGroups) and the reason is a warning and a comment
        var yaml = output.Find(AviatrixCrdWriter.PolicyFile)!.Content;
        Assert.DoesNotContain("name: permit-app-services", yaml, StringComparison.Ordinal);
        Assert.Contains(
            "NOT EXPRESSED (priority 140): Rule 'permit-app-services' is left out",
            yaml,
            StringComparison.Ordinal
        );
        Assert.Contains(
            diagnostics.Items,
            d => d.Code == "CT6003" && d.Severity == Severity.Warning
        );
        Assert.DoesNotContain(
            PolicyTriples.FromCrd(output),
            t => t.Host == "public-internet" && t.Action == "PERMIT"
        );
    }
}
