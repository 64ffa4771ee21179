namespace Containment.Tests.Robustness;

/// <summary>
/// Issue 12 item 6: the services LibreChat's environment switches on read secrets to find their hosts (the blob host
/// inside AZURE_STORAGE_CONNECTION_STRING) or sit next to them (OPENID_CLIENT_SECRET, LDAP_BIND_CREDENTIALS). Every
/// command, format and target runs; only the hosts come through.
/// </summary>
public sealed partial class SecretsTests
{
    [Fact]
    public void Env_service_secrets_never_print_while_their_hosts_do()
    {
        File.WriteAllText(
            P("infra/librechat.yaml"),
            """
            version: 1.3.17
            interface:
              mcpServers:
                create: false
            fileStrategy: azure_blob
            ocr:
              strategy: mistral_ocr

            """
        );
        File.WriteAllText(
            P(".env"),
            $"""
            AZURE_STORAGE_CONNECTION_STRING="DefaultEndpointsProtocol=https;AccountName=chatfiles;AccountKey={M(
                1
            )}==;EndpointSuffix=core.windows.net"
            OCR_API_KEY={M(2)}
            OCR_BASEURL=https://ocr.internal.example.com/v1
            OPENID_CLIENT_ID={M(3)}
            OPENID_CLIENT_SECRET={M(4)}
            OPENID_ISSUER=https://idp.example.com/realms/chat
            OPENID_SCOPE=openid profile email
            OPENID_SESSION_SECRET={M(5)}
            GOOGLE_CLIENT_ID={M(6)}
            GOOGLE_CLIENT_SECRET={M(7)}
            SAML_ENTRY_POINT=https://saml.example.com/sso?token={M(8)}
            SAML_ISSUER=librechat
            SAML_CERT={M(9)}
            SAML_SESSION_SECRET={M(10)}
            LDAP_URL=ldaps://ldap.example.com
            LDAP_USER_SEARCH_BASE=dc=example,dc=com
            LDAP_BIND_CREDENTIALS={M(11)}

            """
        );
        var outputs = EveryOutput(configHasErrors: false);
        AssertNoMarker(outputs);
        var plan = outputs.Single(o => o.What == "plan --format json").Text;
        foreach (
            var host in new[]
            {
                "chatfiles.blob.core.windows.net",
                "ocr.internal.example.com",
                "idp.example.com",
                "www.googleapis.com",
                "ldap.example.com",
            }
        )
        {
            Assert.Contains(host, plan, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("saml.example.com", plan, StringComparison.Ordinal);
    }
}
