using Containment.Core.Diagnostics;
using Containment.Core.LibreChat;
using Containment.Core.Model;
using Containment.Core.Policy;

namespace Containment.Core.Egress;

/// <summary>MCP servers: remote hosts, stdio launchers' package registries, OAuth endpoints, the Obot gateway.</summary>
public sealed partial class EgressInventoryBuilder
{
    /// <summary>The MCP server name the Obot gateway's destination is filed under.</summary>
    public const string ObotServerName = "gateway";

    private void AddMcpServers()
    {
        var obot = _settings.McpPlatform == McpPlatform.Obot;
        foreach (var server in _config.McpServers)
        {
            if (server.Transport == McpTransport.Stdio)
            {
                AddStdioServer(server);
            }
            else if (obot)
            {
                _diagnostics.Add(
                    DiagnosticBuilder.At(server.Location.Span).ObotRoutesMcp(server.Name)
                );
            }
            else
            {
                AddRemoteServer(server);
            }
        }
        if (obot)
        {
            AddObotGateway();
        }
        ReportUnusedMcpHostPins(obot);
    }

    private void AddRemoteServer(McpServerConfig server)
    {
        var what = $"mcpServers.{server.Name}";
        if (server.Url is null)
        {
            _diagnostics.Add(
                DiagnosticBuilder
                    .At(server.Location.Span)
                    .NoHost($"{what} ({server.Transport})", "'url'")
            );
            return;
        }
        AddUrl(server.Url, EgressPurpose.Mcp, what + " url", server.Name);
        foreach (var oauth in server.OAuthUrls)
        {
            AddUrl(oauth, EgressPurpose.Mcp, what + " oauth", server.Name);
        }
        var perUser = server.OAuthUrls.Prepend(server.Url).Where(u => u.State == UrlState.PerUser);
        foreach (var url in perUser)
        {
            AddPinnedHosts(server, url, what);
        }
        if (server.RequiresOAuth && server.OAuthUrls.Count == 0)
        {
            _diagnostics.Add(DiagnosticBuilder.At(server.Location.Span).McpOAuthDiscovery(what));
        }
    }

    /// <summary>
    /// A URL whose host LibreChat fills per user (<c>{{var}}</c>): only hosts pinned under
    /// <c>containment:mcpHosts.&lt;server&gt;</c> are allowed, each through the same gate as extraDestinations, in the
    /// server's own WebGroup. Without a pin the server has no host, which follows the mode like any unknown host.
    /// </summary>
    private void AddPinnedHosts(McpServerConfig server, UrlValue url, string what)
    {
        var pins = _settings.McpHosts.Where(p => p.Server == server.Name).ToList();
        if (pins.Count == 0)
        {
            _diagnostics.Add(
                DiagnosticBuilder
                    .At(url.Location.Span)
                    .McpRunTimeHost(url.Location.Path, url.UnresolvedVariables, server.Name) with
                {
                    Severity = UnknownHostSeverity,
                }
            );
            return;
        }
        foreach (var pin in pins)
        {
            AddPattern(
                pin.Host,
                url.PerUserPort ?? 443,
                EgressPurpose.Mcp,
                [
                    Prov(url.Location),
                    new SettingProvenance($"mcpHosts.{server.Name}", null, pin.At),
                ],
                pin.At ?? SettingsSpan,
                $"mcpHosts.{server.Name} '{pin.Host}'",
                fromCatalogue: false,
                mcpServer: server.Name
            );
        }
    }

