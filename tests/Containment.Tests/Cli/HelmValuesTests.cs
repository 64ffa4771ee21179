using System.Text;
using System.Text.Json;
using Containment.Core.Diagnostics;
using Containment.Core.Settings;
using Containment.Core.Yaml;

namespace Containment.Tests.Cli;

/// <summary>
/// Issue 12 item 2: the LibreChat chart's values as an input (danny-avila/LibreChat helm/librechat/values.yaml and
/// templates/configmap-env.yaml, chart 2.0.4): configEnv values, the credentials Secret's API key name, the RAG API.
/// </summary>
public class HelmValuesTests
{
    private static (YMapping, string) Doc(string yaml, string file)
    {
        var root = YamlLoader.Load(Encoding.UTF8.GetBytes(yaml), file, new DiagnosticBag());
        return ((YMapping)root!, file);
    }

    [Fact]
    public void Later_files_win_leaf_by_leaf_and_each_value_names_where_it_was_set()
    {
        var env = HelmValues.Read([
            Doc(
                "librechat:\n  configEnv:\n    OCR_BASEURL: https://ocr.one.example\n    ALLOW_REGISTRATION: \"true\"\n",
                "values.yaml"
            ),
            Doc(
                "librechat:\n  configEnv:\n    OCR_BASEURL: https://ocr.two.example\n",
                "values-prod.yaml"
            ),
        ]);

        Assert.Equal("https://ocr.two.example", env.Env.Values["OCR_BASEURL"]);
        Assert.Equal(
            "values-prod.yaml librechat.configEnv.OCR_BASEURL",
            env.Env.Origins["OCR_BASEURL"]
        );
        // Deep merge: a key only the first file sets survives the second.
        Assert.Equal(
            "values.yaml librechat.configEnv.ALLOW_REGISTRATION",
            env.Env.Origins["ALLOW_REGISTRATION"]
        );
    }

    [Fact]
    public void The_api_key_name_is_a_present_secret_and_the_rag_api_switches_on()
    {
        var env = HelmValues.Read([
            Doc(
                "global:\n  librechat:\n    existingSecretApiKey: AZURE_API_KEY\nlibrechat-rag-api:\n  enabled: true\n  embeddingsProvider: azure\n",
                "values.yaml"
            ),
        ]);

        Assert.Equal(["AZURE_API_KEY"], env.SecretNames);
        Assert.Equal("values.yaml librechat-rag-api.enabled", env.Env.Origins["RAG_API_URL"]);
        Assert.Equal("azure", env.Env.Values["EMBEDDINGS_PROVIDER"]);
    }

    [Fact]
    public void An_infra_repo_with_only_helm_values_gets_a_plan_with_their_provenance()
    {
        var dir = Directory.CreateTempSubdirectory("containment-helm-").FullName;
        try
        {
            var config = Path.Combine(dir, "librechat.yaml");
            File.WriteAllText(config, "version: \"1.3.17\"\n");
            var values = Path.Combine(dir, "values.yaml");
            File.WriteAllText(
                values,
                "global:\n  librechat:\n    existingSecretApiKey: OPENAI_API_KEY\nlibrechat:\n  configEnv:\n    OPENAI_REVERSE_PROXY: https://gateway.example.com/v1\nlibrechat-rag-api:\n  enabled: true\n"
            );
            var result = CliRunner.Run(
                "plan",
                "--config",
                config,
                "--format",
                "json",
                "--helm-values",
                values
            );

            Assert.Equal(0, result.ExitCode);
            Assert.Contains("gateway.example.com", result.Stdout, StringComparison.Ordinal);
            Assert.Contains(
                "values.yaml librechat.configEnv.OPENAI_REVERSE_PROXY",
                result.Stdout,
                StringComparison.Ordinal
            );
            using var doc = JsonDocument.Parse(result.Stdout);
            string[] Hosts(string group) =>
                [
                    .. doc
                        .RootElement.GetProperty("webGroups")
                        .EnumerateArray()
                        .Where(w => w.GetProperty("name").GetString() == group)
                        .SelectMany(w => w.GetProperty("hosts").EnumerateArray())
                        .Select(h => h.GetProperty("host").GetString()!),
                ];
            // The proxy replaces the vendor for LibreChat; the RAG API, switched on by the chart, calls OpenAI itself.
            Assert.Equal(["gateway.example.com"], Hosts("llm-providers"));
            Assert.Equal(["api.openai.com"], Hosts("rag-embeddings"));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
