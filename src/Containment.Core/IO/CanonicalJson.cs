using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Containment.Core.IO;

/// <summary>
/// The one JSON shape every document the tool prints or writes shares (plan, diff, check, SARIF, the Pulumi
/// program, Terraform JSON): two-space indent, "\n" line ends on every OS, a final newline, and no HTML
/// escaping (the documents are read by tools and people, never embedded in a page, so '+', quotes and
/// non-ASCII stay readable; only invisible characters such as bidi controls are escaped, see
/// <see cref="VisibleJsonEncoder"/>). One place, so byte-for-byte determinism cannot drift between writers.
/// </summary>
public static class CanonicalJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = VisibleJsonEncoder.Instance,
    };

    public static string Write(Action<Utf8JsonWriter> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Options))
        {
            body(writer);
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
