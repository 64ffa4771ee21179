using Containment.Core.Diagnostics;
using Containment.Core.Egress;
using Containment.Core.Model;
using Containment.Core.Policy;
using Containment.Core.Reports;
using Containment.Core.Settings;
using Containment.Tests.Infrastructure.Models;

namespace Containment.Tests.Egress;

/// <summary>
/// Issue 12 item 10: the RAG API is its own workload. Its embeddings provider comes from danny-avila/rag_api
/// app/config.py (EMBEDDINGS_PROVIDER default "openai", RAG_OPENAI_BASEURL, RAG_AZURE_OPENAI_ENDPOINT defaulting to
/// AZURE_OPENAI_ENDPOINT, Bedrock's AWS_DEFAULT_REGION default us-east-1); its pods carry the rag-api subchart's labels
/// (helm/librechat-rag-api/templates/_helpers.tpl).
/// </summary>
public class RagApiWorkloadTests
{
    private static StackSettings Stack(
        EnforcementMode mode = EnforcementMode.Monitor,
        params (string Name, string Value)[] env
    ) =>
        SampleConfigs.Stack(mode) with
        {
            Env = env.ToDictionary(e => e.Name, e => e.Value, StringComparer.Ordinal),
        };

    private static (PolicyModel? Model, DiagnosticBag Bag) Plan(StackSettings settings)
    {
        var (model, _, bag) = EgressTestHelpers.Run(SampleConfigs.Quiet(), settings);
        return (model, bag);
    }

    [Fact]
    public void Without_rag_api_url_there_is_no_rag_workload()
    {
        var (model, _) = Plan(Stack());

        Assert.DoesNotContain(model!.SmartGroups, g => g.Role == SmartGroupRole.RagApi);
        Assert.DoesNotContain(model.WebGroups, g => g.Name == PolicyNames.RagEmbeddingsWebGroup);
    }

    [Fact]
    public void Rag_api_url_gives_the_rag_pods_their_own_group_permit_db_path_and_deny()
    {
        var (model, _) = Plan(Stack(env: ("RAG_API_URL", "http://librechat-rag-api:8000")));

        var group = Assert.Single(model!.SmartGroups, g => g.Role == SmartGroupRole.RagApi);
        Assert.Equal(
            "librechat-librechat-rag-api-rag",
            group.Selectors.Single().Labels["app.kubernetes.io/name"]
        );
        Assert.Equal(["api.openai.com"], model.Hosts(PolicyNames.RagEmbeddingsWebGroup));
        var permit = Assert.Single(
            model.Rules,
            r => r.Name == PolicyNames.PermitFor(PolicyNames.RagEmbeddingsWebGroup)
        );
        Assert.Equal([PolicyNames.RagApiGroup], permit.Sources);
        var db = Assert.Single(model.Rules, r => r.Name == PolicyNames.PermitRagApiToDataStores);
        Assert.Equal([new PortRange(5432)], db.Ports);
        Assert.Contains(
            model.Rules,
            r =>
                r.Name == PolicyNames.DenyRagApiDefault
                && r.Sources.SequenceEqual([PolicyNames.RagApiGroup])
        );
        // Not a data store: the data stores' internet deny does not hold the RAG API.
        var dataStores = Assert.Single(model.SmartGroups, g => g.Role == SmartGroupRole.DataStores);
        Assert.DoesNotContain(
            dataStores.Selectors,
            s => s.Labels.Values.Any(v => v.Contains("rag", StringComparison.Ordinal))
        );
    }

