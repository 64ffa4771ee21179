using Containment.Core.Diagnostics;
using Containment.Core.Model;
using Containment.Core.Yaml;

namespace Containment.Core.LibreChat;

/// <summary>
/// YNode tree -> <see cref="LibreChatConfig"/>, with LibreChat's own rules: the root and <c>endpoints</c> are
/// strict (unknown keys are errors, as zod <c>.strict()</c>), unknown nested keys are dropped with an info,
/// <c>version</c> is a required string, and <c>${VAR}</c> is expanded only where LibreChat expands it.
/// Secrets (API keys, header values, tokens) are read past, never copied.
/// </summary>
public static class LibreChatReader
{
    /// <summary>Top-level keys of LibreChat's configSchema (librechat-data-provider 0.8.524, config 1.3.17).</summary>
    public static IReadOnlySet<string> RootKeys { get; } =
        Keys(
            "version",
            "permissions",
            "cache",
            "ocr",
            "webSearch",
            "langfuse",
            "memory",
            "summarization",
            "skillSync",
            "secureImageLinks",
            "imageOutputType",
            "includedTools",
            "filteredTools",
            "mcpServers",
            "mcpAppSandbox",
            "mcpSettings",
            "interface",
            "turnstile",
            "fileStrategy",
            "fileStrategies",
            "cloudfront",
            "actions",
            "registration",
            "emailChange",
            "balance",
            "transactions",
            "speech",
            "rateLimits",
            "fileConfig",
            "modelSpecs",
            "filters",
            "messageFilter",
            "endpoints",
            "openapi"
        );

    public static LibreChatConfig? Read(
        YNode root,
        string file,
        IReadOnlyDictionary<string, string> env,
        DiagnosticBag diagnostics
    ) => Read(root, file, new EnvScope(env), diagnostics);

    /// <param name="env">Values and declared secrets; the names this file uses as credentials become secrets too.</param>
    public static LibreChatConfig? Read(
        YNode root,
        string file,
        EnvScope env,
        DiagnosticBag diagnostics
    )
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(env);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var ctx = new ReadContext(
            file,
            env.WithSecrets(SecretVariables.UsedAsCredentials(root)),
            diagnostics,
            root
        );
        if (root is not YMapping map)
        {
            ctx.Report(ctx.At(root).RootNotMapping(ReadContext.Describe(root)));
            return null;
        }
        foreach (var entry in map.Entries)
        {
            if (!RootKeys.Contains(entry.Key.Value))
            {
                ctx.Report(ctx.At(entry.Key).UnknownRootKey(entry.Key.Value));
            }
        }
        var services = new ServicesReader(ctx);
        var mcp = new McpReader(ctx);
        var config = new LibreChatConfig
        {
            File = file,
            Version = ReadVersion(ctx, map),
            Endpoints = new EndpointsReader(ctx).Read(map),
            McpServers = mcp.ReadServers(map),
            McpAllowedDomains = mcp.ReadAllowedDomains(map),
            WebSearch = services.ReadWebSearch(map),
            Speech = services.ReadSpeech(map),
            Ocr = services.ReadOcr(map),
            Memory = services.ReadMemory(map),
            FileStorage = services.ReadFileStorage(map),
            ActionsAllowedDomains = services.ReadActionsAllowedDomains(map),
            ModelSpecs = services.ReadModelSpecs(map),
            Registration = services.ReadRegistration(map),
            BalanceEnabled = services.ReadBalanceEnabled(map),
            UsersCanCreateMcpServers = services.ReadUsersCanCreateMcpServers(map),
        };
        // Taken after every section is read: the readers above record into the context as they go.
        return config with { Unresolved = [.. ctx.Unresolved] };
    }

    private static ConfigValue<string>? ReadVersion(ReadContext ctx, YMapping map)
    {
        var entry = map.Find("version");
        if (entry is null)
        {
            ctx.Report(ctx.At(map).VersionMissing());
            return null;
        }
        if (entry.Value is YScalar { IsString: true } s)
        {
            return new ConfigValue<string>(s.Value, ctx.Loc(s, "version"));
        }
        var number =
            entry.Value is YScalar scalar && scalar.Kind is YScalarKind.Float or YScalarKind.Int
                ? scalar.Value
                : null;
        ctx.Report(ctx.At(entry.Value).VersionNotString(ReadContext.Describe(entry.Value), number));
        return null;
    }

    internal static IReadOnlySet<string> Keys(params string[] keys) =>
        new HashSet<string>(keys, StringComparer.Ordinal);
}
