using Containment.Core.LibreChat;
using Containment.Core.Model;
using Containment.Core.Net;
using Containment.Core.Settings;
using Containment.Tests.Egress;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static Containment.Tests.Infrastructure.Models.SampleConfigs;
using HostName = Containment.Core.Net.HostName;

namespace Containment.Tests.Net;

/// <summary>One hostile value and where it is put; <see cref="ToString"/> is the counterexample FsCheck prints.</summary>
public sealed record HostileValue(string Text, string Field)
{
    public override string ToString() =>
        $"{Field} = {System.Text.Json.JsonSerializer.Serialize(Text)}";
}

public static class HostileValues
{
    // Wildcards, public suffixes, confusables (fullwidth, long s, dotted I, Kelvin, Cyrillic), separators,
    // userinfo, fragments, paths, backslashes, encoded dots, invisible and bidi characters, tokens.
    private static readonly string[] Atoms =
    [
        "*",
        "*.",
        ".",
        "..",
        "-",
        "_",
        "a",
        "evil",
        "0",
        "9",
        "com",
        "co.uk",
        "github.io",
        "s3.amazonaws.com",
        "amazonaws.com",
        "vercel.app",
        "ngrok.io",
        "blob.core.windows.net",
        "openai.azure.com",
        ".azure.com",
        "Ｅ",
        "ＥＶＩＬ",
        "ſ",
        "İ",
        "K",
        "а",
        "ß",
        "。",
        "．",
        "@",
        ":",
        ":443",
        "#",
        "/",
        "\\",
        "?",
        "%2e",
        "%2E",
        "%2a",
        "%40",
        "%",
        "\u200d",
        "\u00ad",
        "\u202e",
        " ",
        "\t",
        "{aws.accountId}",
        "{region}",
        "https://",
        "http:",
        "https:\\\\",
        "file://",
        "javascript:",
        "mailto:",
    ];

    private static readonly string[] Fields =
    [
        "actions.allowedDomains",
        "extraDestinations",
        "catalogOverrides",
        "azure.instanceName",
        "bedrock.availableRegions",
        "vertex.region",
        "OPENID_ISSUER",
        "AWS_ENDPOINT_URL",
        "AWS_REGION",
        "AWS_BUCKET_NAME",
        "AZURE_STORAGE_ACCOUNT_NAME",
        "GOOGLE_LOC",
        "registry.awsAccountId",
        "custom.baseURL",
    ];

    public static Arbitrary<HostileValue> Values() =>
        (
            from parts in Gen.ArrayOf(Gen.Elements(Atoms)).Select(a => a.Take(8).ToArray())
            from field in Gen.Elements(Fields)
            select new HostileValue(string.Concat(parts), field)
        ).ToArbitrary();
}

public class HostGateProperties
{
    [Property(Arbitrary = [typeof(HostileValues)], MaxTest = 1500)]
    public bool No_hostile_value_yields_a_host_wider_than_a_registrable_domain(HostileValue value)
    {
        var (config, settings) = Place(value);
        var (model, _, _) = EgressTestHelpers.Run(config, settings);
        return model is null
            || model
                .WebGroups.SelectMany(g => g.Hosts)
                .Where(h => !h.IsDeferred)
                .All(h => Acceptable(h.Host));
    }

    [Property(Arbitrary = [typeof(HostileValues)], MaxTest = 1500)]
    public bool A_url_field_never_yields_a_wildcard_or_an_unnormalised_host(HostileValue value)
    {
        var parts = UrlParts.TryParseUrl(value.Text, out var problem);
        if (parts is null)
        {
            return problem != UrlProblem.None
                && (
                    problem != UrlProblem.WildcardHost
                    || value.Text.Contains('*', StringComparison.Ordinal)
                    || value.Text.Contains("%2a", StringComparison.OrdinalIgnoreCase)
                );
        }
        var host = HostName.Normalize(parts.Host);
        return parts.Scheme is "http" or "https" or "ws" or "wss"
            && (
                host is null
                || (
                    !host.Contains('*', StringComparison.Ordinal)
                    && HostName.Normalize(host) == host
                )
            );
    }

    /// <summary>Exact normalised names, or "*." over a domain with no public suffix at or below it; never a bare '*'.</summary>
    private static bool Acceptable(string host)
    {
        if (host == "*" || host.Contains('{', StringComparison.Ordinal))
        {
            return false;
        }
        if (!host.StartsWith("*.", StringComparison.Ordinal))
        {
            return !host.Contains('*', StringComparison.Ordinal)
                && HostName.Normalize(host) == host;
        }
        var domain = host[2..];
        return !domain.Contains('*', StringComparison.Ordinal)
            && domain.Contains('.', StringComparison.Ordinal)
            && HostName.Normalize(domain) == domain
            && PublicSuffixList.Shipped.SuffixCoveredBy(domain) is null;
    }

