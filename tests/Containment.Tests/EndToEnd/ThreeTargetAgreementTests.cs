using System.Text.RegularExpressions;
using Containment.Core.Targets.AviatrixCrd;
using Containment.Core.Targets.Terraform;
using Containment.Tests.Targets;

namespace Containment.Tests.EndToEnd;

/// <summary>
/// On the real pipeline, the three targets say the same thing: the (source selector, host, action) triples read back
/// from the Pulumi program, the Terraform JSON and the FirewallPolicy CRD equal the policy model's. The CRD may lack
/// flows, but only those its warnings name (node sources, hosts that need a deploy-time lookup).
/// </summary>
public sealed partial class ThreeTargetAgreementTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public static TheoryData<string> Cases() => EndToEndBaselineTests.Cases();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Pulumi_program_has_exactly_the_models_triples(string name)
    {
        var c = E2eCase.ByName(name);
        var model = c.Model();

        var compile = c.Compile();

        Assert.Equal(0, compile.ExitCode);
        Assert.Equal(PolicyTriples.FromModel(model), PolicyTriples.FromPulumi(compile.Stdout));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Terraform_has_exactly_the_models_triples(string name)
    {
        var c = E2eCase.ByName(name);
        var model = c.Model();

        var (result, files) = c.Emit(TerraformJsonWriter.TargetName, _temp.Sub("tf"));

        Assert.Equal(0, result.ExitCode);
        var tokens = model
            .WebGroups.SelectMany(w => w.Hosts)
            .SelectMany(h => TerraformLookups.TokensIn(h.Host))
            .Distinct();
        Assert.Equal(
            PolicyTriples.FromModel(model),
            PolicyTriples.FromTerraform(
                E2eCase.AsOutput(TerraformJsonWriter.TargetName, files),
                tokens
            )
        );
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Crd_lacks_exactly_the_flows_its_warnings_name(string name)
    {
        var c = E2eCase.ByName(name);
        var model = c.Model();

        var (result, files) = c.Emit(AviatrixCrdWriter.TargetName, _temp.Sub("crd"));

        Assert.Equal(0, result.ExitCode);
        var fromCrd = PolicyTriples.FromCrd(E2eCase.AsOutput(AviatrixCrdWriter.TargetName, files));
        var everything = PolicyTriples.FromModel(model);
        Assert.Subset(everything, fromCrd);

        // What the warnings on stderr name: rules with a source a manifest cannot select (CT6001), rules left out (CT6003),
        // hosts that need a look-up (CT6002).
        var warnings = result
            .Stderr.Split('\n')
            .Where(l => l.Contains(": warning CT600", StringComparison.Ordinal))
            .ToList();
        var sourceRules = Named(warnings, "CT6001", RuleName());
        var omittedRules = Named(warnings, "CT6003", RuleName());
        var lookupHosts = Named(warnings, "CT6002", HostName());
        static bool Selectable(Core.Policy.SmartGroupSelector s, string ns) =>
            s.Type == "k8s" && s.Namespace == ns && s.Labels.Count > 0;
        var warned = PolicyTriples.FromModel(model, ruleFilter: r => omittedRules.Contains(r.Name));
        warned.UnionWith(
            PolicyTriples.FromModel(
                model,
                sourceFilter: s => !Selectable(s, model.Namespace),
                ruleFilter: r => sourceRules.Contains(r.Name)
            )
        );
        warned.UnionWith(
            PolicyTriples.FromModel(
                model,
                hostFilter: h => lookupHosts.Contains(h.Host),
                ruleFilter: r => r.WebGroups.Count > 0
            )
        );

        var missing = everything.Except(fromCrd).ToList();
        Assert.True(
            warned.SetEquals(missing),
            $"missing without a warning: [{string.Join("; ", missing.Except(warned))}]; warned but present: [{string.Join("; ", warned.Except(missing))}]"
        );
        // Every node rule of the policy is warned about: the CRD never drops a flow silently.
        Assert.Equal(
            model
                .Rules.Where(r =>
                    r.Sources.Any(s =>
                        model
                            .SmartGroups.Single(g => g.Name == s)
                            .Selectors.Any(x => !Selectable(x, model.Namespace))
                    )
                )
                .Select(r => r.Name)
                .Order(StringComparer.Ordinal),
            sourceRules.Order(StringComparer.Ordinal)
        );
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Crd_and_terraform_agree_on_every_flow_the_crd_expresses(string name)
    {
        var c = E2eCase.ByName(name);
        var model = c.Model();
        var crd = PolicyTriples.FromCrd(
            E2eCase.AsOutput(
                AviatrixCrdWriter.TargetName,
                c.Emit(AviatrixCrdWriter.TargetName, _temp.Sub("crd")).Files
            )
        );
        var terraform = PolicyTriples.FromTerraform(
            E2eCase.AsOutput(
                TerraformJsonWriter.TargetName,
                c.Emit(TerraformJsonWriter.TargetName, _temp.Sub("tf")).Files
            ),
            model
                .WebGroups.SelectMany(w => w.Hosts)
                .SelectMany(h => TerraformLookups.TokensIn(h.Host))
                .Distinct()
        );
        var pulumi = PolicyTriples.FromPulumi(c.Compile().Stdout);

        Assert.Subset(terraform, crd);
        Assert.Equal(terraform, pulumi);
        Assert.Contains(crd, t => t.Action == "PERMIT");
    }

    private static HashSet<string> Named(
        IEnumerable<string> warnings,
        string code,
        Regex pattern
    ) =>
        warnings
            .Where(w => w.Contains($"warning {code}:", StringComparison.Ordinal))
            .Select(w => pattern.Match(w))
            .Where(m => m.Success)
            .Select(m => m.Groups[1].Value)
            .ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex("Rule '([^']+)'", RegexOptions.CultureInvariant)]
    private static partial Regex RuleName();

    [GeneratedRegex("Host '([^']+)'", RegexOptions.CultureInvariant)]
    private static partial Regex HostName();
}
