using Containment.Core.Diagnostics;
using Containment.Core.Model;
using Containment.Core.Yaml;

namespace Containment.Core.LibreChat;

/// <summary>Reads <c>endpoints</c>: built-ins, azureOpenAI groups, bedrock regions, custom[] and allowedAddresses.</summary>
internal sealed class EndpointsReader(ReadContext ctx)
{
    private static readonly (
        string Key,
        BuiltInEndpointKind Kind,
        Func<IReadOnlySet<string>> Keys
    )[] BuiltIns =
    [
        ("openAI", BuiltInEndpointKind.OpenAI, () => LibreChatSchemaKeys.OpenAI),
        ("anthropic", BuiltInEndpointKind.Anthropic, () => LibreChatSchemaKeys.Anthropic),
        ("google", BuiltInEndpointKind.Google, () => LibreChatSchemaKeys.Google),
        ("assistants", BuiltInEndpointKind.Assistants, () => LibreChatSchemaKeys.Assistants),
        (
            "azureAssistants",
            BuiltInEndpointKind.AzureAssistants,
            () => LibreChatSchemaKeys.AzureAssistants
        ),
        ("agents", BuiltInEndpointKind.Agents, () => LibreChatSchemaKeys.Agents),
    ];

    public EndpointsConfig Read(YMapping root)
    {
        var endpoints = ctx.Mapping(root, "endpoints", "endpoints");
        if (endpoints is null)
        {
            return new EndpointsConfig();
        }
        foreach (var entry in endpoints.Entries)
        {
            if (!LibreChatSchemaKeys.Endpoints.Contains(entry.Key.Value))
            {
                ctx.Report(ctx.At(entry.Key).UnknownEndpointsKey(entry.Key.Value));
            }
        }
        var builtIns = new List<BuiltInEndpointConfig>();
        foreach (var (key, kind, keys) in BuiltIns)
        {
            if (ReadBuiltIn(endpoints, key, kind, keys()) is { } builtIn)
            {
                builtIns.Add(builtIn);
            }
        }
        return new EndpointsConfig
        {
            BuiltIns = builtIns,
            AzureOpenAI = ReadAzure(endpoints),
            Bedrock = ReadBedrock(endpoints),
            Custom = ReadCustom(endpoints),
            AllowedAddresses = ctx.StringList(
                endpoints,
                "allowedAddresses",
                "endpoints.allowedAddresses"
            ),
        };
    }

    private BuiltInEndpointConfig? ReadBuiltIn(
        YMapping endpoints,
        string key,
        BuiltInEndpointKind kind,
        IReadOnlySet<string> known
    )
    {
        var path = "endpoints." + key;
        var map = ctx.Mapping(endpoints, key, path);
        if (map is null)
        {
            return null;
        }
        ctx.CheckKeys(map, path, known);
        AnthropicVertexConfig? vertex = null;
        if (kind == BuiltInEndpointKind.Anthropic)
        {
            // zod: models is string[] (a mapping here is the classic mistake: LibreChat refuses the file).
            _ = ctx.StringList(map, "models", path + ".models");
            vertex = ReadVertex(map, path + ".vertex");
        }
        if (kind is BuiltInEndpointKind.Assistants or BuiltInEndpointKind.AzureAssistants)
        {
            var models = ctx.Mapping(map, "models", path + ".models");
            if (models is not null)
            {
                _ = ctx.Bool(models, "fetch", path + ".models.fetch");
            }
            _ = ctx.StringList(map, "supportedIds", path + ".supportedIds");
            _ = ctx.StringList(map, "excludedIds", path + ".excludedIds");
        }
        return new BuiltInEndpointConfig
        {
            Kind = kind,
            Location = ctx.Loc(endpoints.Find(key)!.Key, path),
            BaseUrl =
                kind == BuiltInEndpointKind.Agents
                    ? null
                    // No built-in initializer reads it (CT2311): kept as text, never parsed or expanded.
                    : ctx.String(map, "baseURL", path + ".baseURL"),
            HeaderNames = ctx.RecordKeys(map, "headers", path + ".headers"),
            EndpointReferences = ReadReferences(map, path),
            Vertex = vertex,
        };
    }

