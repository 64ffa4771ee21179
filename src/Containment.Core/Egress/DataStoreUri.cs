namespace Containment.Core.Egress;

/// <summary>One host of a data store connection string, and whether it is a DNS SRV seed.</summary>
public sealed record DataStoreHost(string Host, int Port, bool Srv);

/// <summary>
/// The hosts of a MongoDB or Redis connection string (<c>mongodb://u:p@h1:27017,h2/db</c>, <c>mongodb+srv://u:p@c0.x.mongodb.net</c>,
/// <c>rediss://:p@h:6380</c>). Userinfo is cut off first and never kept: these URIs carry passwords.
/// </summary>
public static class DataStoreUri
{
    /// <summary>The hosts, or null when the text is not a connection string of that shape.</summary>
    public static IReadOnlyList<DataStoreHost>? Hosts(string uri, int defaultPort)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var text = uri.Trim();
        var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0)
        {
            return null;
        }
        // MongoDB's "+srv" form: the driver looks up _mongodb._tcp.<host> and connects to the hosts it names.
        var srv = text[..schemeEnd].EndsWith("+srv", StringComparison.OrdinalIgnoreCase);
        var rest = text[(schemeEnd + 3)..];
        var end = rest.IndexOfAny(['/', '?', '#']);
        var authority = end < 0 ? rest : rest[..end];
        var at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            authority = authority[(at + 1)..];
        }
        var hosts = new List<DataStoreHost>();
        foreach (
            var part in authority.Split(
                ',',
                StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries
            )
        )
        {
            var colon = part.LastIndexOf(':');
            var host = colon < 0 || part.StartsWith('[') ? part : part[..colon];
            var port = defaultPort;
            if (
                colon >= 0
                && !part.StartsWith('[')
                && !int.TryParse(
                    part[(colon + 1)..],
                    System.Globalization.NumberStyles.None,
                    System.Globalization.CultureInfo.InvariantCulture,
                    out port
                )
            )
            {
                return null;
            }
            if (host.Length == 0)
            {
                return null;
            }
            hosts.Add(new DataStoreHost(host.ToLowerInvariant(), port, srv));
        }
        return hosts.Count == 0 ? null : hosts;
    }
}
