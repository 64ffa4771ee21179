using System.Text;

namespace Containment.Core.Targets.Pulumi;

/// <summary>
/// Logical (URN) names of the program's resources and variables. They must stay stable across runs,
/// because Pulumi keys state by them: renaming one replaces the resource.
/// </summary>
public static class PulumiLogicalNames
{
    public const string Ruleset = "ruleset";

    /// <summary>
    /// The attachment-point look-up. Not <c>attachmentPoint</c>: that is a stack config key
    /// (<c>containment:attachmentPoint</c>), and config shadows a variable of the same name in Pulumi YAML.
    /// </summary>
    public const string AttachmentPoint = "dcfAttachmentPoint";

    /// <summary>Stack output listing the compiler's warnings (a successful compiler's stderr never reaches the user).</summary>
    public const string WarningsOutput = "containmentWarnings";
    public const string DecryptionCaConfigMap = "decryption-ca-configmap";
    public const string DecryptionMitmCa = "decryption-mitm-ca";
    public const string DecryptionMitmCaSelection = "decryption-mitm-ca-selection";

    /// <summary>Config keys the program reads (<c>containment:decryptionCaCert</c> and the secret key).</summary>
    public const string DecryptionCaCertConfig = "decryptionCaCert";
    public const string DecryptionCaKeyConfig = "decryptionCaKey";

    public static string SmartGroup(string name) => "sg-" + Sanitize(name);

    public static string WebGroup(string name) => "wg-" + Sanitize(name);

    /// <summary>
    /// Keeps letters, digits, <c>-</c> and <c>_</c>; anything else becomes <c>-</c>. Dots and brackets
    /// would break <c>${name.uuid}</c> property access in Pulumi YAML.
    /// </summary>
    public static string Sanitize(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-');
        }

        return builder.ToString();
    }
}
