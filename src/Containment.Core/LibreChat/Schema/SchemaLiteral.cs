using System.Globalization;
using System.Text.Json;

namespace Containment.Core.LibreChat.Schema;

/// <summary>An <c>enum</c>/<c>const</c> value, copied out of the JSON document so it can be disposed.</summary>
internal sealed record SchemaLiteral(JsonValueKind Kind, string? Text, double Number)
{
    public static SchemaLiteral From(JsonElement value) =>
        value.ValueKind switch
        {
            JsonValueKind.String => new(JsonValueKind.String, value.GetString(), 0),
            JsonValueKind.Number => new(
                JsonValueKind.Number,
                value.GetRawText(),
                value.GetDouble()
            ),
            JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null => new(
                value.ValueKind,
                value.GetRawText(),
                0
            ),
            _ => throw new InvalidOperationException(
                $"Unsupported enum value kind {value.ValueKind}."
            ),
        };

    /// <summary>How messages show it: strings in single quotes, like zod.</summary>
    public string Display =>
        Kind == JsonValueKind.String
            ? "'" + Text + "'"
            : Text ?? Number.ToString(CultureInfo.InvariantCulture);
}
