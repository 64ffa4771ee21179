using Containment.Core.Diagnostics;
using Containment.Core.Pipeline;
using Containment.Core.Policy;
using Containment.Tests.Infrastructure.Models;
using static Containment.Tests.Infrastructure.ReaderTestKit;

namespace Containment.Tests.Egress;

/// <summary>
/// Issue 12 item 6: with a webSearch section that leaves firecrawlApiUrl out, LibreChat's loadWebSearchConfig fills it
/// with '${FIRECRAWL_API_URL}' (danny-avila/LibreChat packages/data-schemas/src/app/web.ts, web.spec.ts), so the
/// variable still replaces api.firecrawl.dev. Before this, the section's catalogue default was allowed as well.
/// </summary>
public class WebSearchUrlDefaultTests
{
    private const string Yaml =
        "version: \"1.3.17\"\nwebSearch:\n  firecrawlApiKey: \"${FIRECRAWL_API_KEY}\"\n  scraperProvider: firecrawl\n";

    private static IReadOnlyList<string> AppServices(params (string, string)[] env)
    {
        var (config, _) = Read(Yaml, Env(env));
        var settings = SampleConfigs.Stack() with
        {
            Env = Env(env),
            SecretEnv = ["FIRECRAWL_API_KEY"],
        };
        var bag = new DiagnosticBag();
        var model = PolicyBuilder.Build(config!, settings, bag);
        return
        [
            .. model!
                .WebGroups.Where(g => g.Name == PolicyNames.AppServicesWebGroup)
                .SelectMany(g => g.Hosts)
                .Select(h => h.Host)
                .Where(h => h.Contains("firecrawl", StringComparison.Ordinal)),
        ];
    }

    [Fact]
    public void Firecrawl_api_url_replaces_the_vendor_even_with_a_web_search_section()
    {
        Assert.Equal(
            ["firecrawl.internal.example.com"],
            AppServices(("FIRECRAWL_API_URL", "https://firecrawl.internal.example.com"))
        );
    }

    [Fact]
    public void Without_the_variable_the_vendor_default_is_allowed()
    {
        Assert.Equal(["api.firecrawl.dev"], AppServices());
    }
}
