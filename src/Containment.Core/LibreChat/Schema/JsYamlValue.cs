using System.Globalization;
using Containment.Core.Yaml;

namespace Containment.Core.LibreChat.Schema;

/// <summary>
/// What a <see cref="YNode"/> is once js-yaml has loaded it into JavaScript: its JSON type, its numeric
/// value, and the string a mapping key becomes (JavaScript object keys are always strings).
/// </summary>
internal static class JsYamlValue
{
    public static JsonTypes TypeOf(YNode node) =>
        node switch
        {
            YMapping => JsonTypes.Object,
            YSequence => JsonTypes.Array,
            YScalar { Kind: YScalarKind.Null } => JsonTypes.Null,
            YScalar { Kind: YScalarKind.Bool } => JsonTypes.Boolean,
            YScalar { Kind: YScalarKind.String } => JsonTypes.String,
            // js-yaml turns an unquoted date into a JavaScript Date: no JSON type accepts it.
            YScalar { Kind: YScalarKind.Timestamp } => JsonTypes.None,
            YScalar scalar => NumberType(ToNumber(scalar)),
            _ => JsonTypes.None,
        };

    /// <summary>JSON Schema's "integer" is any number with no fraction: js-yaml's <c>1.0</c> is the JS number 1.</summary>
    private static JsonTypes NumberType(double value) =>
        double.IsNaN(value) ? JsonTypes.None
        : double.IsFinite(value) && Math.Floor(value) == value
            ? JsonTypes.Integer | JsonTypes.Number
        : JsonTypes.Number;

    /// <summary>The JS number js-yaml produces for an int or float scalar (YAML 1.2 core forms).</summary>
    public static double ToNumber(YScalar scalar)
    {
        var text = scalar.Value.Replace("_", string.Empty, StringComparison.Ordinal).Trim();
        var sign = 1.0;
        if (text.StartsWith('-') || text.StartsWith('+'))
        {
            sign = text[0] == '-' ? -1.0 : 1.0;
            text = text[1..];
        }
        var lower = text.ToLowerInvariant();
        if (lower is ".inf")
        {
            return sign * double.PositiveInfinity;
        }
        if (lower is ".nan")
        {
            return double.NaN;
        }
        if (
            lower.StartsWith("0x", StringComparison.Ordinal)
            || lower.StartsWith("0o", StringComparison.Ordinal)
            || lower.StartsWith("0b", StringComparison.Ordinal)
        )
        {
            var radix = lower[1] switch
            {
                'x' => 16,
                'o' => 8,
                _ => 2,
            };
            double result = 0;
            foreach (var c in lower[2..])
            {
                result = (result * radix) + Convert.ToInt32(c.ToString(), 16);
            }
            return sign * result;
        }
        return double.TryParse(
            text,
            NumberStyles.Float,
            CultureInfo.InvariantCulture,
            out var parsed
        )
            ? sign * parsed
            : double.NaN;
    }

    /// <summary>The property name a key becomes: js-yaml stringifies non-string keys (<c>~</c> is "null").</summary>
    public static string KeyName(YScalar key) =>
        key.Kind switch
        {
            YScalarKind.String => key.Value,
            YScalarKind.Null => "null",
            YScalarKind.Bool => key.Value.ToLowerInvariant(),
            _ => ToNumber(key).ToString("R", CultureInfo.InvariantCulture),
        };

    /// <summary>How a message names what it found: "a mapping", "a string"... never the value itself,
    /// which might be a secret.</summary>
    public static string Describe(YNode node) =>
        node switch
        {
            YMapping => "a mapping",
            YSequence => "an array",
            YScalar { Kind: YScalarKind.Null } => "null",
            YScalar { Kind: YScalarKind.Bool } => "a boolean",
            YScalar { Kind: YScalarKind.String } => "a string",
            YScalar { Kind: YScalarKind.Timestamp } => "a date",
            YScalar scalar when double.IsNaN(ToNumber(scalar)) => "NaN",
            _ => "a number",
        };
}
