namespace Containment.Core.Reports;

/// <summary>
/// The registrable part of a host (<c>openai.com</c> of <c>api.openai.com</c>, <c>example.co.uk</c> of
/// <c>www.example.co.uk</c>). An approximation of the Public Suffix List, which is not served here: the last two
/// labels, or three under the common two-level country suffixes. Good enough to tell a typo in the domain a
/// host belongs to from a different subdomain of it.
/// </summary>
public static class RegistrableDomain
{
    private static readonly HashSet<string> SecondLevels = new(StringComparer.Ordinal) { "ac", "co", "com", "edu", "gov", "ltd", "ne", "net", "or", "org" };

    /// <summary>Splits <paramref name="host"/> into its subdomain prefix (maybe empty) and registrable domain.</summary>
    public static (string Prefix, string Domain) Split(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var labels = host.Split('.');
        var count = labels.Length >= 3 && labels[^1].Length == 2 && SecondLevels.Contains(labels[^2]) ? 3 : 2;
        if (labels.Length <= count)
        {
            return ("", host);
        }
        return (string.Join('.', labels[..^count]), string.Join('.', labels[^count..]));
    }

    /// <summary>The host without its first label (<c>openai.com</c> for <c>api.openai.com</c>); null for a single label.</summary>
    public static string? Parent(string host)
    {
        var dot = host.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? null : host[(dot + 1)..];
    }
}
