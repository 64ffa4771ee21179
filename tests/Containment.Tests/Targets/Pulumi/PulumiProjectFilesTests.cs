using Containment.Core.Targets.Pulumi;
using Containment.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace Containment.Tests.Targets.Pulumi;

/// <summary>The Pulumi project files at the repository root agree with the code that reads and writes them.</summary>
public class PulumiProjectFilesTests
{
    /// <summary>Every stack setting (ARCHITECTURE.md settings table), under the <c>containment:</c> namespace.</summary>
    private static readonly string[] SettingKeys =
    [
        "librechatConfig",
        "helmValues",
        "cloudProvider",
        "mode",
        "controllerVersion",
        "decryption",
        "agentGuard",
        "cluster",
        "registry",
        "mcpPlatform",
        "obotEndpoint",
        "env",
        "secretEnv",
        "extraDestinations",
        "attachmentPoint",
        "catalogOverrides",
    ];

    [Fact]
    public void Project_runs_the_prebuilt_compiler_not_dotnet_run()
    {
        var project = Load("Pulumi.yaml");

        Assert.Equal("containment", Scalar(project, "name"));
        Assert.Equal(PulumiProgramBuilder.ProjectName, Scalar(project, "name"));
        var runtime = Map(project, "runtime");
        Assert.Equal("yaml", Scalar(runtime, "name"));
        var compiler = Scalar(Map(runtime, "options"), "compiler");
        Assert.DoesNotContain("dotnet run", compiler, StringComparison.Ordinal);
        Assert.EndsWith(" compile", compiler, StringComparison.Ordinal);

        // build-compiler.sh publishes exactly where the compiler option looks.
        var script = File.ReadAllText(Path.Combine(Root(), "build-compiler.sh"));
        Assert.Contains("scripts/publish.sh out/containment", script, StringComparison.Ordinal);
        // The executable itself, not `dotnet x.dll`: the shipped build is Native AOT (docs/performance.md).
        Assert.Equal("out/containment/containment compile", compiler);
    }

    [Fact]
    public void Aviatrix_package_versions_match_PulumiPackages()
    {
        var aviatrix = Map(Map(Load("Pulumi.yaml"), "packages"), "aviatrix");

        Assert.Equal("terraform-provider", Scalar(aviatrix, "source"));
        Assert.Equal(PulumiPackages.TerraformProviderBridge, Scalar(aviatrix, "version"));
        var parameters = (
            (YamlSequenceNode)aviatrix.Children[new YamlScalarNode("parameters")]
        ).Children.Select(n => ((YamlScalarNode)n).Value);
        Assert.Equal(
            [PulumiPackages.AviatrixRegistryAddress, PulumiPackages.AviatrixProvider],
            parameters
        );
    }

    [Fact]
    public void Every_setting_is_declared_with_type_and_description_and_only_cloudProvider_is_required()
    {
        var config = Map(Load("Pulumi.yaml"), "config");

        Assert.Equal(
            SettingKeys.Order(StringComparer.Ordinal),
            config
                .Children.Keys.Select(k => ((YamlScalarNode)k).Value!)
                .Order(StringComparer.Ordinal)
        );
        foreach (var key in SettingKeys)
        {
            var declaration = Map(config, key);
            Assert.Contains(Scalar(declaration, "type"), new[] { "string", "object", "array" });
            Assert.False(string.IsNullOrWhiteSpace(Scalar(declaration, "description")), key);
            var hasDefault = declaration.Children.ContainsKey(new YamlScalarNode("default"));
            Assert.True(
                hasDefault == (key != "cloudProvider"),
                $"{key}: only cloudProvider may be required"
            );
        }
    }

