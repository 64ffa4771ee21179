using static System.FormattableString;

namespace Containment.Core.Diagnostics;

/// <summary>CT6xxx: the Aviatrix CRD and Terraform JSON targets. Each says what the target could not express.</summary>
public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticDescriptor CrdSourceNotExpressible = new(
        "CT6001",
        Severity.Warning,
        "Rule source cannot be expressed in a FirewallPolicy",
        "A FirewallPolicy rule selects its source with pod labels in the policy's own namespace and cluster; node SmartGroups, other namespaces and predefined groups cannot be sources. Apply this rule with the terraform or pulumi target."
    );

    public static readonly DiagnosticDescriptor CrdDeferredHostOmitted = new(
        "CT6002",
        Severity.Warning,
        "Host needs a deploy-time lookup that a manifest cannot do",
        "Manifests are static: set the value in the stack settings (e.g. registry.awsAccountId, registry.awsRegion) so the host is known, or use the terraform or pulumi target, which look it up."
    );

    public static readonly DiagnosticDescriptor CrdRuleWithoutWebGroups = new(
        "CT6003",
        Severity.Warning,
        "Rule left out because none of its WebGroups can be written",
        "Writing the rule without its WebGroups would permit every host; it is left out instead. Resolve the omitted hosts (see CT6002) or use the terraform or pulumi target."
    );

    public static readonly DiagnosticDescriptor CrdDecryptionCaNotExpressible = new(
        "CT6004",
        Severity.Warning,
        "The decryption CA cannot be expressed in a FirewallPolicy",
        "The CRD has no CA object: create the CA in the controller and the ConfigMap that LibreChat mounts (NODE_EXTRA_CA_CERTS) yourself, or use the terraform or pulumi target."
    );

    public static readonly DiagnosticDescriptor CrdPlacementControllerChosen = new(
        "CT6005",
        Severity.Info,
        "FirewallPolicy placement and order are chosen by the controller",
        "The CRD has no attachment point and no priority: the controller places K8s-managed rules in their own section (before TERRAFORM_AFTER_K8S_MANAGED) and keeps rule order as written."
    );

    public static readonly DiagnosticDescriptor CrdNothingExpressible = new(
        "CT6006",
        Severity.Error,
        "No rule of the policy can be expressed as a FirewallPolicy",
        "A FirewallPolicy needs at least one rule whose source is labelled pods in LibreChat's namespace. Use the terraform or pulumi target for this policy."
    );

    public static readonly DiagnosticDescriptor TerraformLookupAsVariable = new(
        "CT6010",
        Severity.Warning,
        "Deploy-time lookup has no Terraform data source; it becomes a variable",
        "Set the variable (terraform.tfvars or -var) or set the value in the stack settings so the host is known when emitting."
    );

    public static readonly DiagnosticDescriptor TerraformDecryptionCaConfigMap = new(
        "CT6011",
        Severity.Warning,
        "The Terraform target does not create the CA ConfigMap",
        "Terraform reads the active decryption CA and outputs its certificate chain; create the ConfigMap LibreChat mounts from that output (kubectl create configmap ... --from-literal), or use the pulumi target."
    );

    public static readonly DiagnosticDescriptor TerraformSeveralClusterIds = new(
        "CT6012",
        Severity.Warning,
        "SmartGroups name several cluster ids; Terraform uses one cluster_id variable",
        "Containment targets one cluster per stack: use one cluster id in the stack settings."
    );

    public static readonly DiagnosticDescriptor TerraformProviderVersionUnknown = new(
        "CT6013",
        Severity.Warning,
        "No Aviatrix provider release matches the controller version",
        "The provider version follows the controller version from 8.0; check controllerVersion in the stack settings."
    );

    public static readonly DiagnosticDescriptor TargetSchemaViolation = new(
        "CT6090",
        Severity.Error,
        "Generated output breaks the target's schema",
        "This is a bug in Containment: the output would be refused on apply. Please report it with the policy that produced it."
    );
}

