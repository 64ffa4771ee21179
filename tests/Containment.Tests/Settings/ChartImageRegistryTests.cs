using System.Text.Json;
using Containment.Tests.Infrastructure;
using static Containment.Tests.Cli.CliRunner;

namespace Containment.Tests.Settings;

/// <summary>
/// Issue 12 item 2: the registries the nodes pull from follow the chart's values. LibreChat's image is
/// <c>{{ .Values.image.registry }}/{{ .Values.image.repository }}</c> (danny-avila/LibreChat
/// helm/librechat/templates/deployment.yaml @01f4caf3); the Bitnami subcharts take <c>global.imageRegistry</c> first
/// (charts/mongodb/charts/common/templates/_images.tpl @a7de06b2, <c>default .imageRoot.registry .global.imageRegistry</c>);
/// meilisearch's chart reads neither (meilisearch/meilisearch-kubernetes templates/statefulset.yaml @03cca65c).
/// </summary>
public class ChartImageRegistryTests
{
    private static InMemoryFileSystem Project(string values) =>
        new InMemoryFileSystem()
            .With("librechat.yaml", "version: \"1.3.17\"\n")
            .With("values.yaml", values)
            .With(
                "Pulumi.dev.yaml",
                "config:\n  containment:librechatConfig: librechat.yaml\n  containment:helmValues: [values.yaml]\n"
            );

    private static (string[] Hosts, JsonElement[] Diagnostics, string Json) Plan(string values)
    {
        var result = Run(Project(values), "plan", "--stack", "dev", "--format", "json");
        Assert.True(result.ExitCode is 0 or 1, result.Stderr);
        using var doc = JsonDocument.Parse(result.Stdout);
        // A plan with errors holds no policy: then nothing is allowed at all.
        var hosts = (
            doc.RootElement.TryGetProperty("webGroups", out var groups)
                ? groups.EnumerateArray()
                : default
        )
            .Where(w => w.GetProperty("name").GetString() == "registries")
            .SelectMany(w => w.GetProperty("hosts").EnumerateArray())
            .Select(h => h.GetProperty("host").GetString()!)
            .ToArray();
        var diagnostics = doc
            .RootElement.GetProperty("diagnostics")
            .EnumerateArray()
            .Select(d => d.Clone())
            .ToArray();
        return (hosts, diagnostics, result.Stdout);
    }

    private static readonly string[] DockerHub =
    [
        "auth.docker.io",
        "index.docker.io",
        "production.cloudfront.docker.com",
        "registry-1.docker.io",
    ];

    [Fact]
    public void The_chart_default_keeps_the_public_registries()
    {
        var (hosts, _, _) = Plan("mongodb:\n  enabled: true\n");

        Assert.Contains("registry.librechat.ai", hosts);
        Assert.Contains("ghcr.io", hosts);
        Assert.Subset(hosts.ToHashSet(), DockerHub.ToHashSet());
    }

    [Fact]
    public void Image_registry_replaces_the_chart_registry_for_librechat_with_its_provenance()
    {
        var (hosts, diagnostics, json) = Plan("image:\n  registry: registry.example.com\n");

        Assert.Contains("registry.example.com", hosts);
        Assert.DoesNotContain("registry.librechat.ai", hosts);
        // ghcr stays for the RAG API subchart, Docker Hub for the data stores.
        Assert.Contains("ghcr.io", hosts);
        Assert.Subset(hosts.ToHashSet(), DockerHub.ToHashSet());
        Assert.Contains("values.yaml image.registry", json, StringComparison.Ordinal);
        var note = Assert.Single(diagnostics, d => d.GetProperty("code").GetString() == "CT2351");
        Assert.Equal(2, note.GetProperty("line").GetInt32());
    }

    [Fact]
    public void A_registry_with_a_port_and_a_prefix_allows_the_host_at_that_port()
    {
        var (_, _, json) = Plan("image:\n  registry: registry.example.com:5000/mirror\n");

        using var doc = JsonDocument.Parse(json);
        var entry = doc
            .RootElement.GetProperty("webGroups")
            .EnumerateArray()
            .SelectMany(w => w.GetProperty("hosts").EnumerateArray())
            .Single(h => h.GetProperty("host").GetString() == "registry.example.com");
        Assert.Contains("5000", entry.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Global_image_registry_takes_docker_hub_only_when_meilisearch_is_off()
    {
        var withMeili = Plan("global:\n  imageRegistry: mirror.example.com\n");
        Assert.Contains("mirror.example.com", withMeili.Hosts);
        // meilisearch's chart ignores global.imageRegistry: Docker Hub is still needed.
        Assert.Subset(withMeili.Hosts.ToHashSet(), DockerHub.ToHashSet());
        // LibreChat's own image never reads global.imageRegistry.
        Assert.Contains("registry.librechat.ai", withMeili.Hosts);

        var withoutMeili = Plan(
            "global:\n  imageRegistry: mirror.example.com\nmeilisearch:\n  enabled: false\n"
        );
        Assert.Contains("mirror.example.com", withoutMeili.Hosts);
        Assert.Empty(withoutMeili.Hosts.Intersect(DockerHub));
    }

    [Theory]
    [InlineData("\"*\"", "CT3104")]
    [InlineData("\"*.com\"", "CT3104")]
    [InlineData("\"*.example.com\"", "CT3104")]
    [InlineData("https://registry.example.com", "CT2350")]
    [InlineData("\"registry example.com\"", "CT3002")]
    public void Hostile_registry_values_allow_nothing(string value, string code)
    {
        var (hosts, diagnostics, _) = Plan($"image:\n  registry: {value}\n");

        Assert.DoesNotContain(
            hosts,
            h => h.Contains("example", StringComparison.Ordinal) || h.Contains('*')
        );
        Assert.DoesNotContain("registry.librechat.ai", hosts);
        Assert.Contains(diagnostics, d => d.GetProperty("code").GetString() == code);
        Assert.DoesNotContain(diagnostics, d => d.GetProperty("code").GetString() == "CT2351");
    }
}
