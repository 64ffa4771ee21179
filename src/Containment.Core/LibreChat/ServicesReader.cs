using Containment.Core.Diagnostics;
using Containment.Core.Yaml;

namespace Containment.Core.LibreChat;

/// <summary>
/// Reads the sections outside <c>endpoints</c> and <c>mcpServers</c> that decide egress: webSearch, speech,
/// ocr, memory, file strategies, actions, modelSpecs, registration, balance and interface.mcpServers.create.
/// </summary>
internal sealed class ServicesReader(ReadContext ctx)
{
    private static readonly IReadOnlySet<string> FileStrategies = LibreChatReader.Keys(
        "local",
        "firebase",
        "s3",
        "azure_blob",
        "cloudfront"
    );
    private static readonly IReadOnlySet<string> OcrStrategies = LibreChatReader.Keys(
        "mistral_ocr",
        "custom_ocr",
        "azure_mistral_ocr",
        "vertexai_mistral_ocr",
        "document_parser"
    );

    public WebSearchConfig? ReadWebSearch(YMapping root)
    {
        var map = ctx.Mapping(root, "webSearch", "webSearch");
        if (map is null)
        {
            return null;
        }
        ctx.CheckKeys(map, "webSearch", LibreChatSchemaKeys.WebSearch);
        var urls = new SortedDictionary<string, UrlValue>(StringComparer.Ordinal);
        foreach (var field in LibreChatSchemaKeys.WebSearchUrlFields)
        {
            if (ctx.Url(map, field, "webSearch." + field, UrlInterpolation.VariableOnly) is { } url)
            {
                urls[field] = url;
            }
        }
        var keys = new List<ConfigValue<string>>();
        foreach (var field in LibreChatSchemaKeys.WebSearchKeyFields)
        {
            var entry = map.Find(field);
            if (entry is null)
            {
                continue;
            }
            if (entry.Value is YScalar { IsString: true })
            {
                // Only the field name is kept: the value is a key (or the name of the variable holding one).
                keys.Add(new ConfigValue<string>(field, ctx.Loc(entry.Key, "webSearch." + field)));
            }
            else
            {
                ctx.Report(
                    ctx.At(entry.Value)
                        .WrongType(
                            $"webSearch.{field}",
                            "a string",
                            ReadContext.Describe(entry.Value)
                        )
                );
            }
        }
        var scraper = ctx.String(map, "scraperProvider", "webSearch.scraperProvider");
        if (
            scraper is null
            && map.Find("scraperType") is { Value: YScalar { IsString: true } legacy }
        )
        {
            // Older key, still read by LibreChat's web search loader (schema drops it, the loader does not).
            scraper = new ConfigValue<string>(
                legacy.Value,
                ctx.Loc(legacy, "webSearch.scraperType")
            );
        }
        return new WebSearchConfig
        {
            Location = ctx.Loc(root.Find("webSearch")!.Key, "webSearch"),
            SearchProvider = Enum(
                map,
                "searchProvider",
                "webSearch.searchProvider",
                "serper",
                "searxng",
                "tavily",
                "keenable"
            ),
            ScraperProvider = scraper,
            RerankerType = Enum(
                map,
                "rerankerType",
                "webSearch.rerankerType",
                "jina",
                "cohere",
                "none"
            ),
            Urls = urls,
            KeyFields = keys,
        };
    }

    public IReadOnlyList<SpeechProviderConfig> ReadSpeech(YMapping root)
    {
        var speech = ctx.Mapping(root, "speech", "speech");
        var result = new List<SpeechProviderConfig>();
        if (speech is null)
        {
            return result;
        }
        ctx.CheckKeys(speech, "speech", LibreChatSchemaKeys.Speech);
        foreach (
            var (section, known) in new[]
            {
                ("tts", LibreChatSchemaKeys.Tts),
                ("stt", LibreChatSchemaKeys.Stt),
            }
        )
        {
            var sectionPath = "speech." + section;
            var map = ctx.Mapping(speech, section, sectionPath);
            if (map is null)
            {
                continue;
            }
            ctx.CheckKeys(map, sectionPath, known);
            foreach (var entry in map.Entries)
            {
                if (entry.Key.Value == "allowedAddresses" || !known.Contains(entry.Key.Value))
                {
                    continue;
                }
                var path = $"{sectionPath}.{entry.Key.Value}";
                if (entry.Value is not YMapping provider)
                {
                    ctx.WrongType(entry.Value, path, "a mapping");
                    continue;
                }
                var instance = ctx.String(
                    provider,
                    "instanceName",
                    path + ".instanceName",
                    required: entry.Key.Value == "azureOpenAI"
                );
                if (instance is not null)
                {
                    instance = instance with
                    {
                        Value = EnvInterpolation.Expand(instance.Value, ctx.Env).Value,
                    };
                }
                result.Add(
                    new SpeechProviderConfig
                    {
                        Section = section,
                        Provider = entry.Key.Value,
                        Location = ctx.Loc(entry.Key, path),
                        // LibreChat uses speech URLs verbatim (no ${VAR}); '' means the provider default.
                        Url = provider["url"] is YScalar { IsString: true, Value: "" }
                            ? null
                            : ctx.Url(
                                provider,
                                "url",
                                path + ".url",
                                UrlInterpolation.Verbatim,
                                required: entry.Key.Value == "localai",
                                owner: entry.Key
                            ),
                        InstanceName = instance,
                    }
                );
            }
        }
        return result;
    }

