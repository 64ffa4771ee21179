namespace Containment.Core.Diagnostics;

/// <summary>Issue 12's last pieces: the chart's image registries, unset variables that decide egress.</summary>
public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticDescriptor ImageRegistryNotAHost = new(
        "CT2350",
        Severity.Error,
        "Image registry is not a registry host",
        "A chart image registry is written host[:port] with an optional repository prefix (registry.example.com, registry.example.com:5000/team), without a scheme; kubelet pulls from https://host[:port]. No registry host is allowed for this value."
    );

    public static readonly DiagnosticDescriptor ChartImageRegistry = new(
        "CT2351",
        Severity.Info,
        "The chart's values pull images from another registry",
        "The Helm values name the registry an image is pulled from, so the nodes' registries WebGroup allows that host instead of the chart's public registry for those images."
    );

    public static readonly DiagnosticDescriptor LoginNotRegistered = new(
        "CT3230",
        Severity.Warning,
        "A login is only partly configured",
        "LibreChat registers a login only when every variable it needs is set (api/server/socialLogins.js); with some of them missing it registers nothing and the policy allows nothing for it. Set the missing variables (under 'env', 'secretEnv', --env-file or the chart's values), or remove the ones that are set."
    );
}

public sealed partial class DiagnosticBuilder
{
    /// <param name="key">The values key (<c>image.registry</c>); the value itself is not repeated.</param>
    public Diagnostic ImageRegistryNotAHost(string key) =>
        Make(
            DiagnosticCatalog.ImageRegistryNotAHost,
            $"{key} is not host[:port][/prefix] (a registry has no scheme); no registry host is allowed for it"
        );

    /// <param name="key">The values key (<c>global.imageRegistry</c>).</param>
    /// <param name="images">Which images it covers.</param>
    /// <param name="replaces">What it replaces in the registries WebGroup.</param>
    public Diagnostic ChartImageRegistry(string key, string images, string replaces) =>
        Make(
            DiagnosticCatalog.ChartImageRegistry,
            $"{key} is where the nodes pull {images}: its host replaces {replaces} in the registries WebGroup"
        );

    /// <param name="login">The login's id (<c>login-openid</c>).</param>
    /// <param name="set">The variables that are set (names only).</param>
    /// <param name="missing">The variables LibreChat also needs.</param>
    public Diagnostic LoginNotRegistered(
        string login,
        IReadOnlyList<string> set,
        IReadOnlyList<string> missing
    ) =>
        Make(
            DiagnosticCatalog.LoginNotRegistered,
            $"{login}: {string.Join(", ", set)} set but {string.Join(", ", missing)} unset, so LibreChat does not register this login and nothing is allowed for it"
        );
}
