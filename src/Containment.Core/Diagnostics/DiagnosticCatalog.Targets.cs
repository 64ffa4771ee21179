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