    /// <summary>A pin for a server that is not in librechat.yaml, or whose host is known, would allow a host nothing uses.</summary>
    private void ReportUnusedMcpHostPins(bool obot)
    {
        var perUserServers = obot
            ? []
            : _config
                .McpServers.Where(s =>
                    s.OAuthUrls.Prepend(s.Url).Any(u => u?.State == UrlState.PerUser)
                )
                .Select(s => s.Name)
                .ToHashSet(StringComparer.Ordinal);
        foreach (
            var server in _settings.McpHosts.Select(p => p.Server).Distinct(StringComparer.Ordinal)
        )
        {
            if (perUserServers.Contains(server))
            {
                continue;
            }
            var at = _settings.McpHosts.First(p => p.Server == server).At ?? SettingsSpan;
            _diagnostics.Add(DiagnosticBuilder.At(at).UnusedMcpHostPin(server, obot));
        }
    }

    private void AddStdioServer(McpServerConfig server)
    {
        var what = $"mcpServers.{server.Name}";
        if (server.Command is not { } command || string.IsNullOrWhiteSpace(command.Value))
        {
            _diagnostics.Add(
                DiagnosticBuilder.At(server.Location.Span).NoHost($"{what} (stdio)", "'command'")
            );
            return;
        }
        _diagnostics.Add(
            DiagnosticBuilder
                .At(server.Location.Span)
                .StdioSharesPodIdentity(what, LauncherName(command.Value))
        );
        // A shell wrapper runs the launcher its script names (sh -c "npx ..."): that launcher's registry applies.
        var launcher = server.ShellLauncher is { Length: > 0 } inner
            ? inner
            : LauncherName(command.Value);
        if (server.ShellLauncher is "")
        {
            _diagnostics.Add(
                DiagnosticBuilder
                    .At(command.Location.Span)
                    .StdioUnknownDownloads(what, LauncherName(command.Value), script: true)
            );
        }
        var registry = launcher switch
        {
            "npx" or "npm" or "bunx" or "pnpm" or "yarn" => "npm",
            "uvx" or "uv" or "pip" or "pip3" or "pipx" => "pypi",
            _ => null,
        };
        var trigger = Prov(command.Location);
        if (registry is not null)
        {
            AddCatalogEntry(
                Providers,
                registry,
                EgressPurpose.Mcp,
                trigger,
                command.Location.Span,
                what,
                mcpServer: server.Name
            );
        }
        if (
            registry == "npm"
            && server.Package is { } package
            && StdioPackage.GitHostEntry(package.Value) is { } gitHost
        )
        {
            // npx github:owner/repo downloads from the git host, not (only) the registry.
            AddCatalogEntry(
                Providers,
                gitHost,
                EgressPurpose.Mcp,
                Prov(package.Location),
                package.Location.Span,
                what,
                mcpServer: server.Name
            );
        }
        foreach (var url in server.ArgUrls)
        {
            AddUrl(url, EgressPurpose.Mcp, what + " args", server.Name);
        }
        if (registry is null && server.ArgUrls.Count == 0 && server.ShellLauncher is null)
        {
            _diagnostics.Add(
                DiagnosticBuilder
                    .At(command.Location.Span)
                    .StdioUnknownDownloads(what, LauncherName(command.Value), script: false)
            );
        }
    }

    private void AddObotGateway()
    {
        if (string.IsNullOrWhiteSpace(_settings.ObotEndpoint))
        {
            return; // PolicyBuilder reports the missing endpoint against the settings.
        }
        var parts = Net.UrlParts.TryParse(_settings.ObotEndpoint);
        if (parts is null)
        {
            return;
        }
        AddHost(
            parts.Host,
            parts.EffectivePort,
            EgressPurpose.Mcp,
            [new SettingProvenance("obotEndpoint")],
            SettingsSpan,
            "obotEndpoint",
            ObotServerName
        );
    }

    /// <summary>The executable's name without directory or Windows suffix: <c>/usr/bin/npx.cmd</c> is <c>npx</c>.</summary>
    private static string LauncherName(string command)
    {
        var name =
            command.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
        name = name[(name.LastIndexOfAny(['/', '\\']) + 1)..].ToLowerInvariant();
        foreach (var suffix in new[] { ".cmd", ".exe" })
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal))
            {
                name = name[..^suffix.Length];
            }
        }
        return name;
    }
}
