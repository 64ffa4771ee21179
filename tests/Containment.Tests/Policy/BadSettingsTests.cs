using Containment.Core.Diagnostics;
using Containment.Core.Model;
using Containment.Core.Settings;
using Containment.Tests.Egress;
using static Containment.Tests.Infrastructure.Models.SampleConfigs;

namespace Containment.Tests.Policy;

public class BadSettingsTests
{
    private static DiagnosticBag Fails(StackSettings settings, DiagnosticDescriptor expected)
    {
        var (model, _, bag) = EgressTestHelpers.Run(Quiet(), settings);
        Assert.Null(model);
        Assert.True(bag.Has(expected), string.Join("\n", bag.Items.Select(d => d.Render())));
        return bag;
    }

    [Theory]
    [InlineData("LibreChat")]
    [InlineData("-chat")]
    [InlineData("chat_ns")]
    [InlineData("")]
    public void Namespace_that_is_not_a_dns_label_is_refused(string ns)
    {
        Fails(
            Stack() with
            {
                Cluster = new ClusterSettings { Id = "chat", Namespace = ns },
            },
            DiagnosticCatalog.InvalidNamespace
        );
    }

    [Theory]
    [InlineData("my cluster")]
    [InlineData("arn:aws:eks:eu-central-1:123:cluster/chat")]
    [InlineData(
        "/subscriptions/ABC/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/chat"
    )]
    public void Cluster_id_aviatrix_would_refuse_is_an_error(string id)
    {
        var bag = Fails(
            Stack() with
            {
                Cluster = new ClusterSettings { Id = id },
            },
            DiagnosticCatalog.InvalidClusterId
        );
        Assert.All(
            bag.Items.Where(d => d.Descriptor == DiagnosticCatalog.InvalidClusterId),
            d => Assert.Equal("Pulumi.dev.yaml", d.Span.File)
        );
    }

    [Fact]
    public void Missing_cluster_id_is_only_a_warning()
    {
        var (model, _, bag) = EgressTestHelpers.Run(
            Quiet(),
            Stack() with
            {
                Cluster = new ClusterSettings(),
            }
        );

        Assert.NotNull(model);
        Assert.True(bag.Has(DiagnosticCatalog.NoClusterId));
        Assert.Null(model!.SmartGroups[0].Selectors[0].ClusterId);
    }

    [Theory]
    [InlineData("app.kubernetes.io/name", "libre chat")]
    [InlineData("Bad_Prefix/name", "x")]
    [InlineData("-name", "x")]
    public void Pod_labels_kubernetes_would_refuse_are_errors(string key, string value)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal) { [key] = value };
        Fails(
            Stack() with
            {
                Cluster = new ClusterSettings { Id = "chat", PodLabels = labels },
            },
            DiagnosticCatalog.InvalidLabel
        );
    }

    [Fact]
    public void Empty_pod_labels_are_refused()
    {
        Fails(
            Stack() with
            {
                Cluster = new ClusterSettings
                {
                    Id = "chat",
                    PodLabels = new Dictionary<string, string>(StringComparer.Ordinal),
                },
            },
            DiagnosticCatalog.InvalidLabel
        );
    }

    [Fact]
    public void Data_store_with_bad_port_is_refused()
    {
        var store = new DataStoreSettings(
            "mongodb",
            new Dictionary<string, string>(StringComparer.Ordinal) { ["app"] = "mongo" },
            0
        );
        Fails(
            Stack() with
            {
                Cluster = new ClusterSettings { Id = "chat", DataStores = [store] },
            },
            DiagnosticCatalog.InvalidDataStore
        );
    }

    [Fact]
    public void Obot_endpoint_that_is_not_a_host_is_refused()
    {
        Fails(
            Stack() with
            {
                McpPlatform = McpPlatform.Obot,
                ObotEndpoint = "https://",
            },
            DiagnosticCatalog.InvalidObotEndpoint
        );
    }
}
