using System.Globalization;
using Containment.Core.Diagnostics;
using Containment.Core.LibreChat;
using Containment.Core.Model;
using Containment.Core.Policy;
using Containment.Core.Settings;

namespace Containment.Core.Egress;

/// <summary>
/// Workloads of the chart besides LibreChat's pods (issue 12 items 10-11): the RAG API calls its embeddings provider
/// from its own pods, and a data store outside the cluster is internet egress from LibreChat's pods on its own port.
/// </summary>
public sealed partial class EgressInventoryBuilder
{
    /// <summary>
    /// The RAG API runs when LibreChat is told where it is (<c>RAG_API_URL</c>, read by LibreChat's
    /// api/server/services/Files/VectorDB/crud.js and api/app/clients/tools/util/fileSearch.js).
    /// </summary>
    public static bool RagApiPresent(StackSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var name = RagEmbeddingsTable.PresenceVariable;
        return settings.SecretEnv.Contains(name, StringComparer.Ordinal)
            || settings.Env.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v);
    }

    private void AddRagApi()
    {
        if (!RagApiPresent(_settings))
        {
            return;
        }
        _settings.Env.TryGetValue(RagEmbeddingsTable.ProviderVariable, out var chosen);
        var provider = RagEmbeddingsTable.Find(chosen);
        if (provider is null)
        {
            // Only the variable's name is printed: its value came from a hostile .env.
            _diagnostics.Add(
                DiagnosticBuilder
                    .At(SettingsSpan)
                    .UnknownEmbeddingsProvider(RagEmbeddingsTable.ProviderVariable)
            );
            return;
        }
        var what = $"RAG API embeddings ({provider.Provider})";
        if (provider.UrlVariables.FirstOrDefault(IsPresent) is { } urlVariable)
        {
            AddEnvUrl(urlVariable, EgressPurpose.Embeddings, what, SmartGroupRole.RagApi);
            return;
        }
        if (provider.DefaultUrls.Count == 0)
        {
            _diagnostics.Add(
                DiagnosticBuilder
                    .At(SettingsSpan)
                    .UnresolvedHost(what, "the embeddings host", provider.UrlVariables) with
                {
                    Severity = UnknownHostSeverity,
                }
            );
            return;
        }
        var trigger = IsPresent(RagEmbeddingsTable.ProviderVariable)
            ? EnvProvenance(RagEmbeddingsTable.ProviderVariable)
            : EnvProvenance(RagEmbeddingsTable.PresenceVariable);
        IReadOnlyList<Provenance> sources =
        [
            trigger,
            new SettingProvenance("rag_api", provider.Source),
        ];
        var region = TryEnv("AWS_DEFAULT_REGION", out var r)
            ? r.ToLowerInvariant()
            : RagEmbeddingsTable.DefaultBedrockRegion;
        foreach (var url in provider.DefaultUrls)
        {
            var parts = Net.UrlParts.TryParse(
                url.Replace("{region}", region, StringComparison.Ordinal)
            );
            if (parts is not null)
            {
                AddHost(
                    parts.Host,
                    parts.EffectivePort,
                    EgressPurpose.Embeddings,
                    sources,
                    SettingsSpan,
                    what,
                    workload: SmartGroupRole.RagApi
                );
            }
        }
    }

    /// <summary>
    /// MongoDB (<c>MONGO_URI</c>, always read: api/db/connect.js) and Redis (<c>REDIS_URI</c> when <c>USE_REDIS</c> is enabled:
    /// api/cache/cacheConfig.js). A store inside the cluster is the data stores' own path (permit-pods-to-data-stores). One
    /// outside it is internet egress from LibreChat's pods on the store's port, but both variables are on LibreChat's own
    /// list of sensitive variables (they carry passwords), and a secret never becomes a host or output: the store is
    /// reported as outside the cluster, with its port and never its host, and the operator names it in extraDestinations.
    /// </summary>
    private void AddExternalDataStores()
    {
        AddExternalStore("MONGO_URI", 27017);
        if (
            _settings.Env.TryGetValue("USE_REDIS", out var useRedis)
            && string.Equals(useRedis.Trim(), "true", StringComparison.OrdinalIgnoreCase)
        )
        {
            AddExternalStore("REDIS_URI", 6379);
        }
    }

    private void AddExternalStore(string name, int defaultPort)
    {
        if (!IsPresent(name))
        {
            return;
        }
        if (
            !_settings.Env.TryGetValue(name, out var value)
            || _settings.SecretEnv.Contains(name, StringComparer.Ordinal)
        )
        {
            _diagnostics.Add(
                DiagnosticBuilder
                    .At(SettingsSpan)
                    .ExternalStoreFromSecret(
                        name,
                        defaultPort.ToString(CultureInfo.InvariantCulture),
                        outside: false,
                        srv: false
                    )
            );
            return;
        }
        // Parsed only to tell inside from outside; userinfo is cut off and nothing of the value is printed.
        var external = (DataStoreUri.Hosts(value, defaultPort) ?? [])
            .Where(h =>
                Net.HostName.Normalize(h.Host) is { } n
                && Net.HostName.Classify(n) == Net.HostKind.Public
            )
            .ToList();
        if (external.Count == 0)
        {
            return;
        }
        var ports = string.Join(", ", external.Select(h => h.Port).Distinct().Order());
        // mongodb+srv: the driver connects to the hosts DNS SRV names, which share the seed's parent domain.
        _diagnostics.Add(
            DiagnosticBuilder
                .At(SettingsSpan)
                .ExternalStoreFromSecret(
                    name,
                    ports,
                    outside: true,
                    srv: external.Any(h => h.Srv)
                ) with
            {
                Severity = Severity.Warning,
            }
        );
    }
}
