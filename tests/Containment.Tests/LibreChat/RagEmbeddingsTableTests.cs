using Containment.Core.LibreChat;
using Containment.Core.Model;
using Containment.Core.Policy;
using Containment.Core.Settings;
using Containment.Tests.Egress;
using Containment.Tests.Infrastructure.Models;

namespace Containment.Tests.LibreChat;

/// <summary>Every row of the RAG API's behaviour table is reachable: choosing it changes what the RAG API may call.</summary>
public class RagEmbeddingsTableTests
{
    public static TheoryData<string> Providers =>
        [.. RagEmbeddingsTable.All.Select(p => p.Provider)];

    [Theory]
    [MemberData(nameof(Providers))]
    public void Each_provider_row_allows_its_default_or_its_url_variable(string provider)
    {
        var row = RagEmbeddingsTable.Find(provider)!;
        var env = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["RAG_API_URL"] = "http://rag:8000",
            ["EMBEDDINGS_PROVIDER"] = provider,
        };
        if (row.UrlVariables.Count > 0)
        {
            env[row.UrlVariables[0]] = "https://embed-" + provider + ".example.com";
        }
        var settings = SampleConfigs.Stack(EnforcementMode.Enforce) with { Env = env };
        var (model, _, _) = EgressTestHelpers.Run(SampleConfigs.Quiet(), settings);

        var expected =
            row.UrlVariables.Count > 0
                ? ["embed-" + provider + ".example.com"]
                : row
                    .DefaultUrls.Select(u =>
                        new Uri(
                            u.Replace(
                                "{region}",
                                RagEmbeddingsTable.DefaultBedrockRegion,
                                StringComparison.Ordinal
                            )
                        ).Host
                    )
                    .Order(StringComparer.Ordinal)
                    .ToArray();
        Assert.Equal(expected, model.Hosts(PolicyNames.RagEmbeddingsWebGroup));
        Assert.Contains("danny-avila/rag_api", row.Source, StringComparison.Ordinal);
    }
}
