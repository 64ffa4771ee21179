using System.Globalization;
using Containment.Core.Diagnostics;
using Containment.Core.Model;

namespace Containment.Core.Settings;

/// <summary>
/// Turns <c>containment:</c> keys into <see cref="StackSettings"/>, with a diagnostic naming the key and
/// the fix for every wrong type or value. Values of <c>env</c> are never put into a message.
/// </summary>
internal static class SettingsBinder
{
    /// <summary>Every <c>containment:</c> key (<see cref="StackSettingKeys"/>).</summary>
    internal static IReadOnlyList<string> KnownKeys => StackSettingKeys.All;

    public static bool IsStructured(string key) => StackSettingKeys.IsStructured(key);

    // Both incomplete-entry findings (a bare host, a mapping without host or reason) say the same thing.
    private const string ExtraDestinationFields =
        "'host' and 'reason' (why the host is allowed), as a mapping {host, reason, port}";

    public static string ExpectedShape(string key) =>
        key switch
        {
            "cluster" => "a mapping {id, namespace, podLabels, ragApiLabels, dataStores}",
            "registry" =>
                "a mapping {awsAccountId, awsRegion, azureRegistryName, azureResourceGroup, azureRegion, gcpLocation}",
            "env" => "a mapping of VARIABLE: value",
            "secretEnv" => "a list of VARIABLE names set from a Secret",
            "helmValues" =>
                "a list of the LibreChat chart's values files, relative to the project folder",
            "extraDestinations" => "a list of {host, reason, port}",
            "mcpHosts" => "a mapping of MCP server name: [host, ...]",
            "catalogOverrides" => "a list of {catalog, add, remove}",
            _ => "a string",
        };

    public static StackSettings Bind(
        string stack,
        string source,
        IReadOnlyList<(string Key, SettingNode Value, SourceSpan KeySpan)> entries,
        DiagnosticBag d
    )
    {
        var s = new StackSettings { Stack = stack, Source = source };
        if (entries.Count == 0)
        {
            d.Add(DiagnosticBuilder.AtFile(source).SettingsNoConfig());
        }
        foreach (var (key, value, keySpan) in entries)
        {
            if (!KnownKeys.Contains(key, StringComparer.Ordinal))
            {
                var hint = KnownKeys.FirstOrDefault(k =>
                    string.Equals(k, key, StringComparison.OrdinalIgnoreCase)
                );
                d.Add(
                    DiagnosticBuilder
                        .At(keySpan)
                        .UnknownSettingKey(
                            $"'containment:{key}'",
                            known: null,
                            hint is null ? null : $"'containment:{hint}'"
                        )
                );
                continue;
            }
            if (value is SettingSecret)
            {
                d.Add(DiagnosticBuilder.At(value.Span).SettingIsSecret(key));
                continue;
            }
            if (value is SettingNull)
            {
                continue;
            }
            s = key switch
            {
                "librechatConfig" => Str(key, value, d) is { } v
                    ? s with
                    {
                        LibreChatConfig = v,
                    }
                    : s,
                "cloudProvider" => Enum(
                    key,
                    value,
                    d,
                    ("aws", CloudProvider.Aws),
                    ("azure", CloudProvider.Azure),
                    ("gcp", CloudProvider.Gcp)
                )
                    is { } c
                    ? s with
                    {
                        CloudProvider = c,
                    }
                    : s,
                "mode" => Enum(
                    key,
                    value,
                    d,
                    ("monitor", EnforcementMode.Monitor),
                    ("enforce", EnforcementMode.Enforce)
                )
                    is { } m
                    ? s with
                    {
                        Mode = m,
                    }
                    : s,
                "controllerVersion" => ControllerVersion(value, d) is { } v
                    ? s with
                    {
                        ControllerVersion = v,
                    }
                    : s,
                "decryption" => Enum(
                    key,
                    value,
                    d,
                    ("off", DecryptionMode.Off),
                    ("permits", DecryptionMode.Permits)
                )
                    is { } x
                    ? s with
                    {
                        Decryption = x,
                    }
                    : s,
                "agentGuard" => Enum(
                    key,
                    value,
                    d,
                    ("off", false),
                    ("on", true),
                    ("false", false),
                    ("true", true)
                )
                    is { } g
                    ? s with
                    {
                        AgentGuard = g,
                    }
                    : s,
                "mcpPlatform" => Enum(
                    key,
                    value,
                    d,
                    ("none", McpPlatform.None),
                    ("obot", McpPlatform.Obot)
                )
                    is { } p
                    ? s with
                    {
                        McpPlatform = p,
                    }
                    : s,
                "obotEndpoint" => Str(key, value, d) is { } v ? s with { ObotEndpoint = v } : s,
                "attachmentPoint" => Str(key, value, d) is { } v
                    ? s with
                    {
                        AttachmentPoint = v,
                    }
                    : s,
                "cluster" => Cluster(value, d) is { } c ? s with { Cluster = c } : s,
                "registry" => Registry(value, d) is { } r ? s with { Registry = r } : s,
                "env" => Env(value, d) is { } e ? s with { Env = e } : s,
                "secretEnv" => SecretEnv(value, d) is { } n ? s with { SecretEnv = n } : s,
                "helmValues" => HelmValuesPaths(value, d) is { } h ? s with { HelmValues = h } : s,
                "extraDestinations" => ExtraDestinations(value, d) is { } x
                    ? s with
                    {
                        ExtraDestinations = x,
                    }
                    : s,
                "mcpHosts" => McpHosts(value, d) is { } h ? s with { McpHosts = h } : s,
                "catalogOverrides" => CatalogOverrides(value, d) is { } o
                    ? s with
                    {
                        CatalogOverrides = o,
                    }
                    : s,
                _ => s,
            };
        }
        return s;
    }

