using Containment.Core.LibreChat;
using Containment.Core.Model;
using Containment.Core.Settings;
using Containment.Tests.Egress;
using Containment.Tests.Net;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static Containment.Tests.Infrastructure.Models.SampleConfigs;
using HostName = Containment.Core.Net.HostName;

namespace Containment.Tests.Robustness;

public static class HostileEnvValues
{
    /// <summary>Where the text goes: a whole variable, or one part of AZURE_STORAGE_CONNECTION_STRING.</summary>
    public static readonly string[] Fields =
    [
        "GITHUB_ENTERPRISE_BASE_URL",
        "OPENID_ISSUER (env login)",
        "LDAP_URL",
        "AZURE_AUTHORITY_HOST",
        "BlobEndpoint",
        "EndpointSuffix",
        "AccountName",
    ];

    // HostGateProperties' generator and value record (wildcards, public suffixes, confusables, separators, userinfo,
    // bidi...), placed in the fields of this file.
    public static Arbitrary<HostileValue> Values() =>
        (
            from value in HostileValues.Values().Generator
            from field in Gen.Elements(Fields)
            select new HostileValue(value.Text, field)
        ).ToArbitrary();
}

/// <summary>
/// Extends the host gate property to the environment inputs of issue 12 (env logins, Entra authority host, the Azure
/// Storage connection string). Each of them names one concrete host, so no hostile value may give a wildcard, a
/// placeholder or a name the gate did not normalise; a value that names no host gives none.
/// </summary>
public class EnvHostGateProperties
{
    [Property(Arbitrary = [typeof(HostileEnvValues)], MaxTest = 1000)]
    public bool No_hostile_env_value_yields_a_wildcard_or_an_unnormalised_host(HostileValue value)
    {
        var (config, settings) = Place(value);
        var (model, _, _) = EgressTestHelpers.Run(config, settings);
        return model is null
            || model
                .WebGroups.SelectMany(g => g.Hosts)
                .Where(h => !h.IsDeferred)
                .All(h =>
                    !h.Host.Contains('*', StringComparison.Ordinal)
                    && !h.Host.Contains('{', StringComparison.Ordinal)
                    && HostName.Normalize(h.Host) == h.Host
                );
    }

    private static (LibreChatConfig, StackSettings) Place(HostileValue v)
    {
        var config = Quiet();
        var azureBlob = config with
        {
            FileStorage = new FileStorageConfig
            {
                Strategies = [Val("azure_blob", "fileStrategy", 30, 15)],
            },
        };
        (string, string)[] env = v.Field switch
        {
            "GITHUB_ENTERPRISE_BASE_URL" =>
            [
                ("GITHUB_CLIENT_ID", "id"),
                ("GITHUB_CLIENT_SECRET", "s"),
                ("GITHUB_ENTERPRISE_BASE_URL", v.Text),
            ],
            "OPENID_ISSUER (env login)" =>
            [
                ("OPENID_CLIENT_ID", "id"),
                ("OPENID_CLIENT_SECRET", "s"),
                ("OPENID_ISSUER", v.Text),
                ("OPENID_SCOPE", "openid"),
                ("OPENID_SESSION_SECRET", "s"),
            ],
            "LDAP_URL" => [("LDAP_URL", v.Text), ("LDAP_USER_SEARCH_BASE", "dc=example")],
            "AZURE_AUTHORITY_HOST" =>
            [
                ("AZURE_STORAGE_ACCOUNT_NAME", "chatfiles"),
                ("AZURE_AUTHORITY_HOST", v.Text),
            ],
            "BlobEndpoint" =>
            [
                (
                    "AZURE_STORAGE_CONNECTION_STRING",
                    $"BlobEndpoint={v.Text};SharedAccessSignature=sv=x"
                ),
            ],
            "EndpointSuffix" =>
            [
                (
                    "AZURE_STORAGE_CONNECTION_STRING",
                    $"DefaultEndpointsProtocol=https;AccountName=chatfiles;AccountKey=a2V5;EndpointSuffix={v.Text}"
                ),
            ],
            _ =>
            [
                (
                    "AZURE_STORAGE_CONNECTION_STRING",
                    $"DefaultEndpointsProtocol=https;AccountName={v.Text};AccountKey=a2V5;EndpointSuffix=core.windows.net"
                ),
            ],
        };
        var usesBlob =
            v.Field
            is "AZURE_AUTHORITY_HOST"
                or "BlobEndpoint"
                or "EndpointSuffix"
                or "AccountName";
        return (
            usesBlob ? azureBlob : config,
            Stack(cloud: CloudProvider.Aws) with
            {
                Env = env.ToDictionary(p => p.Item1, p => p.Item2, StringComparer.Ordinal),
            }
        );
    }

    /// <summary>The placements reach a host at all: a benign value in each field gives one (the property is not vacuous).</summary>
    [Theory]
    [InlineData("GITHUB_ENTERPRISE_BASE_URL", "https://ghe.example.com", "ghe.example.com")]
    [InlineData("OPENID_ISSUER (env login)", "https://idp.example.com/realms/x", "idp.example.com")]
    [InlineData("LDAP_URL", "ldaps://ldap.example.com", "ldap.example.com")]
    [InlineData("AZURE_AUTHORITY_HOST", "https://login.example.us", "login.example.us")]
    [InlineData("BlobEndpoint", "https://files.example.com", "files.example.com")]
    [InlineData("EndpointSuffix", "core.example.net", "chatfiles.blob.core.example.net")]
    [InlineData("AccountName", "acct1", "acct1.blob.core.windows.net")]
    public void A_benign_value_in_each_field_gives_its_host(string field, string text, string host)
    {
        var (config, settings) = Place(new HostileValue(text, field));
        var (model, _, _) = EgressTestHelpers.Run(config, settings);
        Assert.Contains(host, model!.WebGroups.SelectMany(g => g.Hosts).Select(h => h.Host));
    }
}
