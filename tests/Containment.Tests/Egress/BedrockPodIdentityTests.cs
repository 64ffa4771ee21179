using System.Text.Json;
using Containment.Tests.Infrastructure;
using static Containment.Tests.Cli.CliRunner;

namespace Containment.Tests.Egress;

/// <summary>
/// Bedrock without keys: danny-avila/LibreChat@00b3bc32 api/server/services/Endpoints/bedrock/options.js leaves
/// <c>credentials</c> undefined when BEDROCK_AWS_ACCESS_KEY_ID and BEDROCK_AWS_SECRET_ACCESS_KEY are both empty, so the
/// AWS SDK's default chain runs; under IRSA it fetches its token from STS in the Bedrock client's region (aws-sdk-js-v3
/// PR #5800), the same rule the S3 file strategy follows.
/// </summary>
public class BedrockPodIdentityTests
{
    private const string Irsa =
        "AWS_ROLE_ARN=arn:aws:iam::123456789012:role/librechat\nAWS_WEB_IDENTITY_TOKEN_FILE=/var/run/secrets/eks.amazonaws.com/serviceaccount/token\n";

    private static string[] LlmHosts(string env, string yaml = "version: \"1.3.17\"\n")
    {
        var fs = new InMemoryFileSystem().With("c.yaml", yaml).With(".env", env);
        var result = Run(
            fs,
            "plan",
            "--config",
            "c.yaml",
            "--env-file",
            ".env",
            "--format",
            "json"
        );
        Assert.True(result.ExitCode == 0, result.Stderr);
        using var doc = JsonDocument.Parse(result.Stdout);
        return
        [
            .. doc
                .RootElement.GetProperty("webGroups")
                .EnumerateArray()
                .Where(w => w.GetProperty("name").GetString() == "llm-providers")
                .SelectMany(w => w.GetProperty("hosts").EnumerateArray())
                .Select(h => h.GetProperty("host").GetString()!),
        ];
    }

    [Fact]
    public void Under_irsa_without_keys_bedrock_allows_sts_in_its_region()
    {
        var hosts = LlmHosts("BEDROCK_AWS_DEFAULT_REGION=eu-west-1\n" + Irsa);

        Assert.Contains("bedrock-runtime.eu-west-1.amazonaws.com", hosts);
        Assert.Contains("sts.eu-west-1.amazonaws.com", hosts);
    }

    [Fact]
    public void Every_available_region_gets_its_sts_host()
    {
        var hosts = LlmHosts(
            "BEDROCK_AWS_DEFAULT_REGION=us-east-1\n" + Irsa,
            "version: \"1.3.17\"\nendpoints:\n  bedrock:\n    availableRegions: [us-east-1, eu-central-1]\n"
        );

        Assert.Contains("sts.us-east-1.amazonaws.com", hosts);
        Assert.Contains("sts.eu-central-1.amazonaws.com", hosts);
    }

    [Theory]
    [InlineData("BEDROCK_AWS_ACCESS_KEY_ID=AKIAEXAMPLE\nBEDROCK_AWS_SECRET_ACCESS_KEY=s\n")]
    [InlineData("BEDROCK_AWS_SECRET_ACCESS_KEY=user_provided\n")]
    [InlineData("AWS_ACCESS_KEY_ID=AKIAEXAMPLE\nAWS_SECRET_ACCESS_KEY=s\n")]
    public void Keys_of_any_kind_need_no_sts(string keys)
    {
        var hosts = LlmHosts("BEDROCK_AWS_DEFAULT_REGION=eu-west-1\n" + keys + Irsa);

        Assert.Contains("bedrock-runtime.eu-west-1.amazonaws.com", hosts);
        Assert.DoesNotContain(hosts, h => h.StartsWith("sts.", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_the_irsa_variables_keyless_bedrock_is_not_assumed_to_use_sts()
    {
        // An EC2/ECS role or EKS Pod Identity reaches a link-local credentials endpoint, not STS.
        var hosts = LlmHosts("BEDROCK_AWS_DEFAULT_REGION=eu-west-1\n");

        Assert.DoesNotContain(hosts, h => h.StartsWith("sts.", StringComparison.Ordinal));
    }
}