    private static string? Str(string key, SettingNode value, DiagnosticBag d)
    {
        if (value is SettingScalar sc)
        {
            return sc.Value.Trim();
        }
        d.Add(DiagnosticBuilder.At(value.Span).SettingWrongType(key, "a string", value.Kind));
        return null;
    }

    private static T? Enum<T>(
        string key,
        SettingNode value,
        DiagnosticBag d,
        params (string Name, T Value)[] options
    )
        where T : struct
    {
        if (Str(key, value, d) is not { } text)
        {
            return null;
        }
        foreach (var (name, v) in options)
        {
            if (string.Equals(name, text, StringComparison.Ordinal))
            {
                return v;
            }
        }
        var allowed = string.Join(
            ", ",
            options.Select(o => o.Name).Where(n => n is not ("true" or "false"))
        );
        d.Add(DiagnosticBuilder.At(value.Span).SettingInvalidValue(key, text, allowed));
        return null;
    }

    private static Version? ControllerVersion(SettingNode value, DiagnosticBag d)
    {
        if (Str("controllerVersion", value, d) is not { } text)
        {
            return null;
        }
        var parts = text.Split('.');
        if (
            parts.Length is >= 1 and <= 3
            && parts.All(p => p.Length > 0 && p.All(char.IsAsciiDigit))
        )
        {
            var n = parts
                .Select(p => int.Parse(p, NumberStyles.None, CultureInfo.InvariantCulture))
                .ToArray();
            return n.Length switch
            {
                1 => new Version(n[0], 0),
                2 => new Version(n[0], n[1]),
                _ => new Version(n[0], n[1], n[2]),
            };
        }
        d.Add(DiagnosticBuilder.At(value.Span).SettingInvalidVersion(text));
        return null;
    }

    private static int? Int(string what, SettingNode value, DiagnosticBag d)
    {
        if (
            value is SettingScalar sc
            && int.TryParse(
                sc.Value.Trim(),
                NumberStyles.None,
                CultureInfo.InvariantCulture,
                out var n
            )
        )
        {
            return n;
        }
        d.Add(
            DiagnosticBuilder
                .At(value.Span)
                .SettingWrongType(what, "a whole number (a port such as 443)", value.Kind)
        );
        return null;
    }

    private static SettingMap? Map(string what, SettingNode value, DiagnosticBag d)
    {
        if (value is SettingMap m)
        {
            return m;
        }
        d.Add(
            DiagnosticBuilder.At(value.Span).SettingWrongType(what, ExpectedShape(what), value.Kind)
        );
        return null;
    }

    private static SettingList? List(string what, SettingNode value, DiagnosticBag d)
    {
        if (value is SettingList l)
        {
            return l;
        }
        d.Add(
            DiagnosticBuilder.At(value.Span).SettingWrongType(what, ExpectedShape(what), value.Kind)
        );
        return null;
    }

