using ArchUnitNET.Domain;
using ArchUnitNET.Loader;
using Containment.Core.Policy;

namespace Containment.Tests.Architecture;

/// <summary>
/// Issue 11 item 2: the namespace graph is a DAG down the pipeline. ArchUnitNET reads the compiled assemblies, so a
/// fully qualified name in a method body counts exactly like a <c>using</c>.
/// </summary>
public sealed class LayeringTests
{
    private static readonly Lazy<ArchUnitNET.Domain.Architecture> Compiled = new(() =>
        new ArchLoader()
            .LoadAssemblies(
                typeof(PolicyModel).Assembly,
                typeof(Containment.Cli.ExitCodes).Assembly
            )
            .Build()
    );

    [Fact]
    public void No_layer_uses_a_layer_above_it_or_beside_it()
    {
        var violations = Edges()
            .Where(e =>
                !Layers.MayUse(e.From, e.To) && !Layers.Exceptions.Contains((e.Namespace, e.To))
            )
            .Select(e => $"{e.From} -> {e.To} ({e.Example})")
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(
            violations.Count == 0,
            "Backward or sideways dependencies:\n" + string.Join("\n", violations)
        );
    }

    [Fact]
    public void Every_core_namespace_has_a_place_in_the_layering()
    {
        var unplaced = Compiled
            .Value.Types.Select(t => Layers.LayerOf(t.Namespace?.FullName))
            .OfType<string>()
            .Where(layer => layer != "Cli" && !Layers.Allowed.ContainsKey(layer))
            .Distinct(StringComparer.Ordinal)
            .ToList();

        Assert.Empty(unplaced);
    }

    [Theory]
    // The edges the neutral model removed (issue 11 item 1): putting any back must fail the layering.
    [InlineData("Egress", "Policy")]
    [InlineData("Catalog", "Policy")]
    [InlineData("IO", "Targets")]
    [InlineData("LibreChat", "Settings")]
    [InlineData("Targets", "Settings")]
    [InlineData("Reports", "Settings")]
    [InlineData("Model", "Policy")]
    [InlineData("Model", "Settings")]
    [InlineData("Policy", "Targets")]
    [InlineData("Targets", "Reports")]
    [InlineData("Reports", "Targets")]
    [InlineData("Yaml", "LibreChat")]
    [InlineData("Diagnostics", "Model")]
    // The builder that turns a config into policy belongs to the pipeline (issue 11 item 1, last move): Policy may
    // not reach back to the reader or the catalogues, and nothing but the pipeline and the CLI may call the builder.
    [InlineData("Policy", "LibreChat")]
    [InlineData("Policy", "Catalog")]
    [InlineData("Policy", "Pipeline")]
    [InlineData("Reports", "Pipeline")]
    [InlineData("Targets", "Pipeline")]
    public void The_old_backward_edges_are_forbidden(string from, string to) =>
        Assert.False(Layers.MayUse(from, to));

    [Fact]
    public void The_graph_the_test_reads_holds_the_pipeline_edges()
    {
        // Guards the test itself: if the loader saw no dependencies, the layering test would pass vacuously.
        var edges = Edges().Select(e => (e.From, e.To)).ToHashSet();

        Assert.Contains(("Policy", "Egress"), edges);
        Assert.Contains(("Pipeline", "Catalog"), edges);
        Assert.Contains(("Targets", "Policy"), edges);
        Assert.Contains(("Cli", "Pipeline"), edges);
    }

    private static IEnumerable<(string From, string To, string Namespace, string Example)> Edges()
    {
        foreach (var type in Compiled.Value.Types)
        {
            var from = Layers.LayerOf(type.Namespace?.FullName);
            if (from is null)
            {
                continue;
            }

            foreach (var dependency in type.Dependencies)
            {
                var to = Layers.LayerOf(dependency.Target?.Namespace?.FullName);
                if (to is not null && to != from)
                {
                    yield return (
                        from,
                        to,
                        type.Namespace!.FullName,
                        $"{type.FullName} uses {dependency.Target!.FullName}"
                    );
                }
            }
        }
    }
}
