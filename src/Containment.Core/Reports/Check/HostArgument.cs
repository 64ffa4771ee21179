using Containment.Core.Net;

namespace Containment.Core.Reports;

/// <summary>
/// The <c>HOST</c> of <c>containment check HOST</c>, normalised the way WebGroups see it: a bare, lower-case host
/// name. People paste URLs, so a scheme, path, query or user info is dropped with a note; those parts are never
/// echoed (a query or user info can hold a token).
/// </summary>
public sealed record HostArgument(
    string? Host,
    int Port,
    IReadOnlyList<string> Notes,
    string? Error
)
{
    public const int DefaultPort = 443;

    public bool IsValid => Error is null;

    /// <param name="raw">The argument as typed.</param>
    /// <param name="portOption">The <c>--port</c> value, when given: it wins over a port in the URL.</param>
    public static HostArgument Parse(string? raw, int? portOption = null)
    {
        if (portOption is { } p && p is < 1 or > 65535)
        {
            return Fail($"--port {PolicyText.Number(p)} is not a TCP port: use 1 to 65535.");
        }
        if (string.IsNullOrWhiteSpace(raw))
        {
            return Fail("HOST is empty: give a host name such as api.openai.com.");
        }
        var parts = UrlParts.TryParse(raw);
        if (parts is null)
        {
            return Fail("HOST has no host name in it: give a host name such as api.openai.com.");
        }
        var notes = new List<string>();
        var text = raw.Trim();
        var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        if (parts.Scheme is { } scheme)
        {
            notes.Add($"Ignored the scheme \"{scheme}://\": check takes a host name.");
            text = text[(schemeEnd + 3)..];
        }
        var authorityEnd = text.IndexOfAny(['/', '?', '#']);
        var authority = authorityEnd >= 0 ? text[..authorityEnd] : text;
        if (authority.Contains('@', StringComparison.Ordinal))
        {
            notes.Add("Ignored the user info before '@' (it is never printed).");
        }
        if (authorityEnd >= 0 && text[authorityEnd..] != "/")
        {
            notes.Add("Ignored the path and query: WebGroups match host names (SNI), not URLs.");
        }
        var host = HostName.Normalize(parts.Host);
        if (host is null || HostName.Classify(host) == HostKind.Invalid)
        {
            return Fail($"\"{parts.Host}\" is not a valid host name.");
        }
        if (HostName.IsWildcard(host))
        {
            return Fail(
                $"\"{host}\" is a wildcard pattern: check takes one concrete host, e.g. {host[2..]} or a.{host[2..]}."
            );
        }
        var typedHost = authority[(authority.LastIndexOf('@') + 1)..];
        if (
            parts.Port is null
            && !string.Equals(typedHost, host, StringComparison.Ordinal)
            && typedHost.TrimEnd('.').Length > 0
        )
        {
            notes.Add($"Checking the normal form {host} (lower case, punycode, no trailing dot).");
        }
        var port =
            portOption ?? parts.Port ?? (parts.Scheme is null ? DefaultPort : parts.EffectivePort);
        if (portOption is { } option && parts.Port is { } urlPort && option != urlPort)
        {
            notes.Add(
                $"--port {PolicyText.Number(option)} overrides port {PolicyText.Number(urlPort)} in HOST."
            );
        }
        else if (portOption is null && parts.Port is { } fromUrl)
        {
            notes.Add($"Using port {PolicyText.Number(fromUrl)} from HOST.");
        }
        else if (portOption is null && parts.Scheme is not null && port != DefaultPort)
        {
            notes.Add($"Using port {PolicyText.Number(port)}, the {parts.Scheme} default.");
        }
        switch (HostName.Classify(host))
        {
            case HostKind.InCluster:
                notes.Add(
                    $"{host} is an in-cluster name: that traffic stays in the cluster and never reaches a WebGroup."
                );
                break;
            case HostKind.Loopback:
                notes.Add($"{host} is a loopback name: it never leaves the pod or node.");
                break;
            case HostKind.PrivateAddress:
                notes.Add($"{host} is a private address: not internet egress.");
                break;
            case HostKind.PublicAddress:
                notes.Add(
                    $"{host} is an IP address: WebGroups match names (SNI), so no WebGroup can permit it."
                );
                break;
        }
        return new HostArgument(host, port, notes, null);
    }

    private static HostArgument Fail(string error) => new(null, DefaultPort, [], error);
}
