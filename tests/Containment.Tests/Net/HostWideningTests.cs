using System.Text.Json;
using Containment.Tests.Infrastructure;
using static Containment.Tests.Cli.CliRunner;

namespace Containment.Tests.Net;

/// <summary>
/// Issue 10, items 1, 2 and 4, end to end through the CLI (reader, settings, inventory, policy, check): every
/// attempt to widen the allow-list from librechat.yaml, a stack setting or an env value is an error, and
/// <c>check www.google.com</c> never says PERMITTED.
/// </summary>
public class HostWideningTests
{
    private const string Head =
        "version: \"1.3.17\"\ninterface:\n  mcpServers:\n    create: false\nactions:\n  allowedDomains: [\"swapi.dev\"]\n";

    private static InMemoryFileSystem Files(string yamlTail, string stackTail = "") =>
        new InMemoryFileSystem()
            .With("librechat.yaml", Head + yamlTail)
            .With(
                "Pulumi.dev.yaml",
                "config:\n  containment:librechatConfig: librechat.yaml\n  containment:mode: monitor\n"
                    + stackTail
            );

    private static string Azure(string instanceName) =>
        "endpoints:\n  azureOpenAI:\n    groups:\n      - group: g\n        apiKey: \"k\"\n        instanceName: "
        + JsonSerializer.Serialize(instanceName)
        + "\n        models:\n          gpt-4o:\n            deploymentName: gpt-4o\n            version: \"2024-02-01\"\n";

