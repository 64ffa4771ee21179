namespace Containment.Core.Diagnostics;

public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticDescriptor ConfigPathEscapesProject = new(
        "CT5050",
        Severity.Error,
        "librechat.yaml path escapes the project root",
        "Set containment:librechatConfig to a path inside the folder that holds Pulumi.yaml, e.g. infra/librechat.yaml."
    );
}

public sealed partial class DiagnosticBuilder
{
    public Diagnostic ConfigPathEscapesProject(string configuredPath) =>
        Make(
            DiagnosticCatalog.ConfigPathEscapesProject,
            $"containment:librechatConfig '{configuredPath}' points outside the project root; give a path inside the folder that holds Pulumi.yaml."
        );
}