    [Fact]
    public void Check_from_rag_api_reaches_its_embeddings_host_and_the_pods_do_not()
    {
        var (model, _) = Plan(
            Stack(
                env:
                [
                    ("RAG_API_URL", "http://rag:8000"),
                    ("RAG_OPENAI_BASEURL", "https://embed.example.com/v1"),
                ]
            )
        );

        Assert.Equal(SmartGroupRole.RagApi, Workloads.Parse("rag-api"));
        var fromRag = PolicyEvaluator.Evaluate(
            model!,
            SmartGroupRole.RagApi,
            "embed.example.com",
            443
        );
        Assert.True(fromRag.IsPermitted);
        Assert.Contains(
            fromRag.Sources,
            s => s.SortKey.Contains("RAG_OPENAI_BASEURL", StringComparison.Ordinal)
        );
        Assert.False(
            PolicyEvaluator
                .Evaluate(model!, SmartGroupRole.Pods, "embed.example.com", 443)
                .IsPermitted
        );
        Assert.DoesNotContain("api.openai.com", model!.Hosts(PolicyNames.RagEmbeddingsWebGroup));
    }

    [Theory]
    [InlineData("eu-west-1", "bedrock-runtime.eu-west-1.amazonaws.com")]
    [InlineData(null, "bedrock-runtime.us-east-1.amazonaws.com")]
    public void Bedrock_embeddings_use_aws_default_region_else_us_east_1(
        string? region,
        string host
    )
    {
        (string, string)[] env = region is null
            ? [("RAG_API_URL", "http://rag:8000"), ("EMBEDDINGS_PROVIDER", "bedrock")]
            :
            [
                ("RAG_API_URL", "http://rag:8000"),
                ("EMBEDDINGS_PROVIDER", "Bedrock"),
                ("AWS_DEFAULT_REGION", region),
            ];
        var (model, _) = Plan(Stack(env: env));

        Assert.Equal([host], model!.Hosts(PolicyNames.RagEmbeddingsWebGroup));
    }

    [Fact]
    public void Azure_embeddings_take_azure_openai_endpoint_when_the_rag_one_is_unset()
    {
        var (model, _) = Plan(
            Stack(
                env:
                [
                    ("RAG_API_URL", "http://rag:8000"),
                    ("EMBEDDINGS_PROVIDER", "azure"),
                    ("AZURE_OPENAI_ENDPOINT", "https://contoso.openai.azure.com/"),
                ]
            )
        );

        Assert.Equal(["contoso.openai.azure.com"], model!.Hosts(PolicyNames.RagEmbeddingsWebGroup));
    }

    [Theory]
    [InlineData(EnforcementMode.Monitor, Severity.Warning)]
    [InlineData(EnforcementMode.Enforce, Severity.Error)]
    public void Azure_embeddings_without_an_endpoint_are_an_unknown_host_by_mode(
        EnforcementMode mode,
        Severity severity
    )
    {
        var (model, bag) = Plan(
            Stack(mode, ("RAG_API_URL", "http://rag:8000"), ("EMBEDDINGS_PROVIDER", "azure"))
        );

        Assert.Contains(
            bag.Items,
            d =>
                d.Code == "CT3003"
                && d.Severity == severity
                && d.Message.Contains("RAG_AZURE_OPENAI_ENDPOINT", StringComparison.Ordinal)
        );
        Assert.Equal(mode == EnforcementMode.Monitor, model is not null);
    }

    [Fact]
    public void Ollama_by_default_is_in_cluster_and_opens_nothing_on_the_internet()
    {
        var (model, _) = Plan(
            Stack(env: [("RAG_API_URL", "http://rag:8000"), ("EMBEDDINGS_PROVIDER", "ollama")])
        );

        Assert.DoesNotContain(model!.WebGroups, g => g.Name == PolicyNames.RagEmbeddingsWebGroup);
    }

    [Fact]
    public void An_unknown_provider_is_a_warning_that_never_echoes_the_value()
    {
        var (_, bag) = Plan(
            Stack(env: [("RAG_API_URL", "http://rag:8000"), ("EMBEDDINGS_PROVIDER", "Zq9Marker")])
        );

        var d = Assert.Single(bag.Items, d => d.Code == "CT3181");
        Assert.DoesNotContain("Zq9Marker", d.Render(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_rag_api_url_set_from_a_secret_still_counts_as_present()
    {
        var (model, _) = Plan(SampleConfigs.Stack() with { SecretEnv = ["RAG_API_URL"] });

        Assert.Contains(model!.SmartGroups, g => g.Role == SmartGroupRole.RagApi);
    }
}
