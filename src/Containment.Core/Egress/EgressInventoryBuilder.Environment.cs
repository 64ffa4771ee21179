using Containment.Core.Diagnostics;
using Containment.Core.LibreChat;
using Containment.Core.Model;

namespace Containment.Core.Egress;

/// <summary>
/// Features LibreChat's environment switches on without a librechat.yaml section (<see cref="EnvFeatureTable"/>):
/// a key alone enables a provider, a proxy variable replaces its vendor host. Secrets count as present by name;
/// their values never become a host.
/// </summary>
public sealed partial class EgressInventoryBuilder
{
    private void AddEnvFeatures()
    {
        foreach (var (feature, trigger, hidden) in EnabledEnvFeatures())
        {
            if (hidden)
            {
                _diagnostics.Add(
                    DiagnosticBuilder
                        .At(SettingsSpan)
                        .EnvFeatureHidden(trigger, feature.EndpointKey ?? feature.Id)
                );
                continue;
            }
            if (YamlReplacesEnvFeature(feature))
            {
                continue;
            }
            var purpose = PurposeOf(feature.Kind);
            var what = $"{feature.Id} (switched on by {trigger})";
            IReadOnlyList<Provenance> sources =
            [
                EnvProvenance(trigger),
                new SettingProvenance("librechat", feature.Source),
            ];
            if (feature.ProxyVariable is { } proxy && IsPresent(proxy))
            {
                AddEnvUrl(proxy, purpose, what, hostOnly: feature.ProxyIsHost);
                AddKeptWithProxy(feature, sources, what);
                continue;
            }
            if (YamlCatalogEntry(feature.Id) is { } entry)
            {
                // The vendor host through the catalogue, so a catalogue override reaches env-enabled providers too.
                AddCatalogEntry(
                    Providers,
                    entry,
                    purpose,
                    sources[0],
                    SettingsSpan,
                    what,
                    moreSources: sources.Skip(1).ToList()
                );
            }
            else
            {
                foreach (var host in feature.DefaultHosts)
                {
                    AddHost(host, 443, purpose, sources, SettingsSpan, what);
                }
            }
            if (feature.Regional is { } regional)
            {
                AddEnvRegional(feature, regional, sources, what);
            }
        }
    }

    /// <summary><see cref="EnvFeatureTable.Enabled"/> over this stack's environment.</summary>
    private IReadOnlyList<(EnvFeature Feature, string Trigger, bool Hidden)> EnabledEnvFeatures() =>
        EnvFeatureTable.Enabled(
            IsPresent,
            _settings.Env.GetValueOrDefault("ENDPOINTS"),
            name =>
                _settings.SecretEnv.Contains(name, StringComparer.Ordinal)
                    ? null
                    : _settings.Env.GetValueOrDefault(name)
        );

    /// <summary>True when the variable is set: a non-empty value, or a name the deployment sets from a Secret.</summary>
    private bool IsPresent(string name) =>
        _settings.SecretEnv.Contains(name, StringComparer.Ordinal)
        || _settings.Env.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v);

    /// <summary>A URL variable (a reverse proxy, a base URL) as a destination; a secret one is an error naming it.</summary>
    private void AddEnvUrl(
        string name,
        EgressPurpose purpose,
        string what,
        SmartGroupRole workload = SmartGroupRole.Pods,
        bool hostOnly = false
    )
    {
        if (EnvSecret(name))
        {
            _diagnostics.Add(DiagnosticBuilder.At(SettingsSpan).SecretInHost(what, [name]));
            return;
        }
        var value = _settings.Env[name].Trim();
        if (hostOnly && value.Contains("://", StringComparison.Ordinal))
        {
            _diagnostics.Add(
                DiagnosticBuilder
                    .At(SettingsSpan)
                    .InvalidUrl(what, $"${{{name}}}", bareHostExpected: true)
            );
            return;
        }
        if (hostOnly)
        {
            // LibreChat builds the URL itself (bedrock/initialize.ts: `https://${BEDROCK_REVERSE_PROXY}`), so a value
            // that already has a scheme makes a broken URL there and no host here.
            value = "https://" + value;
        }
        if (Net.UrlParts.TryParse(value) is not { } parts)
        {
            _diagnostics.Add(
                DiagnosticBuilder
                    .At(SettingsSpan)
                    .InvalidUrl(what, $"${{{name}}}", bareHostExpected: false)
            );
            return;
        }
        AddHost(
            parts.Host,
            parts.EffectivePort,
            purpose,
            [EnvProvenance(name)],
            SettingsSpan,
            what,
            workload: workload
        );
    }

    private bool EnvSecret(string name) =>
        _settings.SecretEnv.Contains(name, StringComparer.Ordinal)
        || SecretVariables.LooksSecret(name)
        || !_settings.Env.ContainsKey(name);

    /// <summary>"secret OPENAI_API_KEY, present", ".env:12 OPENAI_REVERSE_PROXY" or "containment:env OCR_BASEURL".</summary>
    private SettingProvenance EnvProvenance(string name)
    {
        if (
            _settings.SecretEnv.Contains(name, StringComparer.Ordinal)
            && !_settings.Env.ContainsKey(name)
        )
        {
            return new SettingProvenance("secretEnv", $"secret {name}, present");
        }
        return new SettingProvenance("env", EnvOrigin(name));
    }

    /// <summary>
    /// Where a plain variable was set, naming it once: <c>.env:12 OCR_BASEURL</c>, <c>containment:env OCR_BASEURL</c>,
    /// or a values-file key path, which already ends in the name (<c>infra/values.yaml librechat.configEnv.OCR_BASEURL</c>).
    /// </summary>
    private string EnvOrigin(string name)
    {
        var origin = _settings.EnvOrigins.GetValueOrDefault(name) ?? "containment:env";
        return origin.EndsWith("." + name, StringComparison.Ordinal) ? origin : $"{origin} {name}";
    }

    private static EgressPurpose PurposeOf(EnvFeatureKind kind) =>
        kind switch
        {
            EnvFeatureKind.WebSearch => EgressPurpose.WebSearch,
            EnvFeatureKind.Tool => EgressPurpose.Actions,
            _ => EgressPurpose.LlmProvider,
        };
}
