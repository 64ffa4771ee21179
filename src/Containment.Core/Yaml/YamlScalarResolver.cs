using System.Globalization;
using System.Text.RegularExpressions;

namespace Containment.Core.Yaml;

/// <summary>
/// Types plain scalars exactly as js-yaml 4's default schema does (checked against js-yaml 4.3.2): the
/// YAML 1.2 core schema for null, bool, int and float, plus js-yaml's timestamp type. Quoted and block
/// scalars are always strings. The typing matters: <c>version: 1.0</c> is a float to LibreChat and fails
/// its <c>z.string()</c> check.
/// </summary>
internal static partial class YamlScalarResolver
{
    public static YScalarKind Resolve(string text)
    {
        if (text is "" or "~" or "null" or "Null" or "NULL")
        {
            return YScalarKind.Null;
        }
        if (text is "true" or "True" or "TRUE" or "false" or "False" or "FALSE")
        {
            return YScalarKind.Bool;
        }
        // Every int, float and timestamp form starts with a sign, a digit or '.'; keys, names and URLs do not,
        // and skipping three regex matches for them halves the tree builder's time on large files.
        if (text[0] is not ('-' or '+' or '.' or (>= '0' and <= '9')))
        {
            return YScalarKind.String;
        }
        if (IsInt(text))
        {
            return YScalarKind.Int;
        }
        if (IsFloat(text))
        {
            return YScalarKind.Float;
        }
        if (DateRegex().IsMatch(text) || TimestampRegex().IsMatch(text))
        {
            return YScalarKind.Timestamp;
        }
        return YScalarKind.String;
    }

    /// <summary>js-yaml's <c>resolveYamlInteger</c>: optional sign, then 0b/0x/0o digits or decimal digits (no underscores in 4.x).</summary>
    private static bool IsInt(string s)
    {
        var i = 0;
        if (s[i] is '-' or '+')
        {
            i++;
            if (i == s.Length)
            {
                return false;
            }
        }
        if (s[i] == '0')
        {
            if (i + 1 == s.Length)
            {
                return true;
            }
            var marker = s[i + 1];
            Func<char, bool>? digit = marker switch
            {
                'b' => c => c is '0' or '1',
                'x' => char.IsAsciiHexDigit,
                'o' => c => c is >= '0' and <= '7',
                _ => null,
            };
            if (digit is not null)
            {
                var body = s[(i + 2)..];
                return body.Length > 0 && body.All(digit);
            }
        }
        return s[i..].All(char.IsAsciiDigit);
    }

    private static bool IsFloat(string s)
    {
        if (!FloatRegex().IsMatch(s))
        {
            return false;
        }
        if (SpecialFloatRegex().IsMatch(s))
        {
            return true;
        }
        return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
            && double.IsFinite(d);
    }

    [GeneratedRegex(
        @"^(?:[-+]?(?:[0-9]+)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|\.[0-9]+(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))\z",
        RegexOptions.CultureInvariant
    )]
    private static partial Regex FloatRegex();

    [GeneratedRegex(
        @"^(?:[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))\z",
        RegexOptions.CultureInvariant
    )]
    private static partial Regex SpecialFloatRegex();

    [GeneratedRegex(
        @"^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]\z",
        RegexOptions.CultureInvariant
    )]
    private static partial Regex DateRegex();

    [GeneratedRegex(
        @"^[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?\z",
        RegexOptions.CultureInvariant
    )]
    private static partial Regex TimestampRegex();

    /// <summary>
    /// The string js-yaml uses when a scalar of this kind is a mapping key (<c>String(value)</c>), so that
    /// <c>1:</c> and <c>"1":</c> collide as they do in LibreChat.
    /// </summary>
    public static string KeyString(string text, YScalarKind kind)
    {
        switch (kind)
        {
            case YScalarKind.Null:
                return "null";
            case YScalarKind.Bool:
                return text.ToLowerInvariant();
            case YScalarKind.Int:
            case YScalarKind.Float:
                var number = ToNumber(text, kind);
                return number is { } n ? FormatJsNumber(n) : text;
            default:
                return text;
        }
    }

    private static double? ToNumber(string text, YScalarKind kind)
    {
        var s = text;
        var sign = 1.0;
        if (s.StartsWith('-') || s.StartsWith('+'))
        {
            sign = s[0] == '-' ? -1 : 1;
            s = s[1..];
        }
        if (kind == YScalarKind.Int)
        {
            if (s.Length > 2 && s[0] == '0' && s[1] is 'x' or 'b' or 'o')
            {
                var radix = s[1] switch
                {
                    'x' => 16,
                    'b' => 2,
                    _ => 8,
                };
                double value = 0;
                foreach (var c in s[2..])
                {
                    value = (value * radix) + Convert.ToInt32(c.ToString(), 16);
                }
                return sign * value;
            }
            return double.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var dec)
                ? sign * dec
                : null;
        }
        return s.ToLowerInvariant() switch
        {
            ".inf" => sign * double.PositiveInfinity,
            ".nan" => double.NaN,
            _ => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var f)
                ? sign * f
                : null,
        };
    }

    private static string FormatJsNumber(double n)
    {
        if (double.IsNaN(n))
        {
            return "NaN";
        }
        if (double.IsInfinity(n))
        {
            return n > 0 ? "Infinity" : "-Infinity";
        }
        return n == Math.Floor(n) && Math.Abs(n) < 1e21
            ? n.ToString("0", CultureInfo.InvariantCulture)
            : n.ToString("R", CultureInfo.InvariantCulture);
    }
}
