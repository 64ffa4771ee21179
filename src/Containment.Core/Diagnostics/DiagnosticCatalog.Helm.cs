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

    public static readonly DiagnosticDescriptor ConfigYamlContentNotUsed = new(
        "CT2341",
        Severity.Warning,
        "librechat.configYamlContent is not what Containment reads",
        "librechat.yaml was given explicitly (--config, containment:librechatConfig, or the file at infra/librechat.yaml), so the values file's librechat.configYamlContent is not read. Make sure both say the same, or drop one."
    );

    public static readonly DiagnosticDescriptor ConfigYamlContentNotMounted = new(
        "CT2342",
        Severity.Warning,
        "The chart mounts another ConfigMap, not librechat.configYamlContent",
        "With librechat.existingConfigYaml set, the chart mounts that ConfigMap at /app/librechat.yaml and configYamlContent is unused. Pass the ConfigMap's librechat.yaml with --config or containment:librechatConfig."
    );

    public static readonly DiagnosticDescriptor ConfigYamlContentPositions = new(
        "CT2343",
        Severity.Info,
        "Positions inside librechat.configYamlContent are approximate",
        "Only a literal block scalar (configYamlContent: |) keeps librechat.yaml's lines as the values file's lines; in a quoted or folded value, diagnostics point near the value. Write it as a literal block."
    );

    public static readonly DiagnosticDescriptor ConfigYamlFromValues = new(
        "CT2344",
        Severity.Info,
        "librechat.yaml is read from the Helm values",
        "No librechat.yaml was given, so the values file's librechat.configYamlContent (what the chart mounts at /app/librechat.yaml) is read; its diagnostics point into the values file."
    );

    public static readonly DiagnosticDescriptor ChartStoreDisabled = new(
        "CT2345",
        Severity.Info,
        "A data store the chart would run is switched off",
        "The chart does not run this store, so the data-stores SmartGroup does not select it. If LibreChat still uses one (MONGO_URI, REDIS_URI), a store outside the cluster is egress by port (CT3180)."
    );
}

public sealed partial class DiagnosticBuilder
{
    public Diagnostic HelmValuesPathEscapesProject(string path) =>
        Make(
            DiagnosticCatalog.HelmValuesPathEscapesProject,
            $"containment:helmValues entry '{path}' points outside the project folder; give a path inside the folder that holds Pulumi.yaml."
        );

    public Diagnostic ConfigYamlContentNotUsed(string explicitPath) =>
        Make(
            DiagnosticCatalog.ConfigYamlContentNotUsed,
            $"librechat.yaml is read from '{explicitPath}'; librechat.configYamlContent here is not used."
        );

    public Diagnostic ConfigYamlContentNotMounted(string configMap) =>
        Make(
            DiagnosticCatalog.ConfigYamlContentNotMounted,
            $"librechat.existingConfigYaml names ConfigMap '{configMap}', which the chart mounts at /app/librechat.yaml instead of configYamlContent; pass that librechat.yaml with --config."
        );

    public Diagnostic ConfigYamlContentPositions() =>
        Make(
            DiagnosticCatalog.ConfigYamlContentPositions,
            "configYamlContent is not a literal block scalar (|): positions of its diagnostics are near the value, not exact."
        );

    public Diagnostic ConfigYamlFromValues() =>
        Make(
            DiagnosticCatalog.ConfigYamlFromValues,
            "librechat.yaml is this file's librechat.configYamlContent (no --config, containment:librechatConfig or infra/librechat.yaml)."
        );

    public Diagnostic ChartStoreDisabled(string store) =>
        Make(
            DiagnosticCatalog.ChartStoreDisabled,
            $"the chart does not run {store}: no in-cluster {store} in the data-stores SmartGroup."
        );
}
