using Containment.Core.Diagnostics;
using Containment.Core.Yaml;

namespace Containment.Core.LibreChat;

/// <summary>
/// Reads <c>mcpServers</c> with LibreChat's transport inference (stdio when <c>command</c> is given, ws/wss
/// url -> websocket, other url without <c>type</c> -> sse, <c>streamable-http</c>/<c>http</c> only when explicit)
/// and <c>mcpSettings.allowedDomains</c>. Header and env values, OAuth secrets and API keys are never read.
/// </summary>
internal sealed class McpReader(ReadContext ctx)
{
    public IReadOnlyList<McpServerConfig> ReadServers(YMapping root)
    {
        var servers = ctx.Mapping(root, "mcpServers", "mcpServers");
        var result = new List<McpServerConfig>();
        foreach (var entry in servers?.Entries ?? [])
        {
            if (ReadServer(entry) is { } server)
            {
                result.Add(server);
            }
        }
        return result;
    }

    public IReadOnlyList<ConfigValue<string>> ReadAllowedDomains(YMapping root)
    {
        var settings = ctx.Mapping(root, "mcpSettings", "mcpSettings");
        if (settings is null)
        {
            return [];
        }
        ctx.CheckKeys(settings, "mcpSettings", LibreChatSchemaKeys.McpSettings);
        return ctx.StringList(settings, "allowedDomains", "mcpSettings.allowedDomains");
    }

    private McpServerConfig? ReadServer(YEntry entry)
    {
        var name = entry.Key.Value;
        var path = "mcpServers." + name;
        if (entry.Value is not YMapping map)
        {
            ctx.Report(
                ctx.At(entry.Value)
                    .InvalidMcpServer(
                        path,
                        McpServerProblem.NotMapping,
                        ReadContext.Describe(entry.Value)
                    )
            );
            return null;
        }
        var transport = InferTransport(map, path, entry.Key);
        if (transport is null)
        {
            return null;
        }
        ctx.CheckKeys(
            map,
            path,
            transport switch
            {
                McpTransport.Stdio => LibreChatSchemaKeys.McpStdio,
                McpTransport.WebSocket => LibreChatSchemaKeys.McpWebSocket,
                _ => LibreChatSchemaKeys.McpHttp,
            }
        );
        var location = ctx.Loc(entry.Key, path);
        var startup = ctx.Bool(map, "startup", path + ".startup")?.Value ?? true;
        var requiresOAuth = ctx.Bool(map, "requiresOAuth", path + ".requiresOAuth")?.Value ?? false;
        var oauthUrls = ReadOAuthUrls(map, path);
        if (transport == McpTransport.Stdio)
        {
            var command = ctx.String(map, "command", path + ".command", required: true);
            var args = ctx.StringList(map, "args", path + ".args");
            if (map["args"] is null)
            {
                ctx.Report(
                    ctx.At(entry.Key).InvalidMcpServer(path, McpServerProblem.StdioWithoutArgs, "")
                );
            }
            _ = ctx.RecordKeys(map, "env", path + ".env");
            return new McpServerConfig
            {
                Name = name,
                Location = location,
                Transport = transport.Value,
                Command = command,
                Package = command is null ? null : StdioPackage.Detect(command.Value, args),
                ShellLauncher = command is null
                    ? null
                    : StdioPackage.ShellLauncher(command.Value, args),
                ArgUrls = ReadArgUrls(args),
                OAuthUrls = oauthUrls,
                Startup = startup,
                RequiresOAuth = requiresOAuth,
            };
        }
        var url = McpUrl(map, "url", path + ".url", required: true, owner: entry.Key);
        if (url?.Parts?.Scheme is { } scheme)
        {
            var isWs = scheme is "ws" or "wss";
            if (isWs != (transport == McpTransport.WebSocket))
            {
                ctx.Report(
                    ctx.At(map["url"]!)
                        .InvalidMcpServer(
                            path,
                            transport == McpTransport.WebSocket
                                ? McpServerProblem.WebSocketWithoutWsUrl
                                : McpServerProblem.WebUrlIsWebSocket,
                            TransportName(transport.Value)
                        )
                );
            }
        }
        return new McpServerConfig
        {
            Name = name,
            Location = location,
            Transport = transport.Value,
            Url = url,
            OAuthUrls = oauthUrls,
            HeaderNames =
                transport == McpTransport.WebSocket
                    ? []
                    : ctx.RecordKeys(map, "headers", path + ".headers"),
            Startup = startup,
            RequiresOAuth = requiresOAuth,
        };
    }