    public OcrConfig? ReadOcr(YMapping root)
    {
        var map = ctx.Mapping(root, "ocr", "ocr");
        if (map is null)
        {
            return null;
        }
        ctx.CheckKeys(map, "ocr", LibreChatSchemaKeys.Ocr);
        var baseUrlNode = map["baseURL"];
        return new OcrConfig
        {
            Location = ctx.Loc(root.Find("ocr")!.Key, "ocr"),
            Strategy = Enum(map, "strategy", "ocr.strategy", [.. OcrStrategies]),
            // Empty means LibreChat falls back to env OCR_BASEURL, then https://api.mistral.ai/v1.
            BaseUrl = baseUrlNode is YScalar { IsString: true, Value: "" }
                ? null
                : ctx.Url(map, "baseURL", "ocr.baseURL", UrlInterpolation.Env),
        };
    }

    public MemoryConfig? ReadMemory(YMapping root)
    {
        var map = ctx.Mapping(root, "memory", "memory");
        if (map is null)
        {
            return null;
        }
        ctx.CheckKeys(map, "memory", LibreChatSchemaKeys.Memory);
        ConfigValue<string>? provider = null;
        var agent = ctx.Mapping(map, "agent", "memory.agent");
        if (agent is not null)
        {
            provider = ctx.String(agent, "provider", "memory.agent.provider");
        }
        return new MemoryConfig
        {
            Location = ctx.Loc(root.Find("memory")!.Key, "memory"),
            Provider = provider,
            Disabled = ctx.Bool(map, "disabled", "memory.disabled")?.Value ?? false,
        };
    }

    public FileStorageConfig ReadFileStorage(YMapping root)
    {
        var strategies = new List<ConfigValue<string>>();
        if (Enum(root, "fileStrategy", "fileStrategy", [.. FileStrategies]) is { } single)
        {
            strategies.Add(single);
        }
        var map = ctx.Mapping(root, "fileStrategies", "fileStrategies");
        if (map is not null)
        {
            ctx.CheckKeys(
                map,
                "fileStrategies",
                LibreChatReader.Keys("default", "avatar", "image", "document", "skills")
            );
            foreach (var entry in map.Entries)
            {
                if (
                    Enum(
                        map,
                        entry.Key.Value,
                        "fileStrategies." + entry.Key.Value,
                        [.. FileStrategies]
                    ) is
                    { } value
                )
                {
                    strategies.Add(value);
                }
            }
        }
        return new FileStorageConfig { Strategies = strategies };
    }

    public IReadOnlyList<ConfigValue<string>> ReadActionsAllowedDomains(YMapping root)
    {
        var map = ctx.Mapping(root, "actions", "actions");
        if (map is null)
        {
            return [];
        }
        ctx.CheckKeys(map, "actions", LibreChatSchemaKeys.Actions);
        return ctx.StringList(map, "allowedDomains", "actions.allowedDomains");
    }

    public IReadOnlyList<ModelSpecConfig> ReadModelSpecs(YMapping root)
    {
        var specs = ctx.Mapping(root, "modelSpecs", "modelSpecs");
        var list = specs is null ? null : ctx.Sequence(specs, "list", "modelSpecs.list");
        var result = new List<ModelSpecConfig>();
        if (list is null)
        {
            return result;
        }
        for (var i = 0; i < list.Items.Count; i++)
        {
            var path = $"modelSpecs.list[{i}]";
            if (list.Items[i] is not YMapping spec)
            {
                ctx.WrongType(list.Items[i], path, "a mapping");
                continue;
            }
            var name = ctx.String(spec, "name", path + ".name", required: true);
            var preset = ctx.Mapping(spec, "preset", path + ".preset");
            var endpoint = preset is null
                ? null
                : ctx.String(preset, "endpoint", path + ".preset.endpoint");
            if (name is not null)
            {
                result.Add(new ModelSpecConfig(name, endpoint));
            }
        }
        return result;
    }

    public RegistrationConfig? ReadRegistration(YMapping root)
    {
        var map = ctx.Mapping(root, "registration", "registration");
        if (map is null)
        {
            return null;
        }
        ctx.CheckKeys(map, "registration", LibreChatSchemaKeys.Registration);
        _ = ctx.StringList(map, "allowedDomains", "registration.allowedDomains");
        return new RegistrationConfig
        {
            Location = ctx.Loc(root.Find("registration")!.Key, "registration"),
            SocialLogins = ctx.StringList(map, "socialLogins", "registration.socialLogins"),
        };
    }

    public ConfigValue<bool>? ReadBalanceEnabled(YMapping root)
    {
        var map = ctx.Mapping(root, "balance", "balance");
        return map is null ? null : ctx.Bool(map, "enabled", "balance.enabled");
    }

    public ConfigValue<bool>? ReadUsersCanCreateMcpServers(YMapping root)
    {
        var ui = ctx.Mapping(root, "interface", "interface");
        var mcp = ui is null ? null : ctx.Mapping(ui, "mcpServers", "interface.mcpServers");
        return mcp is null ? null : ctx.Bool(mcp, "create", "interface.mcpServers.create");
    }

    private ConfigValue<string>? Enum(
        YMapping map,
        string key,
        string path,
        params string[] allowed
    )
    {
        var value = ctx.String(map, key, path);
        if (value is not null && Array.IndexOf(allowed, value.Value) < 0)
        {
            ctx.Report(ctx.At(map[key]!).InvalidValue(path, value.Value, allowed));
            return null;
        }
        return value;
    }
}
