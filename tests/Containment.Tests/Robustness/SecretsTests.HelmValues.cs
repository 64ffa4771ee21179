namespace Containment.Tests.Robustness;

/// <summary>
/// Issue 12's Helm inputs: a values file the stack names (containment:helmValues) with secrets where a pull request
/// could put them: secret-shaped names in librechat.configEnv (an API key, a connection string's AccountKey, an
/// OpenID client secret), a secret-shaped name used as a URL host, and a configYamlContent whose librechat.yaml
/// carries a key and a header (not used while --config names a file, and reported so). Every command, format and target runs; no value may come out, the hosts do.
/// </summary>
public sealed partial class SecretsTests
{
    [Fact]
    public void Helm_values_secrets_never_print_while_their_hosts_do()
    {
        File.WriteAllText(
            P("Pulumi.dev.yaml"),
            StackFile + "  containment:helmValues:\n    - infra/values.yaml\n"
        );
        File.WriteAllText(
            P("infra/librechat.yaml"),
            "version: 1.3.17\ninterface:\n  mcpServers:\n    create: false\n"
                + "fileStrategy: azure_blob\nocr:\n  strategy: mistral_ocr\n"
        );
        File.WriteAllText(P(".env"), "");
        File.WriteAllText(
            P("infra/values.yaml"),
            $$"""
            global:
              librechat:
                existingSecretApiKey: OPENAI_API_KEY
            librechat:
              configEnv:
                OPENAI_API_KEY: "{{M(1)}}"
                ANTHROPIC_API_KEY: {{M(2)}}
                AZURE_STORAGE_CONNECTION_STRING: "DefaultEndpointsProtocol=https;AccountName=chatfiles;AccountKey={{M(
                    3
                )}};EndpointSuffix=core.windows.net"
                OPENID_CLIENT_ID: {{M(4)}}
                OPENID_CLIENT_SECRET: {{M(5)}}
                OPENID_ISSUER: https://idp.example.com/realms/chat
                OPENID_SCOPE: openid
                OPENID_SESSION_SECRET: {{M(6)}}
                OCR_BASEURL: "https://${OCR_API_KEY}.ocr.example/v1"
                OCR_API_KEY: {{M(7)}}
              configYamlContent: |
                version: 1.3.17
                interface:
                  mcpServers:
                    create: false
                fileStrategy: azure_blob
                ocr:
                  strategy: mistral_ocr
                endpoints:
                  custom:
                    - name: gw
                      apiKey: "{{M(8)}}"
                      baseURL: "https://gw.example.com/v1?key={{M(9)}}"
                      headers:
                        x-api-key: "{{M(10)}}"
                      models:
                        default: [m]
            """
        );
        var outputs = EveryOutput(configHasErrors: false);
        AssertNoMarker(outputs);
        var plan = outputs.Single(o => o.What == "plan --format json").Text;
        foreach (
            var host in new[]
            {
                "api.openai.com",
                "api.anthropic.com",
                "chatfiles.blob.core.windows.net",
                "idp.example.com",
            }
        )
        {
            Assert.Contains(host, plan, StringComparison.Ordinal);
        }
        // An env value's own text is never interpolated: '${OCR_API_KEY}' in OCR_BASEURL stays literal, so the key
        // is never put into a host; the run reports the unresolved-looking host instead.
        Assert.Contains("CT3003", plan, StringComparison.Ordinal);
    }
}
