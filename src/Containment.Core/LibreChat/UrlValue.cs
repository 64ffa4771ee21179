using Containment.Core.Net;

namespace Containment.Core.LibreChat;

/// <summary>How a URL-bearing field resolved.</summary>
public enum UrlState
{
    /// <summary>A concrete URL (literal, or every <c>${VAR}</c> in it was resolved).</summary>
    Resolved,

    /// <summary>One or more <c>${VAR}</c> had no value: the host is unknown at build time.</summary>
    Unresolved,

    /// <summary>The literal <c>user_provided</c>: each user supplies the URL at run time.</summary>
    UserProvided,

    /// <summary>The value is not a URL a client could connect to (no host, wrong type).</summary>
    Invalid,

    /// <summary>An MCP <c>{{var}}</c> in the host: LibreChat fills it per user when it connects.</summary>
    PerUser,
}

/// <summary>
/// A URL-bearing config field, reduced to what network policy needs. Only scheme, host and port are kept:
/// userinfo, paths and query strings never leave the reader, because that is where tokens hide.
/// </summary>
public sealed record UrlValue(
    UrlState State,
    UrlParts? Parts,
    ConfigLocation Location,
    IReadOnlyList<string> UnresolvedVariables
)
{
    public string? Host => Parts?.Host;

    /// <summary>For <see cref="UrlState.PerUser"/>: the port the URL names (or its scheme's), which pinned hosts take.</summary>
    public int? PerUserPort { get; init; }
}
