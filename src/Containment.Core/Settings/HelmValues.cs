using Containment.Core.Diagnostics;
using Containment.Core.IO;
using Containment.Core.Yaml;

namespace Containment.Core.Settings;

/// <summary>What the LibreChat chart's values say about LibreChat's environment (issue 12 item 2).</summary>
/// <param name="Env">Plain values, each with its origin (<c>values.yaml librechat.configEnv.OCR_BASEURL</c>).</param>
/// <param name="SecretNames">Variables the chart sets from a Secret: present, value unknown.</param>
public sealed record HelmEnvironment(EnvFileValues Env, IReadOnlyList<string> SecretNames)
{
    /// <summary>No values files: nothing to apply.</summary>
    public static HelmEnvironment None { get; } =
        new(
            new EnvFileValues(
                new Dictionary<string, string>(StringComparer.Ordinal),
                new Dictionary<string, string>(StringComparer.Ordinal)
            ),
            []
        );

    /// <summary>librechat.yaml from <c>librechat.configYamlContent</c> (the last file that sets it), or null.</summary>
    public EmbeddedConfigYaml? ConfigYaml { get; init; }

    /// <summary>
    /// The chart's data stores the values switch off (<c>mongodb.enabled: false</c>...), by the name
    /// <see cref="DataStoreSettings"/> gives them, with where the switch was written. Only explicit switches count.
    /// </summary>
    public IReadOnlyList<(string Store, SourceSpan At)> DisabledStores { get; init; } = [];

    /// <summary>The registries the values name for the chart's images (the last file that sets each wins).</summary>
    public ChartImageRegistries ImageRegistries { get; init; } = ChartImageRegistries.None;
}

/// <summary>
/// Reads the LibreChat Helm chart's values files the way <c>helm -f a.yaml -f b.yaml</c> combines them: later files
/// win, maps merge key by key. Only the keys that decide LibreChat's environment are read
/// (danny-avila/LibreChat helm/librechat/values.yaml and templates/configmap-env.yaml, chart 2.0.4):
/// <list type="bullet">
/// <item><c>librechat.configEnv</c>: a map rendered into the env ConfigMap (plain values);</item>
/// <item><c>global.librechat.existingSecretApiKey</c>: the key of the credentials Secret that holds the API key
/// (a name that is set, never a value);</item>
/// <item><c>librechat-rag-api.enabled</c>: the chart then runs the RAG API and points LibreChat at it (RAG_API_URL);</item>
/// <item><c>librechat-rag-api.embeddingsProvider</c>: the RAG API's EMBEDDINGS_PROVIDER.</item>
/// </list>
/// </summary>
public static class HelmValues
{
    /// <summary>
    /// The values of <paramref name="files"/>, merged in order; null when a file could not be read. Each file is read
    /// at <c>Path</c> and named <c>Display</c> in diagnostics and provenance (<c>infra/values.yaml librechat.configEnv.X</c>).
    /// </summary>
    public static HelmEnvironment? LoadAll(
        IReadOnlyList<(string Path, string Display)> files,
        IFileSystem fs,
        DiagnosticBag diagnostics
    )
    {
        ArgumentNullException.ThrowIfNull(files);
        var documents = new List<(YMapping Root, string File, string Text)>();
        foreach (var (path, display) in files)
        {
            // The one bounded reader (size cap, regular files only) and YamlLoader's limits; the text is kept because
            // configYamlContent's positions are read from it.
            var bytes = BoundedFile.TryRead(
                fs,
                path,
                display,
                YamlLimits.Default.MaxFileBytes,
                what: null,
                diagnostics
            );
            var text = bytes is null ? null : YamlTextDecoder.Decode(bytes, display, diagnostics);
            var root = text is null ? null : YamlLoader.LoadText(text, display, diagnostics);
            if (root is null)
            {
                return null;
            }
            if (root is YMapping map)
            {
                documents.Add((map, display, text!));
            }
        }
        return Read(documents);
    }

    /// <summary>Later documents win leaf by leaf, as Helm's deep merge of values maps does.</summary>
    public static HelmEnvironment Read(IReadOnlyList<(YMapping Root, string File)> documents) =>
        Read([.. documents.Select(d => (d.Root, d.File, ""))]);

