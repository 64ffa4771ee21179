using Containment.Core.Diagnostics;
using Containment.Core.Model;
using Containment.Core.Targets.Aviatrix;

namespace Containment.Core.Targets.Pulumi.Checks;

/// <summary>Runs <see cref="PulumiProgramChecker"/> on printed text and turns each problem into a CT5100 error.</summary>
public static class PulumiProgramGate
{
    /// <summary>
    /// Every key the settings model knows, as it appears once the project prefix is stripped (structured settings are
    /// objects). A program name that equals one of them breaks any stack that sets the key, so it is always checked.
    /// </summary>
    public static PulumiConfigKeys SettingKeys { get; } =
        PulumiConfigKeys.FromPulumiConfigJson(
            "{"
                + string.Join(
                    ",",
                    StackSettingKeys.All.Select(k =>
                        $"\"{k}\":\"{(StackSettingKeys.IsStructured(k) ? "{}" : "")}\""
                    )
                )
                + "}",
            PulumiProgramBuilder.ProjectName
        );

    /// <returns>True when the program passed; otherwise the problems are in <paramref name="diagnostics"/>.</returns>
    public static bool Accept(
        string programJson,
        PulumiConfigKeys stackConfig,
        DiagnosticBag diagnostics,
        SourceSpan span
    )
    {
        var problems = PulumiProgramChecker.Check(
            programJson,
            stackConfig.Union(SettingKeys),
            AviatrixSchemaFacts.Default
        );
        foreach (var problem in problems)
        {
            diagnostics.Add(DiagnosticBuilder.At(span).PulumiProgramRule(problem));
        }

        return problems.Count == 0;
    }
}