    private AnthropicVertexConfig? ReadVertex(YMapping anthropic, string path)
    {
        var vertex = ctx.Mapping(anthropic, "vertex", path);
        if (vertex is null)
        {
            return null;
        }
        ctx.CheckKeys(vertex, path, LibreChatSchemaKeys.Vertex);
        var enabled = ctx.Bool(vertex, "enabled", path + ".enabled");
        _ = ctx.String(vertex, "projectId", path + ".projectId");
        var region = ctx.String(vertex, "region", path + ".region");
        if (region is not null)
        {
            // Region decides the host ({region}-aiplatform.googleapis.com); LibreChat passes it through extractEnvVariable.
            var expanded = ctx.ExpandHostPart(
                vertex["region"]!,
                region.Value,
                path + ".region",
                ""
            );
            region = region with { Value = expanded.Value };
        }
        return new AnthropicVertexConfig
        {
            Location = ctx.Loc(vertex, path),
            Enabled = enabled?.Value ?? true,
            Region =
                region ?? new ConfigValue<string>("us-east5", ctx.Loc(vertex, path + ".region")),
        };
    }

    private AzureOpenAIConfig? ReadAzure(YMapping endpoints)
    {
        const string path = "endpoints.azureOpenAI";
        var map = ctx.Mapping(endpoints, "azureOpenAI", path);
        if (map is null)
        {
            return null;
        }
        ctx.CheckKeys(map, path, LibreChatSchemaKeys.AzureOpenAI);
        var groups = new List<AzureGroupConfig>();
        var seq = ctx.Sequence(map, "groups", path + ".groups");
        if (seq is null)
        {
            if (map["groups"] is null)
            {
                ctx.Report(
                    ctx.At(endpoints.Find("azureOpenAI")!.Key)
                        .MissingField(path + ".groups", empty: false, unless: null)
                );
            }
        }
        else
        {
            if (seq.Items.Count == 0)
            {
                ctx.Report(ctx.At(seq).MissingField(path + ".groups", empty: true, unless: null));
            }
            for (var i = 0; i < seq.Items.Count; i++)
            {
                if (ReadAzureGroup(seq.Items[i], $"{path}.groups[{i}]") is { } group)
                {
                    groups.Add(group);
                }
            }
        }
        return new AzureOpenAIConfig
        {
            Location = ctx.Loc(endpoints.Find("azureOpenAI")!.Key, path),
            Groups = groups,
        };
    }

    private AzureGroupConfig? ReadAzureGroup(YNode node, string path)
    {
        if (node is not YMapping g)
        {
            ctx.WrongType(node, path, "a mapping");
            return null;
        }
        ctx.CheckKeys(g, path, LibreChatSchemaKeys.AzureGroup);
        // The group name is a label: LibreChat never interpolates it.
        var name = ctx.String(g, "group", path + ".group", required: true);
        _ = ctx.String(g, "apiKey", path + ".apiKey", required: true);
        var serverless = ctx.Bool(g, "serverless", path + ".serverless")?.Value ?? false;
        var instance = ctx.String(g, "instanceName", path + ".instanceName");
        var unresolvedInstance = false;
        if (instance is not null)
        {
            var expanded = ctx.ExpandHostPart(
                g["instanceName"]!,
                instance.Value,
                path + ".instanceName",
                ", so the Azure host is unknown"
            );
            unresolvedInstance = !expanded.IsResolved;
            instance = instance with { Value = expanded.Value };
        }
        var deployments = new List<ConfigValue<string>>();
        if (ctx.String(g, "deploymentName", path + ".deploymentName") is { } groupDeployment)
        {
            deployments.Add(
                groupDeployment with
                {
                    Value = EnvInterpolation.Expand(groupDeployment.Value, ctx.Env).Value,
                }
            );
        }
        var models = new List<ConfigValue<string>>();
        var modelMap = ctx.Mapping(g, "models", path + ".models");
        if (modelMap is null && g["models"] is null)
        {
            ctx.Report(ctx.At(g).MissingField(path + ".models", empty: false, unless: null));
        }
        foreach (var entry in modelMap?.Entries ?? [])
        {
            var modelPath = $"{path}.models.{entry.Key.Value}";
            models.Add(new ConfigValue<string>(entry.Key.Value, ctx.Loc(entry.Key, modelPath)));
            if (entry.Value is YMapping modelConfig)
            {
                if (
                    ctx.String(modelConfig, "deploymentName", modelPath + ".deploymentName") is
                    { } d
                )
                {
                    deployments.Add(
                        d with
                        {
                            Value = EnvInterpolation.Expand(d.Value, ctx.Env).Value,
                        }
                    );
                }
            }
            else if (entry.Value is not YScalar { Kind: YScalarKind.Bool })
            {
                ctx.Report(
                    ctx.At(entry.Value)
                        .WrongType(
                            modelPath,
                            "true or a mapping",
                            ReadContext.Describe(entry.Value)
                        )
                );
            }
        }
        var hostFromInstance = false;
        var baseUrl = g["baseURL"] is YScalar { IsString: true } rawBase
            ? ReadAzureBaseUrl(
                rawBase,
                path + ".baseURL",
                instance is null ? null : unresolvedInstance,
                out hostFromInstance
            )
            : ctx.Url(
                g,
                "baseURL",
                path + ".baseURL",
                UrlInterpolation.Env,
                required: serverless,
                owner: g
            );
        if (!serverless && instance is null && baseUrl is null)
        {
            ctx.Report(
                ctx.At(g)
                    .MissingField(
                        path + ".instanceName",
                        empty: false,
                        unless: "the group is serverless with a baseURL"
                    )
            );
        }
        if (name is null)
        {
            return null;
        }
        return new AzureGroupConfig
        {
            Name = name,
            InstanceName = instance,
            InstanceNameUnresolved = unresolvedInstance,
            BaseUrl = baseUrl,
            BaseUrlHostFromInstance = hostFromInstance,
            Serverless = serverless,
            Models = models,
            DeploymentNames = deployments,
        };
    }

