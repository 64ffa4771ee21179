using Containment.Core.Catalog;
using Containment.Core.Diagnostics;
using Containment.Core.LibreChat;
using Containment.Core.Model;
using Containment.Core.Net;
using Containment.Core.Policy;
using Containment.Core.Settings;

namespace Containment.Core.Egress;

/// <summary>
/// Turns a LibreChat config and stack settings into the list of destinations it implies, each with
/// provenance. One method per config section (partial files); this file holds the shared rules for
/// turning a URL or a host into a destination or a diagnostic.
/// </summary>
public sealed partial class EgressInventoryBuilder
{
    private readonly LibreChatConfig _config;
    private readonly StackSettings _settings;
    private readonly CatalogSet _catalogs;
    private readonly DiagnosticBag _diagnostics;
    private readonly List<EgressDestination> _items = [];

    private EgressInventoryBuilder(
        LibreChatConfig config,
        StackSettings settings,
        CatalogSet catalogs,
        DiagnosticBag diagnostics
    )
    {
        _config = config;
        _settings = settings;
        _catalogs = catalogs;
        _diagnostics = diagnostics;
    }

    public static EgressInventory Build(
        LibreChatConfig config,
        StackSettings settings,
        CatalogSet catalogs,
        DiagnosticBag diagnostics
    )
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(settings);
        UnknownHosts.Report(config, settings.Mode, diagnostics);
        var builder = new EgressInventoryBuilder(config, settings, catalogs, diagnostics);
        builder.AddLlmProviders();
        builder.AddEnvFeatures();
        builder.AddRagApi();
        builder.AddExternalDataStores();
        builder.AddMcpServers();
        builder.AddWebSearch();
        builder.AddSpeech();
        builder.AddOcr();
        builder.AddFileStorage();
        builder.AddIdentity();
        builder.AddEnvLogins();
        builder.AddActions();
        builder.AddConfigPath();
        builder.AddExtraDestinations();
        builder.AddRegistries();
        builder.WarnRuntimeOnlyEgress();
        return new EgressInventory(Merge(builder._items));
    }

    private Severity UnknownHostSeverity => UnknownHosts.SeverityFor(_settings.Mode);

    private SourceSpan FileSpan => SourceSpan.FileOnly(_config.File);

    private SourceSpan SettingsSpan => SourceSpan.FileOnly(_settings.Source);

    private static ConfigProvenance Prov(ConfigLocation l) => new(l.File, l.Path, l.Line, l.Column);

    /// <summary>A URL-bearing field: resolved URLs become destinations, the other states diagnostics.</summary>
    private void AddUrl(
        UrlValue? url,
        EgressPurpose purpose,
        string what,
        string? mcpServer = null,
        Provenance? extra = null
    )
    {
        if (url is null)
        {
            return;
        }
        var span = url.Location.Span;
        switch (url.State)
        {
            case UrlState.Resolved when url.Parts is { } parts:
                IReadOnlyList<Provenance> sources = extra is null
                    ? [Prov(url.Location)]
                    : [Prov(url.Location), extra];
                AddHost(parts.Host, parts.EffectivePort, purpose, sources, span, what, mcpServer);
                break;
            case UrlState.Unresolved:
            case UrlState.UserProvided:
            case UrlState.PerUser:
                // Reported once, from config.Unresolved by UnknownHosts (user_provided by the reader, a per-user
                // MCP host with its pins by AddPinnedHosts); the host is unknown, so nothing is allowed here.
                break;
            default:
                _diagnostics.Add(
                    DiagnosticBuilder
                        .At(span)
                        .InvalidUrl(what, "the value", bareHostExpected: false)
                );
                break;
        }
    }

    /// <summary>A concrete host: classified, then kept as internet or in-cluster egress, or reported.</summary>
    private void AddHost(
        string rawHost,
        int port,
        EgressPurpose purpose,
        IReadOnlyList<Provenance> sources,
        SourceSpan span,
        string what,
        string? mcpServer = null,
        SmartGroupRole workload = SmartGroupRole.Pods
    )
    {
        if (rawHost.Contains("${", StringComparison.Ordinal))
        {
            _diagnostics.Add(
                DiagnosticBuilder.At(span).UnresolvedHost(what, $"the host '{rawHost}'", []) with
                {
                    Severity = UnknownHostSeverity,
                }
            );
            return;
        }
        if (rawHost.Contains('*', StringComparison.Ordinal))
        {
            // Reached only by values that name one host (URLs, env values, a filled template): a '*' here would
            // become a WebGroup wildcard nobody wrote as one. The value is not printed: env values may be secrets.
            _diagnostics.Add(DiagnosticBuilder.At(span).WildcardInConcreteHost(what, "this value"));
            return;
        }
        var host = HostName.Normalize(rawHost);
        var kind = HostName.Classify(host);
        switch (kind)
        {
            case HostKind.Public:
                _items.Add(
                    new EgressDestination(host!, port, purpose, workload, kind, sources, mcpServer)
                );
                break;
            case HostKind.InCluster or HostKind.Loopback or HostKind.PrivateAddress:
                _items.Add(
                    new EgressDestination(host!, port, purpose, workload, kind, sources, mcpServer)
                );
                _diagnostics.Add(
                    DiagnosticBuilder
                        .At(span)
                        .InClusterDestination(what, host!, Describe(kind), pattern: false)
                );
                break;
            case HostKind.PublicAddress:
                _diagnostics.Add(DiagnosticBuilder.At(span).PublicIpDestination(what, host!));
                break;
            default:
                _diagnostics.Add(
                    DiagnosticBuilder
                        .At(span)
                        .InvalidHostPattern(what, HostPatternFault.NotAHostName, rawHost, 0)
                );
                break;
        }
    }

    /// <summary>A host that may be a pattern (settings, actions.allowedDomains, catalogue overrides).</summary>
    private void AddPattern(
        string raw,
        int port,
        EgressPurpose purpose,
        IReadOnlyList<Provenance> sources,
        SourceSpan span,
        string what,
        bool fromCatalogue,
        SmartGroupRole workload = SmartGroupRole.Pods,
        string? mcpServer = null
    )
    {
        var (host, problem) = HostPattern.Normalize(raw, fromCatalogue);
        switch (problem)
        {
            case HostPatternProblem.BareWildcard:
                _diagnostics.Add(DiagnosticBuilder.At(span).BareWildcard(what, raw.Trim()));
                return;
            case HostPatternProblem.TooBroad:
                _diagnostics.Add(
                    DiagnosticBuilder
                        .At(span)
                        .InvalidHostPattern(what, HostPatternFault.TooBroad, raw.Trim(), 0)
                );
                return;
            case HostPatternProblem.MidLabelWildcard:
                _diagnostics.Add(
                    DiagnosticBuilder
                        .At(span)
                        .InvalidHostPattern(what, HostPatternFault.MidLabelWildcard, raw.Trim(), 0)
                );
                return;
            case HostPatternProblem.Malformed:
                _diagnostics.Add(
                    DiagnosticBuilder
                        .At(span)
                        .InvalidHostPattern(what, HostPatternFault.NotAHostName, raw.Trim(), 0)
                );
                return;
            case HostPatternProblem.PublicSuffixWildcard:
                ReportPublicSuffixWildcard(host!, span, what);
                return;
            case HostPatternProblem.LookupToken:
                _diagnostics.Add(
                    DiagnosticBuilder.At(span).LookupTokenOutsideCatalogue(what, raw.Trim())
                );
                return;
        }
        ArgumentNullException.ThrowIfNull(host);
        if (
            HostName.IsWildcard(host)
            && HostName.Classify(host[2..]) is not HostKind.Public and var suffixKind
            && !host.Contains('{', StringComparison.Ordinal)
        )
        {
            // *.svc.cluster.local and friends: in-cluster names, never an internet WebGroup entry.
            _items.Add(
                new EgressDestination(host, port, purpose, workload, suffixKind, sources, mcpServer)
            );
            _diagnostics.Add(
                DiagnosticBuilder
                    .At(span)
                    .InClusterDestination(what, host, Describe(suffixKind), pattern: true)
            );
            return;
        }
        if (
            host.Contains('{', StringComparison.Ordinal)
            || host.Contains('*', StringComparison.Ordinal)
        )
        {
            if (host.Contains('*', StringComparison.Ordinal) && !HostName.IsWildcard(host))
            {
                _diagnostics.Add(
                    DiagnosticBuilder.At(span).MidLabelWildcardFromCatalogue(what, host)
                );
            }
            _items.Add(
                new EgressDestination(
                    host,
                    port,
                    purpose,
                    workload,
                    HostKind.Public,
                    sources,
                    mcpServer
                )
            );
            return;
        }
        AddHost(host, port, purpose, sources, span, what, mcpServer, workload);
    }

    /// <summary>
    /// Every host of a catalogue entry, with placeholders filled (config values and the registry tokens the stack
    /// pins), provenance = trigger + catalogue.
    /// </summary>
    private void AddCatalogEntry(
        string catalogue,
        string entryId,
        EgressPurpose purpose,
        Provenance? trigger,
        SourceSpan span,
        string what,
        IReadOnlyList<PlaceholderValue>? fill = null,
        SmartGroupRole workload = SmartGroupRole.Pods,
        string? mcpServer = null,
        IReadOnlyList<Provenance>? moreSources = null
    )
    {
        var pinned = LookupTokens
            .Pinned(_settings.Registry)
            .Select(p => new PlaceholderValue(p.Placeholder, p.Value, p.Field));
        var values = (fill ?? []).Concat(pinned).ToList();
        foreach (var h in _catalogs.Hosts(catalogue, entryId))
        {
            if (Fill(h.Template, values, span, what) is not { } host)
            {
                continue;
            }
            IReadOnlyList<Provenance> sources =
            [
                .. trigger is null ? [] : new[] { trigger },
                h.Source,
                .. moreSources ?? [],
            ];
            AddPattern(
                host,
                443,
                purpose,
                sources,
                span,
                what,
                fromCatalogue: h.Source is CatalogProvenance,
                workload,
                mcpServer
            );
        }
    }

    private void ReportPublicSuffixWildcard(string wildcard, SourceSpan span, string what)
    {
        var domain = wildcard[2..];
        var suffix = HostPattern.PublicSuffixUnder(domain) ?? domain;
        var where = string.Equals(suffix, domain, StringComparison.Ordinal)
            ? $"the public suffix {suffix}"
            : $"{domain}, which holds the public suffix {suffix}";
        _diagnostics.Add(
            DiagnosticBuilder
                .At(span)
                .WildcardOverPublicSuffix(what, domain, where, PublicSuffixList.Shipped.Date)
        );
    }

    private bool TryEnv(string name, out string value)
    {
        if (
            _settings.SecretEnv.Contains(name, StringComparer.Ordinal)
            || SecretVariables.LooksSecret(name)
        )
        {
            // A host, region or account taken from a secret would print it: refuse, naming the variable only.
            if (IsPresent(name))
            {
                _diagnostics.Add(
                    DiagnosticBuilder.At(SettingsSpan).SecretInHost("containment:env", [name])
                );
            }
            value = "";
            return false;
        }
        if (_settings.Env.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v))
        {
            value = v.Trim();
            return true;
        }
        value = "";
        return false;
    }

    private static string Describe(HostKind kind) =>
        kind switch
        {
            HostKind.Loopback => "loopback (inside the pod or node)",
            HostKind.PrivateAddress => "a private address",
            _ => "an in-cluster name",
        };

    /// <summary>Merges duplicates (same host, port, purpose, workload, server), keeping every provenance.</summary>
    private static List<EgressDestination> Merge(List<EgressDestination> items) =>
        [
            .. items
                .GroupBy(d => (d.Host, d.Port, d.Purpose, d.Workload, d.McpServer ?? "", d.Kind))
                .Select(g =>
                    g.First() with
                    {
                        Sources =
                        [
                            .. g.SelectMany(d => d.Sources)
                                .Distinct()
                                .OrderBy(s => s.SortKey, StringComparer.Ordinal),
                        ],
                    }
                )
                .OrderBy(d => d.Host, StringComparer.Ordinal)
                .ThenBy(d => d.Port)
                .ThenBy(d => d.Purpose)
                .ThenBy(d => d.Workload)
                .ThenBy(d => d.McpServer ?? "", StringComparer.Ordinal),
        ];
}
