using System.Text.Json;
using System.Text.Json.Nodes;
using Containment.Core.IO;

namespace Containment.Core.Targets.Terraform;

/// <summary>Serialises a JSON tree the same way every time: 2-space indent, "\n" line ends, no HTML escaping, final newline.</summary>
internal static class TerraformJson
{
    public static string Serialize(JsonNode node) =>
        CanonicalJson.Write(writer => node.WriteTo(writer));

    /// <summary>
    /// A literal for a Terraform JSON string that Terraform evaluates as a template: <c>${</c> and <c>%{</c> are escaped
    /// so text from the model (names, descriptions) can never become an expression.
    /// </summary>
    public static string Literal(string text) =>
        text.Replace("${", "$${", StringComparison.Ordinal)
            .Replace("%{", "%%{", StringComparison.Ordinal);
}
