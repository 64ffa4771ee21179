using Containment.Core.Egress;
using Containment.Core.LibreChat;
using Containment.Core.Model;
using Containment.Core.Targets.AviatrixCrd;
using Containment.Tests.Egress;
using static Containment.Tests.Infrastructure.Models.SampleConfigs;

namespace Containment.Tests.Robustness;

/// <summary>
/// Red-team of the environment inputs (issues 10 and 12): each test is one attack a pull request can make through
/// .env, Helm values or librechat.yaml, kept whether it was blocked before or fixed with it.
/// </summary>
public sealed class RedTeamEnvInputTests
{
    /// <summary>
    /// @azure/storage-blob's getValueInConnString (Azure/azure-sdk-for-js sdk/storage/storage-blob/src/utils/utils.common.ts)
    /// takes the FIRST element that starts with the key, case-sensitively, and treats the string as the emulator only
    /// when it starts with <c>UseDevelopmentStorage=true</c>. Before, the last duplicate won and keys matched in any
    /// case, so the firewall allowed a host LibreChat never calls (and not the one it does).
    /// </summary>
    [Theory]
    [InlineData(
        "BlobEndpoint=https://chatfiles.blob.core.windows.net;BlobEndpoint=https://evil.example;SharedAccessSignature=sv=x",
        "chatfiles.blob.core.windows.net"
    )]
    [InlineData(
        "DefaultEndpointsProtocol=https;AccountName=chatfiles;AccountKey=a2V5;EndpointSuffix=core.windows.net;blobendpoint=https://evil.example",
        "chatfiles.blob.core.windows.net"
    )]
    [InlineData(
        "DefaultEndpointsProtocol=https;AccountName=chatfiles;AccountName=evil;AccountKey=a2V5;EndpointSuffix=core.windows.net",
        "chatfiles.blob.core.windows.net"
    )]
    [InlineData(
        "DefaultEndpointsProtocol=https;AccountName=chatfiles;AccountKey=a2V5;EndpointSuffix=core.windows.net;EndpointSuffix=evil.example",
        "chatfiles.blob.core.windows.net"
    )]
    [InlineData(
        "AccountName=chatfiles;DefaultEndpointsProtocol=https;AccountKey=a2V5;EndpointSuffix=core.windows.net;UseDevelopmentStorage=true",
        "chatfiles.blob.core.windows.net"
    )]
    [InlineData("UseDevelopmentStorage=true", "127.0.0.1")]
    // A ';' inside quotes still splits (the SDK knows no quoting): the endpoint is the text up to it.
    [InlineData(
        "BlobEndpoint=\"https://chatfiles.blob.core.windows.net;x=https://evil.example\";SharedAccessSignature=sv=x",
        null
    )]
    // Userinfo: the host is what follows the last '@', as Node's URL reads it.
    [InlineData(
        "BlobEndpoint=https://chatfiles.blob.core.windows.net@evil.example/;SharedAccessSignature=sv=x",
        "evil.example"
    )]
    // A wildcard account name is not an account name.
    [InlineData(
        "DefaultEndpointsProtocol=https;AccountName=*;AccountKey=a2V5;EndpointSuffix=core.windows.net",
        null
    )]
    // An element that starts with the key but holds no "key=": the SDK's match()! throws, so no host.
    [InlineData(
        "BlobEndpointX:https://evil.example;BlobEndpoint=https://chatfiles.blob.core.windows.net",
        null
    )]
    public void Connection_string_host_is_the_one_the_sdk_reads(
        string connectionString,
        string? expected
    )
    {
        Assert.Equal(expected, AzureStorageConnectionString.BlobHost(connectionString)?.Host);
    }

    /// <summary>
    /// YamlDotNet's Emitter writes printable non-ASCII raw in double-quoted scalars and comments (Emitter.cs
    /// WriteDoubleQuotedScalar, IsPrintable); the CRD printer escapes the invisible ones after it.
    /// </summary>
    [Fact]
    public void Crd_printer_escapes_bidi_and_zero_width_characters_in_strings_and_comments()
    {
        var text = FirewallPolicyYamlPrinter.Print(
            new Kustomization(
                ["from mcpServers.ev\u202eil\u200dx.url"],
                "ns\u202e\u200b",
                ["firewallpolicy.yaml"]
            )
        );
        Assert.DoesNotContain('\u202e', text);
        Assert.DoesNotContain('\u200d', text);
        Assert.DoesNotContain('\u200b', text);
        Assert.Contains("mcpServers.ev\\u202Eil\\u200Dx.url", text, StringComparison.Ordinal);
        Assert.Contains("namespace: \"ns\\u202E\\u200B\"", text, StringComparison.Ordinal);
    }

    /// <summary>
    /// Review gate: a pull request that changes only <c>librechat.configEnv.AWS_ENDPOINT_URL</c> (or OPENID_ISSUER,
    /// AWS_REGION, AWS_BUCKET_NAME, CONFIG_PATH) in values.yaml shows up as new egress in <c>diff --base-ref</c>, but
    /// the host's provenance said only "setting env: AWS_ENDPOINT_URL", which reads as the stack's containment:env: the
    /// reviewer was sent to the wrong file. Each now names where the value was set, as the other env hosts do.
    /// </summary>
    [Theory]
    [InlineData("s3", "AWS_ENDPOINT_URL", "https://s3.files.example.com", "s3.files.example.com")]
    [InlineData("s3", "AWS_REGION", "eu-west-3", "s3.eu-west-3.amazonaws.com")]
    [InlineData("s3", "AWS_BUCKET_NAME", "chat-files", "chat-files.s3.eu-west-3.amazonaws.com")]
    public void An_env_host_names_the_values_file_that_set_it(
        string strategy,
        string variable,
        string value,
        string host
    )
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["AWS_REGION"] = "eu-west-3",
            [variable] = value,
        };
        var origin = $"infra/values.yaml librechat.configEnv.{variable}";
        var settings = Stack() with
        {
            Env = env,
            EnvOrigins = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [variable] = "infra/values.yaml librechat.configEnv." + variable,
            },
        };
        var config = Quiet() with
        {
            FileStorage = new FileStorageConfig
            {
                Strategies = [Val(strategy, "fileStrategy", 30, 15)],
            },
        };
        var (model, _, _) = EgressTestHelpers.Run(config, settings);
        var found = Assert.Single(model!.WebGroups.SelectMany(g => g.Hosts), h => h.Host == host);
        Assert.Contains(
            found.Sources,
            s => s is SettingProvenance { Detail: { } detail } && detail == $"{origin} {variable}"
        );
    }
}
