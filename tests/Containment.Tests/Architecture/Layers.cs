namespace Containment.Tests.Architecture;

/// <summary>
/// The layering of Containment.Core (docs/architecture.md draws it): which top-level namespace may use which. A layer
/// lists every layer it may name, so nothing can reach up the pipeline or skip past the neutral policy model.
/// </summary>
internal static class Layers
{
    private static readonly string[] Bottom = ["Diagnostics", "Model", "IO", "Net"];

    /// <summary>Layer -> the layers it may depend on (besides itself). <c>Cli</c> sits on top and may use anything.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlySet<string>> Allowed =
        new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal)
        {
            // The bottom: shared vocabulary and plumbing. Model and IO may name a SourceSpan, nothing else.
            ["Diagnostics"] = Set(),
            ["Net"] = Set(),
            ["Model"] = Set("Diagnostics"),
            ["IO"] = Set("Diagnostics"),
            // Inputs: the YAML tree, and the stack settings (a reader beside LibreChat's, not below it).
            ["Yaml"] = Set("Diagnostics", "IO"),
            ["Settings"] = Set([.. Bottom, "Yaml"]),
            ["LibreChat"] = Set([.. Bottom, "Yaml"]),
            // Inventory: catalogues and the egress inventory read the inputs, never the policy.
            ["Catalog"] = Set([.. Bottom, "Settings"]),
            ["Egress"] = Set([.. Bottom, "LibreChat", "Catalog", "Settings"]),
            // Policy shapes an inventory it is given (WebGroups, rule layout, settings checks). Building that inventory
            // from the reader's config and the catalogues is the pipeline's job (Pipeline/PolicyBuilder), so Policy may
            // name neither LibreChat nor Catalog: moving the builder back into Policy fails this test.
            ["Policy"] = Set([.. Bottom, "Egress", "Settings"]),
            // Renderers read the neutral policy model only (Targets re-reads its own YAML programs with Yaml).
            ["Targets"] = Set([.. Bottom, "Policy", "Yaml"]),
            ["Reports"] = Set([.. Bottom, "Policy"]),
            // Baseline compares observed flows with the policy and reuses report helpers and catalogue hints.
            ["Baseline"] = Set([.. Bottom, "Catalog", "Policy", "Reports"]),
            // The pipeline runs the stages in order: it is above every stage it calls and below the CLI.
            ["Pipeline"] = Set([
                .. Bottom,
                "Yaml",
                "Settings",
                "LibreChat",
                "Catalog",
                "Egress",
                "Policy",
            ]),
        };

    /// <summary>
    /// Known exceptions, one namespace each, with the reason. The Pulumi program gate feeds pulumi-yaml a config with
    /// every stack settings key (SettingsBinder.KnownKeys), because the compiled program reads them at deploy time; the
    /// rest of Targets still may not read Settings. Moving the key list to Model is left to the settings owner (env2).
    /// </summary>
    public static readonly IReadOnlySet<(string Namespace, string Layer)> Exceptions = new HashSet<(
        string,
        string
    )>
    {
        ("Containment.Core.Targets.Pulumi.Checks", "Settings"),
    };

    public const string CorePrefix = "Containment.Core.";

    /// <summary>The layer a namespace belongs to: <c>Containment.Core.Targets.Pulumi.Checks</c> is in <c>Targets</c>.</summary>
    public static string? LayerOf(string? ns)
    {
        if (ns is null)
        {
            return null;
        }

        if (ns == "Containment.Cli" || ns.StartsWith("Containment.Cli.", StringComparison.Ordinal))
        {
            return "Cli";
        }

        if (!ns.StartsWith(CorePrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = ns[CorePrefix.Length..];
        var dot = rest.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? rest : rest[..dot];
    }

    /// <summary>True when code in <paramref name="from"/> may use code in <paramref name="to"/>.</summary>
    public static bool MayUse(string from, string to) =>
        from == to
        || from == "Cli"
        || (Allowed.TryGetValue(from, out var allowed) && allowed.Contains(to));

    private static HashSet<string> Set(params string[] layers) =>
        new(layers, StringComparer.Ordinal);
}
