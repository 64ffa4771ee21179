using System.Text.RegularExpressions;

namespace Containment.Core.Policy;

/// <summary>The name rules Kubernetes and the Aviatrix API enforce on namespaces, labels and group names.</summary>
public static partial class KubernetesNames
{
    /// <summary>DNS-1123 label: what Aviatrix checks on k8s_namespace, k8s_pod and k8s_service (dns1123FmtRe).</summary>
    public static bool IsDns1123Label(string? s) =>
        s is { Length: > 0 and <= 63 } && Dns1123LabelRegex().IsMatch(s);

    public static bool IsDns1123Subdomain(string? s) =>
        s is { Length: > 0 and <= 253 } && s.Split('.').All(IsDns1123Label);

    /// <summary>Label key: optional DNS-1123 subdomain prefix and '/', then a name of at most 63 characters.</summary>
    public static bool IsLabelKey(string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return false;
        }
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            return IsDns1123Subdomain(key[..slash]) && IsLabelName(key[(slash + 1)..]);
        }
        return IsLabelName(key);
    }

    public static bool IsLabelValue(string? value) =>
        value is not null && (value.Length == 0 || IsLabelName(value));

    private static bool IsLabelName(string s) =>
        s.Length is > 0 and <= 63 && LabelNameRegex().IsMatch(s);

    /// <summary>
    /// A DNS-1123 label for an arbitrary name: lower-cased, other characters to '-', runs collapsed, trimmed,
    /// cut to <paramref name="maxLength"/>. Null when nothing usable is left.
    /// </summary>
    public static string? Sanitize(string name, int maxLength)
    {
        var chars = name.ToLowerInvariant()
            .Select(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) ? c : '-')
            .ToArray();
        var s = CollapseRegex().Replace(new string(chars), "-").Trim('-');
        if (s.Length > maxLength)
        {
            s = s[..maxLength].TrimEnd('-');
        }
        return s.Length == 0 ? null : s;
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Dns1123LabelRegex();

    [GeneratedRegex("^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$")]
    private static partial Regex LabelNameRegex();

    [GeneratedRegex("-+")]
    private static partial Regex CollapseRegex();
}