    /// <summary>As <see cref="Read(IReadOnlyList{ValueTuple{YMapping, string}})"/>, with each file's text for the
    /// positions of <c>librechat.configYamlContent</c>.</summary>
    public static HelmEnvironment Read(
        IReadOnlyList<(YMapping Root, string File, string Text)> documents
    )
    {
        ArgumentNullException.ThrowIfNull(documents);
        var entries = new List<(string Name, string Value, string Origin)>();
        var secrets = new SortedSet<string>(StringComparer.Ordinal);
        EmbeddedConfigYaml? configYaml = null;
        string? existingConfigYaml = null;
        var stores = new SortedDictionary<string, (bool On, SourceSpan At)>(StringComparer.Ordinal);
        var images = ChartImageRegistries.None;
        foreach (var (root, file, text) in documents)
        {
            images = new(
                ImageRegistry(root, file, "image", "registry") ?? images.LibreChat,
                ImageRegistry(root, file, "global", "imageRegistry") ?? images.Global
            );
            foreach (var (key, store) in ChartStores)
            {
                if (At(root, key, "enabled") is YScalar { Kind: YScalarKind.Bool } on)
                {
                    stores[store] = (
                        on.Value.Equals("true", StringComparison.OrdinalIgnoreCase),
                        new SourceSpan(file, on.Line, on.Column)
                    );
                }
            }
            // An empty string is the chart's default ("" in values.yaml): no content, and it can switch a content off.
            if (At(root, "librechat") is YMapping librechat)
            {
                if (librechat.Find("configYamlContent") is { Value: YScalar content } entry)
                {
                    configYaml =
                        content.IsString && content.Value.Trim().Length > 0
                            ? EmbeddedConfigYaml.From(entry.Key, content, text, file)
                            : null;
                }
                if (librechat["existingConfigYaml"] is YScalar existing)
                {
                    existingConfigYaml =
                        existing.Value.Trim().Length > 0 ? existing.Value.Trim() : null;
                }
            }
            if (At(root, "librechat", "configEnv") is YMapping configEnv)
            {
                foreach (var entry in configEnv.Entries)
                {
                    if (entry.Value is YScalar { Kind: not YScalarKind.Null } scalar)
                    {
                        entries.Add(
                            (
                                entry.Key.Value,
                                scalar.Value,
                                $"{file} librechat.configEnv.{entry.Key.Value}"
                            )
                        );
                    }
                }
            }
            if (
                At(root, "global", "librechat", "existingSecretApiKey")
                    is YScalar { IsString: true } apiKey
                && apiKey.Value.Trim().Length > 0
            )
            {
                secrets.Add(apiKey.Value.Trim());
            }
            if (
                At(root, "librechat-rag-api", "enabled") is YScalar
                {
                    Kind: YScalarKind.Bool
                } enabled
            )
            {
                // templates/configmap-env.yaml sets RAG_API_URL to the RAG API service (release and namespace as the chart's
                // defaults); an in-cluster address, never an internet host. mongodb.enabled and meilisearch.enabled only add
                // in-cluster MONGO_URI / MEILI_HOST there, which the data stores already cover.
                var on = enabled.Value.Equals("true", StringComparison.OrdinalIgnoreCase);
                entries.Add(
                    (
                        "RAG_API_URL",
                        on
                            ? "http://librechat-librechat-rag-api.librechat.svc.cluster.local:8000"
                            : "",
                        $"{file} librechat-rag-api.enabled"
                    )
                );
            }
            if (
                At(root, "librechat-rag-api", "embeddingsProvider") is YScalar
                {
                    IsString: true
                } provider
            )
            {
                entries.Add(
                    (
                        "EMBEDDINGS_PROVIDER",
                        provider.Value,
                        $"{file} librechat-rag-api.embeddingsProvider"
                    )
                );
            }
        }
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var origins = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value, origin) in entries)
        {
            values[name] = value;
            origins[name] = origin;
        }
        return new HelmEnvironment(new EnvFileValues(values, origins), [.. secrets])
        {
            ConfigYaml = configYaml is null
                ? null
                : configYaml with
                {
                    ExistingConfigYaml = existingConfigYaml,
                },
            DisabledStores = [.. stores.Where(p => !p.Value.On).Select(p => (p.Key, p.Value.At))],
            ImageRegistries = images,
        };
    }

    /// <summary>
    /// The chart's switches for the stores it runs (helm/librechat/Chart.yaml 2.0.4 dependency conditions
    /// <c>mongodb.enabled</c>, <c>meilisearch.enabled</c>, <c>redis.enabled</c>; the vector DB is the RAG API subchart's
    /// PostgreSQL, <c>librechat-rag-api.enabled</c>) and the <see cref="DataStoreSettings"/> name of each.
    /// </summary>
    private static readonly (string Key, string Store)[] ChartStores =
    [
        ("mongodb", "mongodb"),
        ("meilisearch", "meilisearch"),
        ("redis", "redis"),
        ("librechat-rag-api", "vectordb"),
    ];

    /// <summary>
    /// A registry value at <paramref name="keys"/>; null when absent or empty (the charts' "" means their default).
    /// </summary>
    private static ChartImageRegistry? ImageRegistry(
        YMapping root,
        string file,
        params string[] keys
    ) =>
        At(root, keys) is YScalar { IsString: true } value && value.Value.Trim().Length > 0
            ? new ChartImageRegistry(
                value.Value.Trim(),
                new SourceSpan(file, value.Line, value.Column),
                $"{file} {string.Join('.', keys)}"
            )
            : null;

    private static YNode? At(YMapping root, params string[] keys)
    {
        YNode? node = root;
        foreach (var key in keys)
        {
            node = node is YMapping m ? m.Find(key)?.Value : null;
        }
        return node;
    }
}
