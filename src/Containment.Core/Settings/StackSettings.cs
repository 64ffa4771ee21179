using Containment.Core.Model;

namespace Containment.Core.Settings;

/// <summary>
/// The settings of one stack (dev, prod), read either from <c>PULUMI_CONFIG</c> (when Pulumi runs the
/// compiler) or from <c>Pulumi.&lt;stack&gt;.yaml</c> (when the CLI runs on its own). Keys live under the
/// <c>containment:</c> namespace. Never holds a secret: credentials stay in Pulumi.
/// </summary>
public sealed record StackSettings
{
    public string Stack { get; init; } = "dev";

    /// <summary>Where these settings were read from (a file path, or "PULUMI_CONFIG", or "defaults").</summary>
    public string Source { get; init; } = "defaults";

    /// <summary>The documented default of <see cref="LibreChatConfig"/> (Pulumi.yaml declares the same default).</summary>
    public const string DefaultLibreChatConfig = "infra/librechat.yaml";

    public string LibreChatConfig { get; init; } = DefaultLibreChatConfig;

    /// <summary>
    /// The LibreChat chart's values files (<c>containment:helmValues</c>), relative to the project folder and confined to
    /// it, in <c>helm -f</c> order: later files win, and <c>--helm-values</c> files come after them.
    /// </summary>
    public IReadOnlyList<string> HelmValues { get; init; } = [];
    public CloudProvider CloudProvider { get; init; } = CloudProvider.None;
    public EnforcementMode Mode { get; init; } = EnforcementMode.Monitor;

    /// <summary>Aviatrix Controller version, major.minor (e.g. 8.2, 9.0).</summary>
    public Version ControllerVersion { get; init; } = new(8, 2);
    public DecryptionMode Decryption { get; init; } = DecryptionMode.Off;
    public bool AgentGuard { get; init; }
    public ClusterSettings Cluster { get; init; } = new();
    public RegistrySettings Registry { get; init; } = new();
    public McpPlatform McpPlatform { get; init; } = McpPlatform.None;

    /// <summary>Obot gateway endpoint (URL or host) when <see cref="McpPlatform"/> is Obot.</summary>
    public string? ObotEndpoint { get; init; }

    /// <summary>Non-secret values for <c>${VAR}</c> in URL fields.</summary>
    public IReadOnlyDictionary<string, string> Env { get; init; } =
        new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// Names the deployment sets from a Secret (<c>containment:secretEnv</c>): present, value unknown. They are never
    /// expanded into a host or printed, whatever their name.
    /// </summary>
    public IReadOnlyList<string> SecretEnv { get; init; } = [];

    /// <summary>Where each <see cref="Env"/> value was set (<c>.env:12</c>); names missing here came from <c>containment:env</c>.</summary>
    public IReadOnlyDictionary<string, string> EnvOrigins { get; init; } =
        new Dictionary<string, string>(StringComparer.Ordinal);
    public IReadOnlyList<ExtraDestination> ExtraDestinations { get; init; } = [];
    public string AttachmentPoint { get; init; } = "TERRAFORM_BEFORE_UI_MANAGED";

    /// <summary>Catalogue overrides: hosts to add to or remove from a catalogue entry, per stack.</summary>
    public IReadOnlyList<CatalogOverride> CatalogOverrides { get; init; } = [];

    /// <summary>
    /// <c>containment:mcpHosts</c>: the hosts an MCP server whose URL host is a per-user <c>{{var}}</c> may reach,
    /// in the order written.
    /// </summary>
    public IReadOnlyList<McpHostPin> McpHosts { get; init; } = [];

    /// <summary>The registries the chart's values pull images from (<c>image.registry</c>, <c>global.imageRegistry</c>).</summary>
    public ChartImageRegistries ChartImages { get; init; } = ChartImageRegistries.None;
}

public sealed record ClusterSettings
{
    /// <summary>Aviatrix cluster id (EKS ARN, AKS resource id lower-cased, or any unique id).</summary>
    public string? Id { get; init; }
    public string Namespace { get; init; } = "librechat";

    /// <summary>Labels that select the LibreChat API pods (Helm chart defaults).</summary>
    public IReadOnlyDictionary<string, string> PodLabels { get; init; } =
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["app.kubernetes.io/name"] = "librechat",
        };

    /// <summary>
    /// Labels that select the RAG API pods. The rag-api subchart labels them <c>app.kubernetes.io/name: &lt;release&gt;-librechat-rag-api-rag</c>
    /// (danny-avila/LibreChat helm/librechat-rag-api/templates/_helpers.tpl, rag.selectorLabels); the default assumes the
    /// release is named <c>librechat</c>, as the chart's install instructions do.
    /// </summary>
    public IReadOnlyDictionary<string, string> RagApiLabels { get; init; } =
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["app.kubernetes.io/name"] = "librechat-librechat-rag-api-rag",
        };

    /// <summary>Data-store workloads (MongoDB, Meilisearch, Redis, vector DB), each a label set in the namespace.</summary>
    public IReadOnlyList<DataStoreSettings> DataStores { get; init; } =
        DataStoreSettings.HelmChartDefaults;
}

public sealed record DataStoreSettings(
    string Name,
    IReadOnlyDictionary<string, string> Labels,
    int Port
)
{
    /// <summary>
    /// The LibreChat Helm chart's data stores and their default labels and ports (shared/reference/librechat-helm-chart.md;
    /// redis is a dependency of helm/librechat/Chart.yaml 2.0.4, bitnami labels). The RAG API is not among them: it calls
    /// the internet for embeddings and has its own SmartGroup (<see cref="ClusterSettings.RagApiLabels"/>).
    /// </summary>
    public static IReadOnlyList<DataStoreSettings> HelmChartDefaults { get; } =
    [
        new(
            "meilisearch",
            new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["app.kubernetes.io/name"] = "meilisearch",
            },
            7700
        ),
        new(
            "mongodb",
            new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["app.kubernetes.io/name"] = "mongodb",
            },
            27017
        ),
        new(
            "redis",
            new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["app.kubernetes.io/name"] = "redis",
            },
            6379
        ),
        new(
            "vectordb",
            new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["app.kubernetes.io/name"] = "postgresql",
            },
            5432
        ),
    ];
}

public sealed record RegistrySettings
{
    public string? AwsAccountId { get; init; }
    public string? AwsRegion { get; init; }
    public string? AzureRegistryName { get; init; }
    public string? AzureResourceGroup { get; init; }
    public string? AzureRegion { get; init; }
    public string? GcpLocation { get; init; }
}

/// <param name="At">Where the stack file wrote the host (diff reports a stack-file change by its line).</param>
public sealed record ExtraDestination(
    string Host,
    string Reason,
    int Port = 443,
    Diagnostics.SourceSpan? At = null
);

/// <summary>One host pinned for an MCP server (<c>containment:mcpHosts.&lt;server&gt;</c>); <paramref name="At"/> is where the stack file wrote it.</summary>
public sealed record McpHostPin(string Server, string Host, Diagnostics.SourceSpan? At = null);

public sealed record CatalogOverride(
    string Catalog,
    IReadOnlyList<string> Add,
    IReadOnlyList<string> Remove
);