    private static (LibreChatConfig, StackSettings) Place(HostileValue v)
    {
        var config = Quiet();
        var settings = Stack(cloud: CloudProvider.Aws);
        Dictionary<string, string> Env(params (string K, string V)[] pairs) =>
            pairs.ToDictionary(p => p.K, p => p.V, StringComparer.Ordinal);
        switch (v.Field)
        {
            case "actions.allowedDomains":
                return (
                    config with
                    {
                        ActionsAllowedDomains = [Val(v.Text, "actions.allowedDomains[0]", 5)],
                    },
                    settings
                );
            case "extraDestinations":
                return (
                    config,
                    settings with
                    {
                        ExtraDestinations = [new ExtraDestination(v.Text, "r")],
                    }
                );
            case "catalogOverrides":
                return (
                    config,
                    settings with
                    {
                        CatalogOverrides = [new CatalogOverride("registries", [v.Text], [])],
                    }
                );
            case "azure.instanceName":
                var group = new AzureGroupConfig
                {
                    Name = Val("g", "endpoints.azureOpenAI.groups[0].group", 10),
                    InstanceName = Val(v.Text, "endpoints.azureOpenAI.groups[0].instanceName", 11),
                };
                return (
                    config with
                    {
                        Endpoints = new EndpointsConfig
                        {
                            AzureOpenAI = new AzureOpenAIConfig
                            {
                                Location = Loc("endpoints.azureOpenAI", 9),
                                Groups = [group],
                            },
                        },
                    },
                    settings
                );
            case "bedrock.availableRegions":
                return (
                    config with
                    {
                        Endpoints = new EndpointsConfig
                        {
                            Bedrock = new BedrockConfig
                            {
                                Location = Loc("endpoints.bedrock", 9),
                                Regions =
                                [
                                    Val(v.Text, "endpoints.bedrock.availableRegions[0]", 10),
                                ],
                            },
                        },
                    },
                    settings
                );
            case "vertex.region":
                var vertex = new AnthropicVertexConfig
                {
                    Location = Loc("endpoints.anthropic.vertex", 10),
                    Region = Val(v.Text, "endpoints.anthropic.vertex.region", 11),
                };
                var anthropic = new BuiltInEndpointConfig
                {
                    Kind = BuiltInEndpointKind.Anthropic,
                    Location = Loc("endpoints.anthropic", 9),
                    Vertex = vertex,
                };
                return (
                    config with
                    {
                        Endpoints = new EndpointsConfig { BuiltIns = [anthropic] },
                    },
                    settings
                );
            case "OPENID_ISSUER":
                return (
                    config with
                    {
                        Registration = new RegistrationConfig
                        {
                            Location = Loc("registration", 9),
                            SocialLogins = [Val("openid", "registration.socialLogins[0]", 10)],
                        },
                    },
                    settings with
                    {
                        Env = Env(("OPENID_ISSUER", v.Text)),
                    }
                );
            case "GOOGLE_LOC":
                var google = new BuiltInEndpointConfig
                {
                    Kind = BuiltInEndpointKind.Google,
                    Location = Loc("endpoints.google", 9),
                };
                return (
                    config with
                    {
                        Endpoints = new EndpointsConfig { BuiltIns = [google] },
                    },
                    settings with
                    {
                        Env = Env(("GOOGLE_LOC", v.Text)),
                    }
                );
            case "registry.awsAccountId":
                return (
                    config,
                    settings with
                    {
                        Registry = new RegistrySettings
                        {
                            AwsAccountId = v.Text,
                            AwsRegion = "eu-west-1",
                        },
                    }
                );
            case "custom.baseURL":
                var url = UrlParts.TryParseUrl(v.Text, out _) is { } parts
                    ? new UrlValue(
                        UrlState.Resolved,
                        parts,
                        Loc("endpoints.custom[0].baseURL", 12),
                        []
                    )
                    : new UrlValue(
                        UrlState.Invalid,
                        null,
                        Loc("endpoints.custom[0].baseURL", 12),
                        []
                    );
                var custom = new CustomEndpointConfig
                {
                    Name = Val("c", "endpoints.custom[0].name", 10),
                    Location = Loc("endpoints.custom[0]", 10),
                    BaseUrl = url,
                };
                return (
                    config with
                    {
                        Endpoints = new EndpointsConfig { Custom = [custom] },
                    },
                    settings
                );
            default:
                var storage = v.Field == "AZURE_STORAGE_ACCOUNT_NAME" ? "azure_blob" : "s3";
                var env =
                    v.Field == "AWS_BUCKET_NAME"
                        ? Env(("AWS_REGION", "eu-west-1"), ("AWS_BUCKET_NAME", v.Text))
                        : Env((v.Field, v.Text));
                return (
                    config with
                    {
                        FileStorage = new FileStorageConfig
                        {
                            Strategies = [Val(storage, "fileStrategy", 9)],
                        },
                    },
                    settings with
                    {
                        Env = env,
                    }
                );
        }
    }
}