public sealed partial class DiagnosticBuilder
{
    public Diagnostic CrdSourceNotExpressible(
        string rule,
        CrdSourceProblem problem,
        string group,
        string role,
        string detail,
        string clusterNamespace
    ) =>
        Make(
            DiagnosticCatalog.CrdSourceNotExpressible,
            (
                problem switch
                {
                    CrdSourceProblem.PredefinedGroup =>
                        $"Rule '{rule}' source '{group}' is a predefined group",
                    CrdSourceProblem.UndefinedGroup =>
                        $"Rule '{rule}' source '{group}' is not a SmartGroup of the policy",
                    CrdSourceProblem.NotKubernetes =>
                        $"Rule '{rule}' source is a {detail} selector (SmartGroup '{group}', {role})",
                    CrdSourceProblem.OtherNamespace =>
                        $"Rule '{rule}' source is namespace '{detail}' (SmartGroup '{group}')",
                    _ =>
                        $"Rule '{rule}' source is a selector without labels (SmartGroup '{group}')",
                }
            )
                + $"; a FirewallPolicy rule can only select labelled pods in namespace '{clusterNamespace}'."
        );

    public Diagnostic CrdDeferredHostOmitted(string host, string webGroup) =>
        Make(
            DiagnosticCatalog.CrdDeferredHostOmitted,
            $"Host '{host}' of WebGroup '{webGroup}' needs a deploy-time lookup; a manifest cannot look it up, so it is left out."
        );

    public Diagnostic CrdRuleWithoutWebGroups(string rule, IEnumerable<string> webGroups) =>
        Make(
            DiagnosticCatalog.CrdRuleWithoutWebGroups,
            $"Rule '{rule}' is left out: none of its WebGroups ({string.Join(", ", webGroups)}) has a host a manifest can name, and without them it would permit every host."
        );

    public Diagnostic CrdDecryptionCaNotExpressible(
        string configMap,
        string fileName,
        string mountPath
    ) =>
        Make(
            DiagnosticCatalog.CrdDecryptionCaNotExpressible,
            $"Decryption is on, but a FirewallPolicy cannot create the decryption CA or the ConfigMap '{configMap}' (key '{fileName}', mounted at '{mountPath}', NODE_EXTRA_CA_CERTS) that LibreChat needs to trust it."
        );

    public Diagnostic CrdPlacementControllerChosen(string attachmentPoint) =>
        Make(
            DiagnosticCatalog.CrdPlacementControllerChosen,
            $"The FirewallPolicy cannot choose attachment point '{attachmentPoint}' or rule priorities; rules keep the policy's order."
        );

    public Diagnostic CrdNothingExpressible() =>
        Make(
            DiagnosticCatalog.CrdNothingExpressible,
            "No rule of the policy has a source a FirewallPolicy can select; the manifest would be empty."
        );

    public Diagnostic TerraformLookupAsVariable(string host, string token, string variable) =>
        Make(
            DiagnosticCatalog.TerraformLookupAsVariable,
            $"Host '{host}' needs {token}, which no Terraform data source answers; it reads variable '{variable}'."
        );

    public Diagnostic TerraformDecryptionCaConfigMap(
        string configMap,
        string clusterNamespace,
        string fileName,
        string mountPath
    ) =>
        Make(
            DiagnosticCatalog.TerraformDecryptionCaConfigMap,
            $"Decryption is on: create ConfigMap '{configMap}' in namespace '{clusterNamespace}', key '{fileName}', mounted at '{mountPath}' (NODE_EXTRA_CA_CERTS) from the output 'decryption_ca_certificate_chain'."
        );

    public Diagnostic TerraformSeveralClusterIds(int count, string variable) =>
        Make(
            DiagnosticCatalog.TerraformSeveralClusterIds,
            Invariant(
                $"The SmartGroups name {count} cluster ids; every k8s selector uses var.{variable}."
            )
        );

    public Diagnostic TerraformProviderVersionUnknown(Version controllerVersion, Version release) =>
        Make(
            DiagnosticCatalog.TerraformProviderVersionUnknown,
            $"No Aviatrix provider release for controller {controllerVersion} in the schema facts; pinning the latest release, {release}."
        );

    /// <param name="schema">Whose rules the output breaks: "Terraform", "FirewallPolicy".</param>
    /// <param name="problem">The check's finding (names and kinds, no values), or a rule naming an undefined group.</param>
    public Diagnostic TargetSchemaViolation(string schema, string problem) =>
        Make(DiagnosticCatalog.TargetSchemaViolation, $"{schema} schema: {problem}.");
}

/// <summary>Why a rule's source cannot be a FirewallPolicy selector, for <see cref="DiagnosticBuilder.CrdSourceNotExpressible"/>.</summary>
public enum CrdSourceProblem
{
    PredefinedGroup,
    UndefinedGroup,
    NotKubernetes,
    OtherNamespace,
    NoLabels,
}
