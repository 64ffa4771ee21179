namespace Containment.Core.Net;

/// <summary>Where a destination host lives, which decides whether it can ever be internet egress.</summary>
public enum HostKind
{
    /// <summary>A public DNS name: internet egress, goes into a WebGroup.</summary>
    Public,

    /// <summary>A name only the cluster resolves: no dot, <c>*.svc</c>, <c>*.svc.cluster.local</c>, <c>*.cluster.local</c>.</summary>
    InCluster,

    /// <summary>localhost, loopback IPs, <c>host.docker.internal</c>: never leaves the pod or node.</summary>
    Loopback,

    /// <summary>RFC 1918, link-local, unique-local, CGNAT IP literals: private network, not internet.</summary>
    PrivateAddress,

    /// <summary>A public IP literal: WebGroups match names (SNI), not IPs, so it cannot be expressed there.</summary>
    PublicAddress,

    /// <summary>Not a usable host at all (empty, illegal characters, unresolved <c>${VAR}</c>).</summary>
    Invalid,
}
