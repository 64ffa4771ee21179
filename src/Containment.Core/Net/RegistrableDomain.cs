namespace Containment.Core.Net;

/// <summary>
/// The registrable part of a host (<c>openai.com</c> of <c>api.openai.com</c>, <c>example.co.uk</c> of
/// <c>www.example.co.uk</c>, <c>me.github.io</c> of <c>www.me.github.io</c>), from the shipped
/// <see cref="PublicSuffixList"/>. Used for hints (a typo in the domain a host belongs to vs a different
/// subdomain of it) and, through the list, for the wildcard rule of the host gate.
/// </summary>
public static class RegistrableDomain
{
    /// <summary>Splits <paramref name="host"/> into its subdomain prefix (maybe empty) and registrable domain.</summary>
    public static (string Prefix, string Domain) Split(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var domain = PublicSuffixList.Shipped.RegistrableDomainOf(host);
        if (domain is null || domain.Length == host.Length)
        {
            return ("", host);
        }
        return (host[..(host.Length - domain.Length - 1)], domain);
    }

    /// <summary>The host without its first label (<c>openai.com</c> for <c>api.openai.com</c>); null for a single label.</summary>
    public static string? Parent(string host)
    {
        var dot = host.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? null : host[(dot + 1)..];
    }
}