    private static Dictionary<string, string>? StringMap(
        string what,
        SettingNode value,
        DiagnosticBag d,
        bool secretValues = false
    )
    {
        if (value is not SettingMap m)
        {
            d.Add(
                DiagnosticBuilder
                    .At(value.Span)
                    .SettingWrongType(what, "a mapping of strings", value.Kind)
            );
            return null;
        }
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in m.Entries)
        {
            if (v is SettingScalar sc)
            {
                result[k] = sc.Value;
            }
            else if (v is not SettingNull)
            {
                // The value is never echoed: env may be mistaken for a place to put secrets.
                d.Add(
                    DiagnosticBuilder
                        .At(v.Span)
                        .SettingWrongType(
                            $"{what}.{k}",
                            secretValues ? "a plain string value" : "a string",
                            v.Kind
                        )
                );
            }
        }
        return result;
    }

    private static ClusterSettings? Cluster(SettingNode value, DiagnosticBag d)
    {
        if (Map("cluster", value, d) is not { } m)
        {
            return null;
        }
        var c = new ClusterSettings();
        foreach (var (k, v) in m.Entries)
        {
            switch (k)
            {
                case "id":
                    c = Str("cluster.id", v, d) is { } id ? c with { Id = id } : c;
                    break;
                case "namespace":
                    c = Str("cluster.namespace", v, d) is { } ns ? c with { Namespace = ns } : c;
                    break;
                case "podLabels":
                    c = StringMap("cluster.podLabels", v, d) is { } labels
                        ? c with
                        {
                            PodLabels = labels,
                        }
                        : c;
                    break;
                case "ragApiLabels":
                    c = StringMap("cluster.ragApiLabels", v, d) is { } ragLabels
                        ? c with
                        {
                            RagApiLabels = ragLabels,
                        }
                        : c;
                    break;
                case "dataStores":
                    c = DataStores(v, d) is { } stores ? c with { DataStores = stores } : c;
                    break;
                default:
                    d.Add(
                        DiagnosticBuilder
                            .At(v.Span)
                            .UnknownSettingKey(
                                $"cluster.{k}",
                                ["id", "namespace", "podLabels", "ragApiLabels", "dataStores"],
                                didYouMean: null
                            )
                    );
                    break;
            }
        }
        return c;
    }

    private static List<DataStoreSettings>? DataStores(SettingNode value, DiagnosticBag d)
    {
        if (value is not SettingList list)
        {
            d.Add(
                DiagnosticBuilder
                    .At(value.Span)
                    .SettingWrongType(
                        "cluster.dataStores",
                        "a list of {name, labels, port}",
                        value.Kind
                    )
            );
            return null;
        }
        var result = new List<DataStoreSettings>();
        foreach (var item in list.Items)
        {
            if (item is not SettingMap m)
            {
                d.Add(
                    DiagnosticBuilder
                        .At(item.Span)
                        .SettingWrongType(
                            "each cluster.dataStores entry",
                            "a mapping {name, labels, port}",
                            item.Kind
                        )
                );
                continue;
            }
            var name = Field(m, "name") is { } n ? Str("cluster.dataStores.name", n, d) : null;
            var labels = Field(m, "labels") is { } l
                ? StringMap("cluster.dataStores.labels", l, d)
                : null;
            var port = Field(m, "port") is { } p ? Int("cluster.dataStores.port", p, d) : null;
            if (name is null || labels is null || port is null)
            {
                d.Add(
                    DiagnosticBuilder
                        .At(m.Span)
                        .SettingMissingField("cluster.dataStores", "name, labels and port")
                );
                continue;
            }
            result.Add(new DataStoreSettings(name, labels, port.Value));
        }
        return result;
    }

    private static RegistrySettings? Registry(SettingNode value, DiagnosticBag d)
    {
        if (Map("registry", value, d) is not { } m)
        {
            return null;
        }
        var r = new RegistrySettings();
        foreach (var (k, v) in m.Entries)
        {
            var text = v is SettingNull ? null : Str("registry." + k, v, d);
            r = k switch
            {
                "awsAccountId" => r with { AwsAccountId = text },
                "awsRegion" => r with { AwsRegion = text },
                "azureRegistryName" => r with { AzureRegistryName = text },
                "azureResourceGroup" => r with { AzureResourceGroup = text },
                "azureRegion" => r with { AzureRegion = text },
                "gcpLocation" => r with { GcpLocation = text },
                _ => Unknown(r, "registry." + k, v, d),
            };
        }
        return r;
    }

    private static Dictionary<string, string>? Env(SettingNode value, DiagnosticBag d) =>
        StringMap("env", value, d, secretValues: true);

    private static List<ExtraDestination>? ExtraDestinations(SettingNode value, DiagnosticBag d)
    {
        if (List("extraDestinations", value, d) is not { } list)
        {
            return null;
        }
        var result = new List<ExtraDestination>();
        foreach (var item in list.Items)
        {
            if (item is SettingScalar)
            {
                d.Add(
                    DiagnosticBuilder
                        .At(item.Span)
                        .SettingMissingField("extraDestinations", ExtraDestinationFields)
                );
                continue;
            }
            if (Map("extraDestinations", item, d) is not { } m)
            {
                continue;
            }
            var host = Field(m, "host") is { } h ? Str("extraDestinations.host", h, d) : null;
            var reason = Field(m, "reason") is { } r ? Str("extraDestinations.reason", r, d) : null;
            var port = Field(m, "port") is { } p ? Int("extraDestinations.port", p, d) : 443;
            if (string.IsNullOrWhiteSpace(host) || string.IsNullOrWhiteSpace(reason))
            {
                d.Add(
                    DiagnosticBuilder
                        .At(m.Span)
                        .SettingMissingField("extraDestinations", ExtraDestinationFields)
                );
                continue;
            }
            if (port is null)
            {
                continue;
            }
            result.Add(new ExtraDestination(host, reason, port.Value, Field(m, "host")?.Span));
        }
        return result;
    }

    /// <summary>
    /// <c>mcpHosts: { server: [host, ...] }</c>. Hosts stay as written: the policy stage passes each through the same
    /// host gate as extraDestinations (no bare '*', no public-suffix wildcard).
    /// </summary>
    private static List<McpHostPin>? McpHosts(SettingNode value, DiagnosticBag d)
    {
        if (Map("mcpHosts", value, d) is not { } m)
        {
            return null;
        }
        var pins = new List<McpHostPin>();
        foreach (var (server, hosts) in m.Entries)
        {
            if (hosts is SettingNull)
            {
                continue;
            }
            if (hosts is not SettingList list)
            {
                d.Add(
                    DiagnosticBuilder
                        .At(hosts.Span)
                        .SettingWrongType($"mcpHosts.{server}", "a list of host names", hosts.Kind)
                );
                continue;
            }
            foreach (var item in list.Items)
            {
                if (Str($"mcpHosts.{server}", item, d) is { Length: > 0 } host)
                {
                    pins.Add(new McpHostPin(server, host, item.Span));
                }
            }
        }
        return pins;
    }

    private static List<CatalogOverride>? CatalogOverrides(SettingNode value, DiagnosticBag d)
    {
        if (List("catalogOverrides", value, d) is not { } list)
        {
            return null;
        }
        var result = new List<CatalogOverride>();
        foreach (var item in list.Items)
        {
            if (Map("catalogOverrides", item, d) is not { } m)
            {
                continue;
            }
            var catalog = Field(m, "catalog") is { } c
                ? Str("catalogOverrides.catalog", c, d)
                : null;
            if (string.IsNullOrWhiteSpace(catalog))
            {
                d.Add(
                    DiagnosticBuilder
                        .At(m.Span)
                        .SettingMissingField(
                            "catalogOverrides",
                            "'catalog' (an entry id such as docker-hub, or registries)"
                        )
                );
                continue;
            }
            result.Add(
                new CatalogOverride(
                    catalog,
                    Strings("catalogOverrides.add", Field(m, "add"), d),
                    Strings("catalogOverrides.remove", Field(m, "remove"), d)
                )
            );
        }
        return result;
    }

    /// <summary>Variable names only: the values live in the cluster's Secret and never pass through Containment.</summary>
    private static List<string>? SecretEnv(SettingNode value, DiagnosticBag d)
    {
        if (List("secretEnv", value, d) is not { } list)
        {
            return null;
        }
        var names = new List<string>();
        foreach (var item in list.Items)
        {
            if (Str("secretEnv", item, d) is { } name)
            {
                names.Add(name);
            }
        }
        return names;
    }

    /// <summary>Paths as written; they are confined to the project folder where they are read (Pipeline/HelmInputs).</summary>
    private static List<string>? HelmValuesPaths(SettingNode value, DiagnosticBag d)
    {
        if (List("helmValues", value, d) is not { } list)
        {
            return null;
        }
        var paths = new List<string>();
        foreach (var item in list.Items)
        {
            if (Str("helmValues", item, d) is { Length: > 0 } path)
            {
                paths.Add(path);
            }
        }
        return paths;
    }

    private static List<string> Strings(string what, SettingNode? value, DiagnosticBag d)
    {
        if (value is null or SettingNull)
        {
            return [];
        }
        if (value is not SettingList list)
        {
            d.Add(
                DiagnosticBuilder
                    .At(value.Span)
                    .SettingWrongType(what, "a list of host names", value.Kind)
            );
            return [];
        }
        var result = new List<string>();
        foreach (var item in list.Items)
        {
            if (Str(what, item, d) is { } s)
            {
                result.Add(s);
            }
        }
        return result;
    }

    private static SettingNode? Field(SettingMap m, string key) =>
        m.Entries.FirstOrDefault(p => string.Equals(p.Key, key, StringComparison.Ordinal)).Value;

    private static T Unknown<T>(T current, string what, SettingNode v, DiagnosticBag d)
    {
        d.Add(DiagnosticBuilder.At(v.Span).UnknownSettingKey(what, known: null, didYouMean: null));
        return current;
    }
}
