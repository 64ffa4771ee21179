using Containment.Core.Diagnostics;
using Containment.Core.LibreChat;
using Containment.Core.Model;
using Containment.Core.Settings;
using static Containment.Tests.Infrastructure.Models.SampleConfigs;

namespace Containment.Tests.Egress;

/// <summary>
/// Issue 12 item 6, OCR: what LibreChat's environment does to the OCR hosts. Read at danny-avila/LibreChat@00b3bc32:
/// packages/api/src/files/mistral/crud.ts loadAuthConfig and performGoogleVertexOCR, packages/data-schemas/src/app/ocr.ts
/// loadOCRConfig, api/server/services/Files/process.js processAgentFileUpload.
/// </summary>
public class EnvOcrEgressTests
{
    private static StackSettings With(params (string Name, string Value)[] env) =>
        Stack() with
        {
            Env = env.ToDictionary(e => e.Name, e => e.Value, StringComparer.Ordinal),
        };

    private static LibreChatConfig Ocr(string? strategy) =>
        Quiet() with
        {
            Ocr = new OcrConfig
            {
                Location = Loc("ocr", 40),
                Strategy = strategy is null ? null : Val(strategy, "ocr.strategy", 41, 13),
            },
        };

    [Fact]
    public void An_ocr_section_without_baseURL_goes_to_OCR_BASEURL_not_to_mistral()
    {
        // crud.ts loadAuthConfig: an empty ocr.baseURL is loaded from OCR_BASEURL, the default only when that is unset.
        var settings = With(("OCR_BASEURL", "https://ocr.internal.example.com:8443/v1")) with
        {
            EnvOrigins = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["OCR_BASEURL"] = ".env:7",
            },
        };
        var (model, _, _) = EgressTestHelpers.Run(Ocr("mistral_ocr"), settings);
        Assert.NotNull(model);
        var host = Assert.Single(
            model.WebGroups.SelectMany(g => g.Hosts),
            h => h.Host == "ocr.internal.example.com"
        );
        Assert.Contains(host.Sources, s => s is SettingProvenance { Detail: ".env:7 OCR_BASEURL" });
        Assert.DoesNotContain("api.mistral.ai", model.Hosts("app-services"));
    }

    [Fact]
    public void Azure_mistral_ocr_without_baseURL_falls_back_to_mistral_like_mistral_ocr()
    {
        // crud.ts uploadAzureMistralOCR calls the same loadAuthConfig, whose default is https://api.mistral.ai/v1.
        var (model, _, bag) = EgressTestHelpers.Run(Ocr("azure_mistral_ocr"));
        Assert.Contains("api.mistral.ai", model.Hosts("app-services"));
        Assert.False(bag.Has(DiagnosticCatalog.NoHost));
    }

    [Fact]
    public void Vertex_mistral_ocr_takes_MISTRAL_VERTEX_REGION_before_GOOGLE_LOC()
    {
        // crud.ts performGoogleVertexOCR: region || MISTRAL_VERTEX_REGION || GOOGLE_LOC || 'us-central1'.
        var (model, _, _) = EgressTestHelpers.Run(
            Ocr("vertexai_mistral_ocr"),
            With(("MISTRAL_VERTEX_REGION", "europe-west4"), ("GOOGLE_LOC", "us-east5"))
        );
        var hosts = model!.WebGroups.SelectMany(g => g.Hosts).Select(h => h.Host).ToList();
        Assert.Contains("europe-west4-aiplatform.googleapis.com", hosts);
        Assert.Contains("oauth2.googleapis.com", hosts);
        Assert.DoesNotContain("us-east5-aiplatform.googleapis.com", hosts);
    }

    [Fact]
    public void Vertex_mistral_ocr_defaults_to_us_central1()
    {
        var (model, _, _) = EgressTestHelpers.Run(Ocr("vertexai_mistral_ocr"));
        Assert.Contains(
            "us-central1-aiplatform.googleapis.com",
            model!.WebGroups.SelectMany(g => g.Hosts).Select(h => h.Host)
        );
    }

    [Fact]
    public void An_ocr_key_without_an_ocr_section_switches_nothing_on_and_says_so()
    {
        // process.js: shouldUseOCR = appConfig?.ocr != null && ...; ocr.ts returns undefined without a section.
        var (model, _, bag) = EgressTestHelpers.Run(
            Quiet(),
            Stack() with
            {
                SecretEnv = ["OCR_API_KEY"],
            }
        );
        Assert.DoesNotContain(
            "api.mistral.ai",
            model!.WebGroups.SelectMany(g => g.Hosts).Select(h => h.Host)
        );
        var note = Assert.Single(
            bag.Items,
            d => d.Descriptor == DiagnosticCatalog.OcrKeyWithoutSection
        );
        Assert.Equal("CT2320", note.Code);
    }
}
