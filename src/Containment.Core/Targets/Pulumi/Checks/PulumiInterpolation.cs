namespace Containment.Core.Targets.Pulumi.Checks;

/// <summary>One <c>${...}</c> property access found in a string: its root name and the accessors after it.</summary>
public sealed record PropertyAccess(string Root, IReadOnlyList<string> Accessors)
{
    public string Expression =>
        Accessors.Count == 0 ? Root : $"{Root}.{string.Join('.', Accessors)}";
}

/// <summary>
/// Reads the <c>${...}</c> references out of a string the way Pulumi YAML does, so the checker sees exactly the
/// names Pulumi will look up. Port of pulumi/pulumi-yaml v1.38.1 (36f271c) <c>pkg/pulumiyaml/ast/interpolation.go</c>
/// <c>parseInterpolate</c> (<c>$$</c> is a literal <c>$</c> everywhere) and <c>ast/property.go</c>
/// <c>parsePropertyAccess</c> (names end at <c>.</c>, <c>[</c> or <c>}</c>; <c>["key"]</c> knows only the <c>\"</c>
/// escape; a numeric index may not be the root).
/// </summary>
public static class PulumiInterpolation
{
    /// <summary>The references in <paramref name="value"/>, or an error text when Pulumi would refuse the string.</summary>
    public static (IReadOnlyList<PropertyAccess> References, string? Error) Parse(string value)
    {
        var references = new List<PropertyAccess>();
        var i = 0;
        while (i < value.Length)
        {
            if (string.CompareOrdinal(value, i, "$$", 0, 2) == 0)
            {
                i += 2;
            }
            else if (string.CompareOrdinal(value, i, "${", 0, 2) == 0)
            {
                var (access, next, error) = ParseAccess(value, i + 2);
                if (error is not null)
                {
                    return (references, error);
                }

                references.Add(access!);
                i = next;
            }
            else
            {
                i++;
            }
        }

        return (references, null);
    }

    private static (PropertyAccess? Access, int Next, string? Error) ParseAccess(
        string value,
        int i
    )
    {
        var accessors = new List<string>();
        while (i < value.Length)
        {
            switch (value[i])
            {
                case '}':
                    return accessors.Count == 0
                        ? (null, i, "empty interpolation ${}")
                        : (new PropertyAccess(accessors[0], accessors[1..]), i + 1, null);
                case '.':
                    i++;
                    break;
                case '[':
                    var (key, next, error) = ParseSubscript(value, i, accessors.Count == 0);
                    if (error is not null)
                    {
                        return (null, i, error);
                    }

                    accessors.Add(key!);
                    i = next;
                    break;
                default:
                    var end = i;
                    while (end < value.Length && value[end] is not ('.' or '[' or '}'))
                    {
                        end++;
                    }

                    accessors.Add(value[i..end]);
                    i = end;
                    break;
            }
        }

        return (null, i, "unterminated interpolation");
    }

    private static (string? Key, int Next, string? Error) ParseSubscript(
        string value,
        int i,
        bool isRoot
    )
    {
        if (i + 1 < value.Length && value[i + 1] == '"')
        {
            var key = new System.Text.StringBuilder();
            var j = i + 2;
            while (true)
            {
                if (j >= value.Length)
                {
                    return (null, j, "missing closing quote in property name");
                }

                if (value[j] == '"')
                {
                    j++;
                    break;
                }

                if (value[j] == '\\' && j + 1 < value.Length && value[j + 1] == '"')
                {
                    key.Append('"');
                    j += 2;
                    continue;
                }

                key.Append(value[j]);
                j++;
            }

            return j < value.Length && value[j] == ']'
                ? (key.ToString(), j + 1, null)
                : (null, j, "missing closing bracket in property access");
        }

        var close = value.IndexOf(']', i);
        if (close < 0)
        {
            return (null, i, "missing closing bracket in list index");
        }

        var index = value[(i + 1)..close];
        if (
            !long.TryParse(
                index,
                System.Globalization.NumberStyles.AllowLeadingSign,
                System.Globalization.CultureInfo.InvariantCulture,
                out _
            )
        )
        {
            return (null, i, "invalid list index");
        }

        return isRoot
            ? (null, i, "the root property must be a string subscript or a name")
            : (index, close + 1, null);
    }
}