    private McpTransport? InferTransport(YMapping map, string path, YScalar key)
    {
        var type = map["type"];
        if (type is not null)
        {
            if (type is not YScalar { IsString: true } t)
            {
                ctx.Report(
                    ctx.At(type)
                        .InvalidMcpServer(
                            path,
                            McpServerProblem.TypeNotString,
                            ReadContext.Describe(type)
                        )
                );
                return null;
            }
            McpTransport? explicitType = t.Value switch
            {
                "stdio" => McpTransport.Stdio,
                "websocket" => McpTransport.WebSocket,
                "sse" => McpTransport.Sse,
                "streamable-http" or "http" => McpTransport.StreamableHttp,
                _ => null,
            };
            if (explicitType is null)
            {
                ctx.Report(
                    ctx.At(type)
                        .InvalidValue(
                            path + ".type",
                            t.Value,
                            ["stdio", "sse", "streamable-http", "http", "websocket"]
                        )
                );
            }
            return explicitType;
        }
        if (map["command"] is not null)
        {
            return McpTransport.Stdio;
        }
        if (map["url"] is YScalar { IsString: true } url)
        {
            var expanded = EnvInterpolation.Expand(url.Value, ctx.Env).Value.TrimStart();
            return
                expanded.StartsWith("ws://", StringComparison.OrdinalIgnoreCase)
                || expanded.StartsWith("wss://", StringComparison.OrdinalIgnoreCase)
                ? McpTransport.WebSocket
                : McpTransport.Sse;
        }
        if (map["url"] is { } badUrl)
        {
            ctx.Report(ctx.At(badUrl).UrlWrongType(path + ".url", ReadContext.Describe(badUrl)));
            return null;
        }
        ctx.Report(ctx.At(key).InvalidMcpServer(path, McpServerProblem.NoCommandOrUrl, ""));
        return null;
    }

    private List<UrlValue> ReadOAuthUrls(YMapping map, string path)
    {
        var urls = new List<UrlValue>();
        var oauth = ctx.Mapping(map, "oauth", path + ".oauth");
        if (oauth is null)
        {
            return urls;
        }
        foreach (var field in LibreChatSchemaKeys.OAuthUrlFields)
        {
            if (McpUrl(oauth, field, $"{path}.oauth.{field}") is { } url)
            {
                urls.Add(url);
            }
        }
        return urls;
    }

    /// <summary>
    /// An MCP URL field. LibreChat fills <c>{{var}}</c> per user when it connects (<see cref="McpUserPlaceholders"/>):
    /// in the path or query that leaves the host as written; in the host it makes the host a run-time one
    /// (<see cref="UrlState.PerUser"/>), which only the stack's <c>mcpHosts</c> pin can allow.
    /// </summary>
    private UrlValue? McpUrl(
        YMapping map,
        string key,
        string path,
        bool required = false,
        YNode? owner = null
    )
    {
        if (
            map[key] is not YScalar { IsString: true } node
            || !McpUserPlaceholders.Contains(node.Value)
        )
        {
            return ctx.Url(map, key, path, UrlInterpolation.Env, required, owner);
        }
        var text = node.Value;
        var names = McpUserPlaceholders.NamesIn(text);
        var deciding = UrlTemplate.UserPlaceholdersDecidingHost(text);
        if (deciding.Count == 0)
        {
            ctx.Report(ctx.At(node).UserVariableOutsideHost(path, names));
            return ctx.UrlFromText(
                McpUserPlaceholders.ReplaceEach(text, _ => "x"),
                node,
                path,
                UrlInterpolation.Env
            );
        }
        // Only the port survives from a URL whose host is chosen per user: pinned hosts are allowed on it.
        var neutral = EnvInterpolation.ReplaceEach(
            McpUserPlaceholders.ReplaceEach(text, _ => "x"),
            _ => "x"
        );
        return new UrlValue(
            UrlState.PerUser,
            null,
            ctx.Loc(node, path),
            [.. deciding.Order(StringComparer.Ordinal)]
        )
        {
            PerUserPort = Net.UrlParts.TryParse(neutral)?.EffectivePort,
        };
    }

    private List<UrlValue> ReadArgUrls(IReadOnlyList<ConfigValue<string>> args)
    {
        var urls = new List<UrlValue>();
        foreach (var arg in args)
        {
            var start = FindUrlStart(arg.Value);
            if (start < 0)
            {
                continue;
            }
            var node = new YScalar(
                arg.Value,
                YScalarKind.String,
                arg.Location.Line,
                arg.Location.Column
            );
            urls.Add(
                ctx.UrlFromText(arg.Value[start..], node, arg.Location.Path, UrlInterpolation.Env)
            );
        }
        return urls;
    }

    /// <summary>Where an http(s)/ws(s) URL starts inside an argument (<c>--url=https://...</c> included), or -1.</summary>
    private static int FindUrlStart(string arg)
    {
        foreach (var scheme in (string[])["https://", "http://", "wss://", "ws://"])
        {
            var i = arg.IndexOf(scheme, StringComparison.OrdinalIgnoreCase);
            if (i >= 0 && (i == 0 || !char.IsAsciiLetter(arg[i - 1])))
            {
                return i;
            }
        }
        return -1;
    }

    private static string TransportName(McpTransport transport) =>
        transport switch
        {
            McpTransport.Sse => "sse",
            McpTransport.StreamableHttp => "streamable-http",
            McpTransport.WebSocket => "websocket",
            _ => "stdio",
        };
}
