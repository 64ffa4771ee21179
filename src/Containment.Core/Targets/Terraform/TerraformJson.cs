using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Containment.Core.Targets.Terraform;

/// <summary>Serialises a JSON tree the same way every time: 2-space indent, "\n" line ends, no HTML escaping, final newline.</summary>
internal static class TerraformJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(JsonNode node)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            node.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>
    /// A literal for a Terraform JSON string that Terraform evaluates as a template: <c>${</c> and <c>%{</c> are escaped
    /// so text from the model (names, descriptions) can never become an expression.
    /// </summary>
    public static string Literal(string text) =>
        text.Replace("${", "$${", StringComparison.Ordinal).Replace("%{", "%%{", StringComparison.Ordinal);
}
