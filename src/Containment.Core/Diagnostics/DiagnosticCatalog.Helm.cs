namespace Containment.Core.Diagnostics;

/// <summary>CT2340-CT2349: the LibreChat Helm chart's values as an input (issue 12 item 2).</summary>
public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticDescriptor HelmValuesPathEscapesProject = new(
        "CT2340",
        Severity.Error,
        "Helm values path escapes the project root",
        "Give each containment:helmValues entry as a path inside the folder that holds Pulumi.yaml, e.g. infra/values.yaml; a stack setting must not make Containment read files elsewhere."
    );
}
