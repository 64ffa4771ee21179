namespace Containment.Core.Targets.Pulumi;

/// <summary>Type tokens the program uses (Aviatrix ones as the Any-Terraform-Provider bridge names them).</summary>
public static class PulumiTokens
{
    public const string SmartGroup = "aviatrix:index/smartGroup:SmartGroup";
    public const string WebGroup = "aviatrix:index/webGroup:WebGroup";
    public const string DcfRuleset = "aviatrix:index/dcfRuleset:DcfRuleset";
    public const string DcfMitmCa = "aviatrix:index/dcfMitmCa:DcfMitmCa";
    public const string DcfMitmCaSelection = "aviatrix:index/dcfMitmCaSelection:DcfMitmCaSelection";
    public const string GetDcfAttachmentPoint =
        "aviatrix:index/getDcfAttachmentPoint:getDcfAttachmentPoint";
    public const string ConfigMap = "kubernetes:core/v1:ConfigMap";
}
