using System.Globalization;
using System.Text;

namespace Containment.Tests.Robustness;

/// <summary>
/// Writes valid librechat.yaml documents of any size: N custom endpoints and N/10 MCP servers (by default),
/// plus the fixed sections a real deployment has (interface, actions, webSearch, ocr, speech...).
/// Shared by the benchmarks (bench/Containment.Benchmarks links this file) and the robustness tests,
/// so the documents we time are the documents we prove safe. The output depends only on the arguments.
/// </summary>
/// <remarks>
/// Variety that exercises every branch the reader and policy take at scale: explicit ports, in-cluster
/// and private hosts, <c>${VAR}</c> base URLs, <c>user_provided</c>, hosts shared by several endpoints
/// (deduplication), every MCP transport, OAuth blocks and header values (secrets the tool must drop).
/// </remarks>
public static class ScaledConfigGenerator
{
    public static string Generate(int customEndpoints, int? mcpServers = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(customEndpoints);
        var servers = mcpServers ?? customEndpoints / 10;
        ArgumentOutOfRangeException.ThrowIfNegative(servers);
        var sb = new StringBuilder(capacity: 512 + customEndpoints * 420 + servers * 300);
        WriteHeader(sb);
        sb.Append("endpoints:\n");
        sb.Append("  openAI:\n    titleConvo: true\n    titleModel: 'gpt-4o-mini'\n");
        sb.Append("  anthropic:\n    titleConvo: true\n");
        if (customEndpoints > 0)
        {
            sb.Append("  custom:\n");
            for (var i = 0; i < customEndpoints; i++)
            {
                WriteEndpoint(sb, i);
            }
        }
        if (servers > 0)
        {
            sb.Append("mcpServers:\n");
            for (var i = 0; i < servers; i++)
            {
                WriteMcpServer(sb, i);
            }
        }
        return sb.ToString();
    }

    private static void WriteHeader(StringBuilder sb) =>
        sb.Append(
            """
            version: 1.3.17
            cache: true
            interface:
              customWelcome: 'Welcome, {{user.name}}'
              privacyPolicy:
                externalUrl: 'https://example.org/privacy'
              mcpServers:
                create: false
              agents:
                use: true
                create: true
            registration:
              socialLogins: ['github', 'google', 'openid']
            actions:
              allowedDomains:
                - 'swapi.dev'
                - 'api.weather.example.com'
            mcpSettings:
              allowedDomains:
                - 'mcp.example.net'
            fileStrategy: 's3'
            webSearch:
              serperApiKey: '${SERPER_API_KEY}'
              firecrawlApiKey: '${FIRECRAWL_API_KEY}'
              firecrawlApiUrl: '${FIRECRAWL_API_URL}'
              jinaApiKey: '${JINA_API_KEY}'
              searchProvider: 'serper'
              scraperProvider: 'firecrawl'
              rerankerType: 'jina'
            ocr:
              strategy: 'mistral_ocr'
              apiKey: '${OCR_API_KEY}'
              baseURL: 'https://api.mistral.ai/v1'
            speech:
              tts:
                openai:
                  apiKey: '${TTS_API_KEY}'
                  model: 'tts-1'
                  voices: ['alloy']
              stt:
                openai:
                  apiKey: '${STT_API_KEY}'
                  model: 'whisper-1'
            memory:
              disabled: false
              agent:
                provider: 'openAI'
                model: 'gpt-4o-mini'

            """.Replace("\r\n", "\n", StringComparison.Ordinal)
        );

    private static void WriteEndpoint(StringBuilder sb, int i)
    {
        var id = Id(i);
        sb.Append("    - name: 'endpoint-").Append(id).Append("'\n");
        sb.Append("      apiKey: ")
            .Append(i % 13 == 5 ? "'user_provided'" : $"'${{ENDPOINT_{id}_API_KEY}}'")
            .Append('\n');
        sb.Append("      baseURL: '").Append(BaseUrl(i)).Append("'\n");
        if (i % 4 == 1)
        {
            sb.Append("      provider: 'anthropic'\n");
        }
        if (i % 3 == 0)
        {
            sb.Append("      headers:\n        x-tenant: 'tenant-")
                .Append(id)
                .Append("'\n        Authorization: 'Bearer ${ENDPOINT_")
                .Append(id)
                .Append("_TOKEN}'\n");
        }
        sb.Append("      models:\n        default: ['model-")
            .Append(id)
            .Append("-large', 'model-")
            .Append(id)
            .Append("-small']\n");
        sb.Append("        fetch: ").Append(i % 2 == 0 ? "true" : "false").Append('\n');
        sb.Append("      titleConvo: true\n      titleModel: 'model-")
            .Append(id)
            .Append("-small'\n");
        sb.Append("      modelDisplayLabel: 'Endpoint ")
            .Append(i.ToString(CultureInfo.InvariantCulture))
            .Append("'\n");
        if (i % 5 == 2)
        {
            sb.Append("      dropParams: ['stop', 'user']\n");
        }
    }

    private static string BaseUrl(int i)
    {
        var id = Id(i);
        return (i % 20) switch
        {
            3 => $"http://litellm-{id}.llm.svc.cluster.local:4000/v1",
            7 => $"https://api.provider-{id}.example.com:8443/v1",
            11 => $"${{ENDPOINT_{id}_BASE_URL}}",
            13 => $"http://10.{(i / 256) % 256}.{i % 256}.7:11434/v1",
            // Every 20th-plus-17 endpoint reuses an earlier endpoint's host: the policy must deduplicate.
            17 => $"https://api.provider-{Id(i - 17)}.example.com/v2",
            _ => $"https://api.provider-{id}.example.com/v1",
        };
    }

    private static void WriteMcpServer(StringBuilder sb, int i)
    {
        var id = Id(i);
        sb.Append("  mcp-").Append(id).Append(":\n");
        switch (i % 5)
        {
            case 0:
                sb.Append("    type: streamable-http\n    url: 'https://mcp-")
                    .Append(id)
                    .Append(".tools.example.net/mcp'\n");
                sb.Append("    headers:\n      Authorization: 'Bearer ${MCP_")
                    .Append(id)
                    .Append("_TOKEN}'\n");
                break;
            case 1:
                sb.Append("    type: sse\n    url: 'https://sse-")
                    .Append(id)
                    .Append(".tools.example.net:9443/sse'\n");
                break;
            case 2:
                sb.Append(
                        "    command: npx\n    args:\n      - '-y'\n      - '@example/mcp-server-"
                    )
                    .Append(id)
                    .Append("'\n");
                sb.Append("    env:\n      SERVER_TOKEN: '${MCP_").Append(id).Append("_TOKEN}'\n");
                break;
            case 3:
                sb.Append("    type: websocket\n    url: 'wss://ws-")
                    .Append(id)
                    .Append(".tools.example.net/ws'\n");
                break;
            default:
                sb.Append("    type: streamable-http\n    url: 'https://oauth-")
                    .Append(id)
                    .Append(".tools.example.net/mcp'\n");
                sb.Append(
                    "    oauth:\n      authorization_url: 'https://auth.example.net/authorize'\n"
                );
                sb.Append(
                        "      token_url: 'https://auth.example.net/token'\n      client_id: 'client-"
                    )
                    .Append(id)
                    .Append("'\n");
                sb.Append("      client_secret: '${MCP_").Append(id).Append("_CLIENT_SECRET}'\n");
                break;
        }
        if (i % 7 == 6)
        {
            sb.Append("    startup: false\n");
        }
    }

    private static string Id(int i) => i.ToString("D5", CultureInfo.InvariantCulture);
}
