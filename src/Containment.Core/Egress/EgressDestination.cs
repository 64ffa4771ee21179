using Containment.Core.Model;
using Containment.Core.Net;
using Containment.Core.Policy;

namespace Containment.Core.Egress;

/// <summary>
/// One outbound destination the config implies. <see cref="Host"/> is normalised (lower case, punycode,
/// no scheme, port or path) and may be a leading <c>*.</c> wildcard or hold a lookup token. In-cluster,
/// loopback and private destinations are kept (with their <see cref="Kind"/>) so reports show them, but
/// they never reach an internet WebGroup.
/// </summary>
public sealed record EgressDestination(
    string Host,
    int Port,
    EgressPurpose Purpose,
    SmartGroupRole Workload,
    HostKind Kind,
    IReadOnlyList<Provenance> Sources,
    string? McpServer = null
)
{
    public bool IsInternet => Kind == HostKind.Public;
}

/// <summary>Everything the config implies, in a stable order.</summary>
public sealed record EgressInventory(IReadOnlyList<EgressDestination> Destinations)
{
    public IEnumerable<EgressDestination> Internet => Destinations.Where(d => d.IsInternet);

    public IEnumerable<EgressDestination> InCluster => Destinations.Where(d => !d.IsInternet);
}
