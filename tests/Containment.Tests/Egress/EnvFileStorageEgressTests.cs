using Containment.Core.Diagnostics;
using Containment.Core.Egress;
using Containment.Core.LibreChat;
using Containment.Core.Model;
using Containment.Core.Policy;
using Containment.Core.Settings;
using static Containment.Tests.Infrastructure.Models.SampleConfigs;

namespace Containment.Tests.Egress;

/// <summary>
/// Issue 12 item 6, file storage and workload identity. Read at danny-avila/LibreChat@00b3bc32:
/// packages/api/src/cdn/azure.ts initializeAzureBlobService (connection string first, else
/// https://{AZURE_STORAGE_ACCOUNT_NAME}.blob.core.windows.net with DefaultAzureCredential) and packages/api/src/cdn/s3.ts
/// initializeS3 (static keys only when both are set, else the SDK's default chain, IRSA).
/// </summary>
public class EnvFileStorageEgressTests
{
    private const string Marker = "Zq9StorageKey00x";

    private static LibreChatConfig Strategy(string strategy) =>
        Quiet() with
        {
            FileStorage = new FileStorageConfig
            {
                Strategies = [Val(strategy, "fileStrategy", 30, 15)],
            },
        };

    private static StackSettings With(
        EnforcementMode mode = EnforcementMode.Monitor,
        params (string Name, string Value)[] env
    ) =>
        Stack(mode) with
        {
            Env = env.ToDictionary(e => e.Name, e => e.Value, StringComparer.Ordinal),
        };

    private static List<string> Hosts(PolicyModel? model) =>
        [.. model!.WebGroups.SelectMany(g => g.Hosts).Select(h => h.Host)];

    private static void AssertNoMarker(PolicyModel? model, DiagnosticBag bag)
    {
        Assert.DoesNotContain(bag.Items, d => d.Message.Contains(Marker, StringComparison.Ordinal));
        Assert.DoesNotContain(
            model?.WebGroups.SelectMany(g => g.Hosts).SelectMany(h => h.Sources) ?? [],
            s => s.ToString().Contains(Marker, StringComparison.Ordinal)
        );
    }

    [Fact]
    public void Azure_blob_host_comes_from_the_connection_string_and_nothing_else_of_it()
    {
        var (model, _, bag) = EgressTestHelpers.Run(
            Strategy("azure_blob"),
            With(
                env: (
                    "AZURE_STORAGE_CONNECTION_STRING",
                    $"DefaultEndpointsProtocol=https;AccountName=chatfiles;AccountKey={Marker}==;EndpointSuffix=core.windows.net"
                )
            )
        );
        var hosts = Hosts(model);
        Assert.Contains("chatfiles.blob.core.windows.net", hosts);
        // A key in the connection string: no DefaultAzureCredential, so no Entra token host.
        Assert.DoesNotContain("login.microsoftonline.com", hosts);
        var host = model!
            .WebGroups.SelectMany(g => g.Hosts)
            .Single(h => h.Host == "chatfiles.blob.core.windows.net");
        Assert.Contains(
            host.Sources,
            s =>
                s
                    is SettingProvenance
                    {
                        Detail: "containment:env AZURE_STORAGE_CONNECTION_STRING (blob host only)"
                    }
        );
        AssertNoMarker(model, bag);
    }

    [Fact]
    public void Blob_endpoint_in_the_connection_string_wins_with_its_port()
    {
        var (model, _, _) = EgressTestHelpers.Run(
            Strategy("azure_blob"),
            With(
                env: (
                    "AZURE_STORAGE_CONNECTION_STRING",
                    $"BlobEndpoint=https://files.example.com:8443/;SharedAccessSignature=sv={Marker}"
                )
            )
        );
        var host = model!
            .WebGroups.SelectMany(g => g.Hosts)
            .Single(h => h.Host == "files.example.com");
        Assert.Contains(8443, host.Ports);
    }

