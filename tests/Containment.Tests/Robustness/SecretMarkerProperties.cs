using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Containment.Tests.Robustness;

/// <summary>
/// Issue 10 item 6 as a property: every secret-shaped variable holds a marker value; generated configs put those
/// variables (and plain ones whose values are fine to use) anywhere in URLs and host settings, including as
/// credentials. Whatever the placement, no output of any stage (diagnostics, plan and diff in every format, SARIF,
/// every target, check) contains a marker.
/// </summary>
public class SecretMarkerProperties
{
    private const string Marker = "Zq9PropSecret";

    private static readonly string[] SecretNames =
    [
        "OPENAI_API_KEY",
        "MY_TOKEN",
        "DB_PASSWORD",
        "CLIENT_SECRET",
        "GCP_CREDENTIALS",
        "MONGO_URI",
        "GATEWAY",
    ];

    /// <summary>Markers hide in the values, shaped to survive URL parsing as hosts, labels, regions or whole URLs.</summary>
    private static readonly Dictionary<string, string> Env = new(StringComparer.Ordinal)
    {
        ["OPENAI_API_KEY"] = Marker.ToLowerInvariant(),
        ["MY_TOKEN"] = $"https://{Marker}.example.com/v1",
        ["DB_PASSWORD"] = $"{Marker}.example.org",
        ["CLIENT_SECRET"] = $"us-{Marker}1",
        ["GCP_CREDENTIALS"] = Marker,
        ["MONGO_URI"] = $"https://{Marker}.example.net",
        // Not secret-shaped: a secret because every generated config uses it as an apiKey.
        ["GATEWAY"] = $"{Marker.ToLowerInvariant()}.gateway.example",
        ["PLAIN_HOST"] = "plain.example.com",
        // A whole URL field must carry its scheme (a bare host is CT2200), so a variable that is the whole value
        // holds a URL.
        ["PLAIN_URL"] = "https://plain.example.com/v1",
        ["PLAIN_LABEL"] = "eastus2",
        // Placeholders have shapes (CT3101): a Vertex region must look like a GCP region.
        ["PLAIN_REGION"] = "us-east5",
    };

    /// <summary>Half the references are plain, so that some documents are error-free and reach every target.</summary>
    private static readonly Gen<string> Reference = Gen.Frequency(
            (1, Gen.Elements([.. SecretNames, "UNSET_VAR"])),
            (1, Gen.Constant("PLAIN_HOST"))
        )
        .Select(n => "${" + n + "}");

    private static readonly Gen<string> Label = Gen.Frequency(
        (1, Reference),
        (2, Gen.Constant("${PLAIN_LABEL}"))
    );

    private static readonly Gen<string> RegionLabel = Gen.Frequency(
        (1, Reference),
        (2, Gen.Constant("${PLAIN_REGION}"))
    );

    private static readonly Gen<string> UrlTemplate = Gen.OneOf(
        Reference.Select(r => r == "${PLAIN_HOST}" ? "${PLAIN_URL}" : r),
        Reference.Select(r => $"https://{r}/v1"),
        Reference.Select(r => $"https://{r}.example.com/v1"),
        Reference.Select(r => $"https://api.example.com/{r}?k={r}#{r}"),
        Reference.Select(r => $"https://{r}@api.example.com:8443/v1"),
        Reference.Select(r => $"https://api.example.com:{r}/v1"),
        Gen.Two(Reference).Select(p => $"{p.Item1}/{p.Item2}")
    );

    private static readonly Gen<string> Document =
        from custom in UrlTemplate
        from mcp in UrlTemplate
        from ocr in UrlTemplate
        from token in UrlTemplate
        from instance in Label
        from region in RegionLabel
        select $"""
            version: "1.3.17"
            endpoints:
              custom:
                - name: c
                  apiKey: "${"{"}GATEWAY{"}"}"
                  baseURL: "{custom}"
                  models: {"{"}default: [m]{"}"}
              azureOpenAI:
                groups:
                  - group: g
                    apiKey: k
                    instanceName: "{instance}"
                    models:
                      gpt-4o: true
              anthropic:
                vertex:
                  region: "{region}"
            mcpServers:
              m:
                url: "{mcp}"
                oauth:
                  token_url: "{token}"
            ocr:
              strategy: mistral_ocr
              baseURL: "{ocr}"

            """;

    [Fact]
    public void No_generated_placement_of_a_secret_variable_prints_its_value()
    {
        var property = Prop.ForAll(
            Arb.From(Document),
            doc =>
            {
                var bytes = Encoding.UTF8.GetBytes(doc);
                foreach (var settings in PipelineRunner.SettingsVariants)
                {
                    var outputs = PipelineRunner.Run(bytes, settings with { Env = Env });
                    var leak = outputs.AllText.FirstOrDefault(t =>
                        t.Contains(Marker, StringComparison.OrdinalIgnoreCase)
                    );
                    if (leak is not null)
                    {
                        return false.Label(leak.Length > 400 ? leak[..400] : leak);
                    }
                }
                return true.ToProperty();
            }
        );
        Check.One(
            Config
                .QuickThrowOnFailure.WithMaxTest(FuzzSettings.Count(150))
                .WithReplay(FuzzSettings.Replay(40)),
            property
        );
    }

    [Fact]
    public void The_generator_reaches_allowed_hosts_so_the_property_is_not_vacuous()
    {
        var docs = Document.Sample(200, FuzzSettings.Seed(41), 10);
        var runs = docs.Select(d =>
                PipelineRunner.Run(
                    Encoding.UTF8.GetBytes(d),
                    PipelineRunner.SettingsVariants[0] with
                    {
                        Env = Env,
                    }
                )
            )
            .ToList();
        var models = runs.Select(r => r.Model).ToList();
        Assert.Contains(
            models,
            m =>
                m is not null
                && m.WebGroups.SelectMany(g => g.Hosts).Any(h => h.Host == "plain.example.com")
        );
    }
}