    /// <summary>
    /// A group's baseURL with LibreChat's own placeholders (<see cref="AzurePlaceholders"/>). In the path they
    /// change nothing we keep; <c>${INSTANCE_NAME}</c> in the host is left as <see cref="AzurePlaceholders.InstanceLabel"/>
    /// for the policy stage to fill (<paramref name="hostFromInstance"/>); <c>${DEPLOYMENT_NAME}</c> in the host,
    /// or <c>${INSTANCE_NAME}</c> there with no usable instanceName, leaves the host unknown.
    /// <paramref name="instanceUnresolved"/> is null when the group has no instanceName.
    /// </summary>
    private UrlValue ReadAzureBaseUrl(
        YScalar node,
        string path,
        bool? instanceUnresolved,
        out bool hostFromInstance
    )
    {
        hostFromInstance = false;
        var text = node.Value;
        var hasInstance = AzurePlaceholders.Holds(text, AzurePlaceholders.InstanceName, ctx.Env);
        var hasDeployment = AzurePlaceholders.Holds(
            text,
            AzurePlaceholders.DeploymentName,
            ctx.Env
        );
        if (!hasInstance && !hasDeployment)
        {
            return ctx.UrlFromText(text, node, path, UrlInterpolation.Env);
        }
        var deciding = UrlTemplate.VariablesDecidingHost(text);
        var location = ctx.Loc(node, path);
        if (hasDeployment && deciding.Contains(AzurePlaceholders.DeploymentName))
        {
            ctx.RecordUnresolved(ctx.At(node).AzureDeploymentInHost(path));
            return new UrlValue(UrlState.Unresolved, null, location, []);
        }
        var instanceInHost = hasInstance && deciding.Contains(AzurePlaceholders.InstanceName);
        if (instanceInHost)
        {
            if (instanceUnresolved is null)
            {
                ctx.RecordUnresolved(ctx.At(node).AzureInstancePlaceholderEmpty(path));
                return new UrlValue(UrlState.Unresolved, null, location, []);
            }
            if (
                instanceUnresolved.Value
                || text.Contains(
                    AzurePlaceholders.InstanceLabel,
                    StringComparison.OrdinalIgnoreCase
                )
            )
            {
                // An unset instanceName was recorded where it is written; the stand-in label written by hand
                // would be filled like the placeholder, so such a URL gets no host at all.
                return new UrlValue(UrlState.Unresolved, null, location, []);
            }
        }
        // Path occurrences: any value leaves scheme, host and port as they are, and only those are kept.
        text = AzurePlaceholders.ReplaceFirst(
            text,
            AzurePlaceholders.InstanceName,
            instanceInHost ? AzurePlaceholders.InstanceLabel : "x"
        );
        text = AzurePlaceholders.ReplaceFirst(text, AzurePlaceholders.DeploymentName, "x");
        var url = ctx.UrlFromText(text, node, path, UrlInterpolation.Env);
        hostFromInstance =
            instanceInHost
            && url.Host is { } host
            && host.Contains(AzurePlaceholders.InstanceLabel, StringComparison.Ordinal);
        return url;
    }