    [Theory]
    [InlineData(EnforcementMode.Monitor, Severity.Warning)]
    [InlineData(EnforcementMode.Enforce, Severity.Error)]
    public void A_connection_string_naming_no_endpoint_is_an_unknown_host_by_mode(
        EnforcementMode mode,
        Severity expected
    )
    {
        // The SDK throws "Invalid EndpointSuffix in the provided Connection String" without a suffix.
        var (_, _, bag) = EgressTestHelpers.Run(
            Strategy("azure_blob"),
            With(
                mode,
                (
                    "AZURE_STORAGE_CONNECTION_STRING",
                    $"DefaultEndpointsProtocol=https;AccountName=chatfiles;AccountKey={Marker}"
                )
            )
        );
        var d = Assert.Single(
            bag.Items,
            d => d.Descriptor == DiagnosticCatalog.StorageConnectionStringUnreadable
        );
        Assert.Equal(expected, d.Severity);
        Assert.DoesNotContain(Marker, d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_connection_string_from_a_secret_uses_the_account_name_when_given()
    {
        var settings = With(env: ("AZURE_STORAGE_ACCOUNT_NAME", "chatfiles")) with
        {
            SecretEnv = ["AZURE_STORAGE_CONNECTION_STRING"],
        };
        var (model, _, bag) = EgressTestHelpers.Run(Strategy("azure_blob"), settings);
        var hosts = Hosts(model);
        Assert.Contains("chatfiles.blob.core.windows.net", hosts);
        Assert.DoesNotContain("login.microsoftonline.com", hosts);
        Assert.False(bag.Has(DiagnosticCatalog.StorageConnectionStringUnreadable));
    }

    [Fact]
    public void A_connection_string_from_a_secret_without_an_account_name_is_unknown()
    {
        var settings = Stack() with { SecretEnv = ["AZURE_STORAGE_CONNECTION_STRING"] };
        var (_, _, bag) = EgressTestHelpers.Run(Strategy("azure_blob"), settings);
        Assert.True(bag.Has(DiagnosticCatalog.StorageConnectionStringUnreadable));
    }

    [Fact]
    public void An_account_name_alone_signs_in_through_entra_id()
    {
        // azure.ts: new BlobServiceClient(url, new DefaultAzureCredential()).
        var (model, _, bag) = EgressTestHelpers.Run(
            Strategy("azure_blob"),
            With(env: ("AZURE_STORAGE_ACCOUNT_NAME", "chatfiles"))
        );
        var hosts = Hosts(model);
        Assert.Contains("chatfiles.blob.core.windows.net", hosts);
        Assert.Contains("login.microsoftonline.com", hosts);
        Assert.True(bag.Has(DiagnosticCatalog.WorkloadIdentityToken));
    }

    [Fact]
    public void Azure_authority_host_replaces_the_public_entra_host()
    {
        // @azure/identity reads AZURE_AUTHORITY_HOST (sovereign clouds: login.microsoftonline.us, login.chinacloudapi.cn).
        var (model, _, _) = EgressTestHelpers.Run(
            Strategy("azure_blob"),
            With(
                env:
                [
                    ("AZURE_STORAGE_ACCOUNT_NAME", "chatfiles"),
                    ("AZURE_AUTHORITY_HOST", "https://login.microsoftonline.us"),
                ]
            )
        );
        var hosts = Hosts(model);
        Assert.Contains("login.microsoftonline.us", hosts);
        Assert.DoesNotContain("login.microsoftonline.com", hosts);
    }

    [Fact]
    public void S3_with_static_keys_needs_no_sts()
    {
        var settings = With(env: ("AWS_REGION", "eu-west-1")) with
        {
            SecretEnv = ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"],
        };
        var (model, _, _) = EgressTestHelpers.Run(Strategy("s3"), settings);
        var hosts = Hosts(model);
        Assert.Contains("s3.eu-west-1.amazonaws.com", hosts);
        Assert.DoesNotContain("sts.eu-west-1.amazonaws.com", hosts);
    }

    [Fact]
    public void S3_without_keys_calls_regional_sts_and_names_irsa_when_set()
    {
        var (model, _, bag) = EgressTestHelpers.Run(
            Strategy("s3"),
            With(
                env:
                [
                    ("AWS_REGION", "eu-west-1"),
                    ("AWS_ROLE_ARN", "arn:aws:iam::123456789012:role/chat"),
                    ("AWS_WEB_IDENTITY_TOKEN_FILE", "/var/run/secrets/eks/token"),
                ]
            )
        );
        var sts = model!
            .WebGroups.SelectMany(g => g.Hosts)
            .Single(h => h.Host == "sts.eu-west-1.amazonaws.com");
        Assert.Contains(
            sts.Sources,
            s => s is SettingProvenance { Detail: "containment:env AWS_ROLE_ARN" }
        );
        Assert.True(bag.Has(DiagnosticCatalog.WorkloadIdentityToken));
    }

    [Fact]
    public void S3_compatible_endpoint_without_irsa_needs_no_sts()
    {
        var (model, _, _) = EgressTestHelpers.Run(
            Strategy("s3"),
            With(
                env:
                [
                    ("AWS_REGION", "us-east-1"),
                    ("AWS_ENDPOINT_URL", "https://minio.example.com:9000"),
                ]
            )
        );
        var hosts = Hosts(model);
        Assert.Contains("minio.example.com", hosts);
        Assert.DoesNotContain("sts.us-east-1.amazonaws.com", hosts);
    }

    [Theory]
    [InlineData("UseDevelopmentStorage=true", "127.0.0.1", 10000)]
    [InlineData(
        "DefaultEndpointsProtocol=http;AccountName=acct1;AccountKey=a==;EndpointSuffix=core.chinacloudapi.cn",
        "acct1.blob.core.chinacloudapi.cn",
        80
    )]
    [InlineData(
        "AccountKey=x=y;BlobEndpoint=https://blob.example.net;AccountName=ignored",
        "blob.example.net",
        443
    )]
    public void Connection_string_parts_give_the_sdk_blob_host(
        string connectionString,
        string host,
        int port
    ) => Assert.Equal((host, port), AzureStorageConnectionString.BlobHost(connectionString));

    [Theory]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=acct1;AccountKey=a")] // no EndpointSuffix
    [InlineData("AccountName=acct1;AccountKey=a;EndpointSuffix=core.windows.net")] // no protocol
    [InlineData(
        "DefaultEndpointsProtocol=https;AccountName=*.com/x;EndpointSuffix=core.windows.net"
    )]
    [InlineData("DefaultEndpointsProtocol=ftp;AccountName=acct1;EndpointSuffix=core.windows.net")]
    [InlineData("BlobEndpoint=https://*.blob.core.windows.net")]
    public void Connection_strings_the_sdk_rejects_or_that_would_widen_give_no_host(
        string connectionString
    ) => Assert.Null(AzureStorageConnectionString.BlobHost(connectionString));
}