    [Theory]
    [InlineData("dev", "monitor", "off")]
    [InlineData("prod", "enforce", "permits")]
    public void Stack_files_set_declared_settings_only(string stack, string mode, string decryption)
    {
        var config = Map(Load($"Pulumi.{stack}.yaml"), "config");
        var containmentKeys = config
            .Children.Keys.Select(k => ((YamlScalarNode)k).Value!)
            .Where(k => k.StartsWith("containment:", StringComparison.Ordinal))
            .Select(k => k["containment:".Length..])
            .ToList();

        Assert.All(containmentKeys, k => Assert.Contains(k, SettingKeys));
        Assert.Equal(mode, Scalar(config, "containment:mode"));
        Assert.Equal(decryption, Scalar(config, "containment:decryption"));
        Assert.Equal("aws", Scalar(config, "containment:cloudProvider"));
        Assert.Equal("9.0", Scalar(config, "containment:controllerVersion"));
        var cluster = Map(config, "containment:cluster");
        Assert.StartsWith("arn:aws:eks:", Scalar(cluster, "id"), StringComparison.Ordinal);
        Assert.Equal("librechat", Scalar(cluster, "namespace"));

        // No secret in a stack file: credentials and the CA key are set with `pulumi config set --secret`.
        Assert.DoesNotContain(
            config.Children.Keys,
            k => ((YamlScalarNode)k).Value is "aviatrix:password" or "containment:decryptionCaKey"
        );
    }

    [Fact]
    public void Dev_and_prod_do_not_share_an_attachment_point()
    {
        var dev = Scalar(Map(Load("Pulumi.dev.yaml"), "config"), "containment:attachmentPoint");
        var prod = Scalar(Map(Load("Pulumi.prod.yaml"), "config"), "containment:attachmentPoint");

        Assert.NotEqual(dev, prod);
    }

    [Fact]
    public void Controller_version_of_the_stacks_matches_the_pinned_provider()
    {
        var pinned = PulumiPackages.AviatrixProviderVersion;

        foreach (var stack in new[] { "dev", "prod" })
        {
            var version = Version.Parse(
                Scalar(Map(Load($"Pulumi.{stack}.yaml"), "config"), "containment:controllerVersion")
            );
            Assert.Equal((pinned.Major, pinned.Minor), (version.Major, version.Minor));
        }
    }

    [Fact]
    public void Example_workflow_builds_the_compiler_then_previews_each_stack()
    {
        var jobs = Map(Load("infra/github-actions/containment.yml"), "jobs");

        // Other jobs may join (the promotion flow, a log baseline): these must stay.
        Assert.Superset(
            new HashSet<string>(
                [
                    "build",
                    "lint",
                    "egress-diff",
                    "preview",
                    "up-dev",
                    "up-prod",
                    "baseline-promotion",
                ],
                StringComparer.Ordinal
            ),
            jobs.Children.Keys.Select(k => ((YamlScalarNode)k).Value!)
                .ToHashSet(StringComparer.Ordinal)
        );
        var workflow = File.ReadAllText(
            Path.Combine(Root(), "infra", "github-actions", "containment.yml")
        );
        Assert.Contains("./build-compiler.sh", workflow, StringComparison.Ordinal);
        Assert.Contains("upload-sarif", workflow, StringComparison.Ordinal);
        Assert.Contains("diff --base", workflow, StringComparison.Ordinal);
        Assert.Contains("comment-on-pr: true", workflow, StringComparison.Ordinal);
        var matrix = Map(Map(Map(jobs, "preview"), "strategy"), "matrix");
        Assert.Equal(
            ["dev", "prod"],
            ((YamlSequenceNode)matrix.Children[new YamlScalarNode("stack")]).Children.Select(n =>
                ((YamlScalarNode)n).Value
            )
        );
    }

    private static string Root() =>
        Baseline.RepositoryRoot()
        ?? throw new InvalidOperationException(
            "Containment.sln not found above the test binaries."
        );

    private static YamlMappingNode Load(string file)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine(Root(), file));
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    private static YamlMappingNode Map(YamlMappingNode node, string key) =>
        (YamlMappingNode)node.Children[new YamlScalarNode(key)];

    private static string Scalar(YamlMappingNode node, string key) =>
        ((YamlScalarNode)node.Children[new YamlScalarNode(key)]).Value!;
}