    private BedrockConfig? ReadBedrock(YMapping endpoints)
    {
        const string path = "endpoints.bedrock";
        var map = ctx.Mapping(endpoints, "bedrock", path);
        if (map is null)
        {
            return null;
        }
        ctx.CheckKeys(map, path, LibreChatSchemaKeys.Bedrock);
        return new BedrockConfig
        {
            Location = ctx.Loc(endpoints.Find("bedrock")!.Key, path),
            Regions = ctx.StringList(map, "availableRegions", path + ".availableRegions"),
            Models = ctx.StringList(map, "models", path + ".models"),
            BaseUrl = ctx.String(map, "baseURL", path + ".baseURL"),
        };
    }

    private List<CustomEndpointConfig> ReadCustom(YMapping endpoints)
    {
        var result = new List<CustomEndpointConfig>();
        var seq = ctx.Sequence(endpoints, "custom", "endpoints.custom");
        if (seq is null)
        {
            return result;
        }
        for (var i = 0; i < seq.Items.Count; i++)
        {
            var path = $"endpoints.custom[{i}]";
            if (seq.Items[i] is not YMapping item)
            {
                ctx.WrongType(seq.Items[i], path, "a mapping");
                continue;
            }
            ctx.CheckKeys(item, path, LibreChatSchemaKeys.Custom);
            var name = ctx.String(item, "name", path + ".name", required: true);
            var apiKey = ctx.String(item, "apiKey", path + ".apiKey", required: true);
            var baseUrl = ctx.Url(
                item,
                "baseURL",
                path + ".baseURL",
                UrlInterpolation.Env,
                required: true
            );
            var fetch = false;
            var models = ctx.Mapping(item, "models", path + ".models");
            if (models is null)
            {
                if (item["models"] is null)
                {
                    ctx.Report(
                        ctx.At(item).MissingField(path + ".models", empty: false, unless: null)
                    );
                }
            }
            else
            {
                fetch = ctx.Bool(models, "fetch", path + ".models.fetch")?.Value ?? false;
                var defaults = ctx.Sequence(models, "default", path + ".models.default");
                if (defaults is null && models["default"] is null)
                {
                    ctx.Report(
                        ctx.At(models)
                            .MissingField(path + ".models.default", empty: false, unless: null)
                    );
                }
                else if (defaults is { Items.Count: 0 })
                {
                    ctx.Report(
                        ctx.At(defaults)
                            .MissingField(path + ".models.default", empty: true, unless: null)
                    );
                }
            }
            var provider = ctx.String(item, "provider", path + ".provider");
            if (provider is not null && provider.Value != "anthropic")
            {
                ctx.Report(
                    ctx.At(item["provider"]!).InvalidValue(path + ".provider", null, ["anthropic"])
                );
            }
            if (name is null || baseUrl is null)
            {
                continue;
            }
            result.Add(
                new CustomEndpointConfig
                {
                    Name = name,
                    Location = ctx.Loc(item, path),
                    BaseUrl = baseUrl,
                    FetchModels = fetch,
                    Provider = provider?.Value,
                    ApiKeyIsUserProvided =
                        apiKey is not null && apiKey.Value.Trim() == "user_provided",
                    HeaderNames = ctx.RecordKeys(item, "headers", path + ".headers"),
                    EndpointReferences = ReadReferences(item, path),
                }
            );
        }
        return result;
    }

    private List<ConfigValue<string>> ReadReferences(YMapping map, string path)
    {
        var refs = new List<ConfigValue<string>>();
        foreach (var field in LibreChatSchemaKeys.EndpointReferenceFields)
        {
            if (ctx.String(map, field, $"{path}.{field}") is { } value)
            {
                refs.Add(value);
            }
        }
        return refs;
    }
}