    private static void AssertRefused(
        InMemoryFileSystem fs,
        string code,
        params string[] mustNotContain
    )
    {
        var plan = Run(fs, "plan", "--stack", "dev", "--format", "json");
        Assert.Equal(1, plan.ExitCode);
        Assert.Contains(code, plan.Stderr + plan.Stdout, StringComparison.Ordinal);
        foreach (var text in mustNotContain)
        {
            Assert.DoesNotContain(text, plan.Stdout + plan.Stderr, StringComparison.Ordinal);
        }
        var check = Run(fs, "check", "www.google.com", "--stack", "dev");
        Assert.DoesNotContain("PERMITTED", check.Stdout, StringComparison.Ordinal);
        var checkUk = Run(fs, "check", "evil.co.uk", "--stack", "dev");
        Assert.DoesNotContain("PERMITTED", checkUk.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("*.com/.azure.com", "CT3101")]
    [InlineData("*.co.uk#", "CT3101")]
    [InlineData("*", "CT3101")]
    [InlineData("evil.example/.azure.com", "CT3101")]
    [InlineData("a.b", "CT3101")]
    [InlineData("{aws.accountId}", "CT3101")]
    public void Azure_instance_names_that_are_not_resource_names_are_errors(
        string instanceName,
        string code
    )
    {
        AssertRefused(Files(Azure(instanceName)), code, "*.com", "*.co.uk", "*.openai.azure.com");
    }

    [Fact]
    public void A_real_azure_instance_name_and_full_host_still_work()
    {
        Assert.Equal(0, Run(Files(Azure("contoso-eu")), "plan", "--stack", "dev").ExitCode);
        var full = Run(
            Files(Azure("contoso.cognitiveservices.azure.com")),
            "check",
            "contoso.cognitiveservices.azure.com",
            "--stack",
            "dev"
        );
        Assert.StartsWith("PERMITTED", full.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"*\"")]
    [InlineData("\"*.com/x\"")]
    [InlineData("\"us-east-1.evil.com#\"")]
    public void Bedrock_regions_must_be_aws_regions(string region)
    {
        AssertRefused(
            Files(
                "endpoints:\n  bedrock:\n    availableRegions: [" + region + "]\n",
                "  containment:secretEnv: [BEDROCK_AWS_SECRET_ACCESS_KEY]\n"
            ),
            "CT3101",
            "*.com"
        );
    }

    [Theory]
    [InlineData("\"*.com#\"")]
    [InlineData("\"*\"")]
    public void Vertex_region_must_be_a_gcp_region(string region)
    {
        var yaml =
            "endpoints:\n  anthropic:\n    vertex:\n      region: "
            + region
            + "\n      serviceKeyFile: /k.json\n";
        AssertRefused(Files(yaml), "CT3101", "*.com");
    }

    [Theory]
    [InlineData(
        "registration:\n  socialLogins: [openid]\n",
        "OPENID_ISSUER: https://*.com/x",
        "CT3104"
    )]
    [InlineData("fileStrategy: s3\n", "AWS_ENDPOINT_URL: https://*.amazonaws.com", "CT3104")]
    [InlineData("fileStrategy: s3\n", "AWS_REGION: \"*\"", "CT3101")]
    [InlineData(
        "fileStrategy: s3\n",
        "AWS_REGION: eu-west-1\n    AWS_BUCKET_NAME: \"*.evil\"",
        "CT3101"
    )]
    [InlineData("cache: true\n", "BEDROCK_AWS_DEFAULT_REGION: \"*\"", "CT3101")]
    [InlineData(
        "cache: true\n",
        "AZURE_API_KEY: k\n    AZURE_OPENAI_API_INSTANCE_NAME: \"*.com/x\"",
        "CT3101"
    )]
    [InlineData(
        "cache: true\n",
        "GOOGLE_SERVICE_KEY_FILE: /k.json\n    GOOGLE_LOC: \"*.com#\"",
        "CT3101"
    )]
    [InlineData(
        "cache: true\n",
        "ANTHROPIC_USE_VERTEX: \"true\"\n    ANTHROPIC_VERTEX_REGION: \"*.com#\"",
        "CT3101"
    )]
    [InlineData("fileStrategy: azure_blob\n", "AZURE_STORAGE_ACCOUNT_NAME: \"*\"", "CT3101")]
    [InlineData("fileStrategy: azure_blob\n", "AZURE_STORAGE_ACCOUNT_NAME: \"x.com/\"", "CT3101")]
    public void Env_values_that_fill_hosts_cannot_widen(string yaml, string env, string code)
    {
        AssertRefused(
            Files(yaml, "  containment:env:\n    " + env + "\n"),
            code,
            "*.com",
            "*.amazonaws",
            "*.evil"
        );
    }

    [Theory]
    [InlineData("*.co.uk", "co.uk")]
    [InlineData("*.s3.amazonaws.com", "s3.amazonaws.com")]
    [InlineData("*.blob.core.windows.net", "blob.core.windows.net")]
    [InlineData("*.vercel.app", "vercel.app")]
    [InlineData("*.ngrok.io", "ngrok.io")]
    [InlineData("*.github.io", "github.io")]
    [InlineData("*.amazonaws.com", "s3.amazonaws.com")]
    [InlineData("https://*.github.io/x", "github.io")]
    public void Actions_allowed_domains_never_take_a_public_suffix_wildcard(
        string pattern,
        string suffix
    )
    {
        var fs = new InMemoryFileSystem()
            .With(
                "librechat.yaml",
                "version: \"1.3.17\"\ninterface:\n  mcpServers:\n    create: false\nactions:\n  allowedDomains: [\""
                    + pattern
                    + "\"]\n"
            )
            .With("Pulumi.dev.yaml", "config:\n  containment:librechatConfig: librechat.yaml\n");

        var plan = Run(fs, "plan", "--stack", "dev");

        Assert.Equal(1, plan.ExitCode);
        var line = Assert.Single(
            plan.Stderr.Split('\n'),
            l => l.Contains("CT3100", StringComparison.Ordinal)
        );
        Assert.StartsWith("librechat.yaml(6,", line, StringComparison.Ordinal);
        Assert.Contains("actions.allowedDomains", line, StringComparison.Ordinal);
        Assert.Contains("public suffix " + suffix, line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("*.co.uk")]
    [InlineData("*.com")]
    [InlineData("*.vercel.app")]
    public void Extra_destinations_and_catalogue_overrides_never_take_a_public_suffix_wildcard(
        string pattern
    )
    {
        var extra = Files(
            "",
            "  containment:extraDestinations:\n    - host: \"" + pattern + "\"\n      reason: r\n"
        );
        var over = Files(
            "",
            "  containment:catalogOverrides:\n    - catalog: registries\n      add: [\""
                + pattern
                + "\"]\n"
        );

        AssertRefused(extra, pattern == "*.com" ? "CT3002" : "CT3100");
        AssertRefused(over, pattern == "*.com" ? "CT3002" : "CT3100");
    }

    [Fact]
    public void A_wildcard_over_a_registrable_domain_is_still_allowed()
    {
        var fs = Files(
            "",
            "  containment:extraDestinations:\n    - host: \"*.example.co.uk\"\n      reason: r\n"
        );

        Assert.StartsWith(
            "PERMITTED",
            Run(fs, "check", "api.example.co.uk", "--stack", "dev").Stdout,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void Diff_refuses_a_public_suffix_wildcard_in_the_head_config()
    {
        var fs = Files("")
            .With(
                "head.yaml",
                "version: \"1.3.17\"\nactions:\n  allowedDomains: [\"*.ngrok.io\"]\n"
            );

        var diff = Run(fs, "diff", "--base", "librechat.yaml", "--config", "head.yaml");

        Assert.Equal(1, diff.ExitCode);
        Assert.Contains("CT3100", diff.Stderr + diff.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(
        "  containment:extraDestinations:\n    - host: \"{aws.accountId}.dkr.ecr.eu-west-1.amazonaws.com\"\n      reason: r\n"
    )]
    [InlineData(
        "  containment:catalogOverrides:\n    - catalog: registries\n      add: [\"{aws.region}.evil.example\"]\n"
    )]
    [InlineData(
        "  containment:registry:\n    awsAccountId: \"{aws.accountId}\"\n  containment:cloudProvider: aws\n"
    )]
    public void Look_up_tokens_come_only_from_the_catalogue(string stackTail)
    {
        var plan = Run(Files("", stackTail), "plan", "--stack", "dev");

        Assert.Equal(1, plan.ExitCode);
        Assert.Matches("CT3103|CT3101", plan.Stderr);
    }

    [Fact]
    public void Look_up_token_in_librechat_yaml_is_an_error()
    {
        var fs = new InMemoryFileSystem()
            .With(
                "librechat.yaml",
                "version: \"1.3.17\"\nactions:\n  allowedDomains: [\"{aws.accountId}.example.com\"]\n"
            )
            .With("Pulumi.dev.yaml", "config:\n  containment:librechatConfig: librechat.yaml\n");

        var plan = Run(fs, "plan", "--stack", "dev");

        Assert.Equal(1, plan.ExitCode);
        Assert.Contains("CT3103", plan.Stderr, StringComparison.Ordinal);
    }
}
