using System.Globalization;
using System.Text.RegularExpressions;

namespace Containment.Core.Targets.Aviatrix;

/// <summary>
/// The provider's rules for one argument's value, shared by the Pulumi program check and the Terraform JSON check so the
/// two targets accept exactly the same values. Each check returns why a value is rejected (no path, no full stop), or
/// nothing; callers add the path of their own document.
/// </summary>
public static class AviatrixArgumentRules
{
    /// <summary>True when the argument exists in <paramref name="provider"/>; arguments the facts do not gate always do.</summary>
    public static bool IsAvailableIn(this AviatrixArgument argument, Version provider)
    {
        ArgumentNullException.ThrowIfNull(argument);
        return argument.SinceTag is null || (argument.Since is { } since && since <= provider);
    }

    /// <summary>
    /// Whether a program may set the argument at all under the pinned <paramref name="provider"/>: not when the provider
    /// computes it, not when the pinned release lacks it. Both reasons can apply.
    /// </summary>
    public static IEnumerable<string> CheckSettable(AviatrixArgument argument, Version provider)
    {
        ArgumentNullException.ThrowIfNull(argument);
        if (argument.IsOutputOnly)
        {
            yield return $"'{argument.TerraformName}' is computed by the provider and cannot be set";
        }

        if (!argument.IsAvailableIn(provider))
        {
            yield return argument.Since is null
                ? $"'{argument.TerraformName}' is not in any released provider version"
                : $"'{argument.TerraformName}' needs provider {argument.Since}, pinned {provider}";
        }
    }

    /// <summary>A block list against the provider's <c>MaxItems</c>.</summary>
    public static string? CheckItemCount(AviatrixArgument argument, int count)
    {
        ArgumentNullException.ThrowIfNull(argument);
        return argument.MaxItems is { } max && count > max
            ? string.Create(
                CultureInfo.InvariantCulture,
                $"{count} items, the provider allows {max}"
            )
            : null;
    }

    /// <summary>A literal string against the provider's <c>StringInSlice</c> and plan-time pattern.</summary>
    public static IEnumerable<string> CheckText(AviatrixArgument argument, string text)
    {
        ArgumentNullException.ThrowIfNull(argument);
        var comparer = argument.IgnoreCase
            ? StringComparer.OrdinalIgnoreCase
            : StringComparer.Ordinal;
        if (argument.Allowed.Count > 0 && !argument.Allowed.Contains(text, comparer))
        {
            yield return $"'{text}' is not one of {string.Join(", ", argument.Allowed)}";
        }

        if (argument.Pattern is { } pattern && !MatchesGoPattern(text, pattern))
        {
            yield return $"'{text}' does not match {pattern}";
        }
    }

    /// <summary>An integer against the provider's <c>IntAtLeast</c>.</summary>
    public static string? CheckInteger(AviatrixArgument argument, long value)
    {
        ArgumentNullException.ThrowIfNull(argument);
        return argument.Min is { } min && value < min
            ? string.Create(CultureInfo.InvariantCulture, $"{value} is below the minimum {min}")
            : null;
    }

    /// <summary>
    /// The facts hold Go (RE2) patterns, where a final <c>$</c> is the end of text; in .NET it also matches before a final
    /// "\n", so "librechat\n" would pass a k8s-name pattern the provider rejects. Anchor on <c>\z</c> instead.
    /// </summary>
    private static bool MatchesGoPattern(string text, string pattern) =>
        Regex.IsMatch(
            text,
            pattern.EndsWith('$') ? pattern[..^1] + @"\z" : pattern,
            RegexOptions.CultureInvariant,
            TimeSpan.FromSeconds(1)
        );
}
