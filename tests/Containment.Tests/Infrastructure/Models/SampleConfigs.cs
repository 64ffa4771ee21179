using Containment.Core.LibreChat;
using Containment.Core.Model;
using Containment.Core.Net;
using Containment.Core.Settings;

namespace Containment.Tests.Infrastructure.Models;

/// <summary>
/// LibreChat configs built in C# (the YAML reader is another branch). <see cref="UpstreamExample"/> mirrors
/// the custom endpoints, actions and social logins of shared/corpus/00-librechat-example.yaml with the
/// same lines and columns, so the plan can be compared with the real file once the reader is merged.
/// </summary>
internal static class SampleConfigs
{
    public const string File = "librechat.yaml";
    public const string ExampleFile = "00-librechat-example.yaml";

    public static ConfigLocation Loc(string path, int line, int column = 3, string file = File) =>
        new(file, path, line, column);

    public static UrlValue Url(
        string url,
        string path,
        int line,
        int column = 16,
        string file = File
    ) => new(UrlState.Resolved, UrlParts.TryParse(url), Loc(path, line, column, file), []);

    public static UrlValue Unresolved(string path, int line, params string[] vars) =>
        new(UrlState.Unresolved, null, Loc(path, line), vars);

    public static UrlValue UserProvided(string path, int line) =>
        new(UrlState.UserProvided, null, Loc(path, line), []);

    public static ConfigValue<T> Val<T>(
        T value,
        string path,
        int line,
        int column = 3,
        string file = File
    ) => new(value, Loc(path, line, column, file));

    /// <summary>An empty config that does not let users add MCP servers and names action hosts, so it raises no runtime warnings.</summary>
    public static LibreChatConfig Quiet(string file = File) =>
        new()
        {
            File = file,
            UsersCanCreateMcpServers = Val(false, "interface.mcpServers.create", 2, 13, file),
            ActionsAllowedDomains = [Val("swapi.dev", "actions.allowedDomains[0]", 5, 7, file)],
        };

    public static CustomEndpointConfig Custom(
        string name,
        string baseUrl,
        int line,
        int index = 0,
        string file = File
    ) =>
        new()
        {
            Name = Val(name, $"endpoints.custom[{index}].name", line - 2, 13, file),
            Location = Loc($"endpoints.custom[{index}]", line - 2, 7, file),
            BaseUrl = Url(baseUrl, $"endpoints.custom[{index}].baseURL", line, 16, file),
        };

    public static LibreChatConfig WithCustom(params CustomEndpointConfig[] customs) =>
        Quiet() with
        {
            Endpoints = new EndpointsConfig { Custom = customs },
        };

    public static McpServerConfig RemoteMcp(
        string name,
        string url,
        McpTransport transport = McpTransport.StreamableHttp,
        int line = 20
    ) =>
        new()
        {
            Name = name,
            Location = Loc("mcpServers." + name, line),
            Transport = transport,
            Url = Url(url, $"mcpServers.{name}.url", line + 1, 10),
        };

    public static McpServerConfig StdioMcp(string name, string command, int line = 30) =>
        new()
        {
            Name = name,
            Location = Loc("mcpServers." + name, line),
            Transport = McpTransport.Stdio,
            Command = Val(command, $"mcpServers.{name}.command", line + 1, 14),
        };

    /// <summary>The upstream example's custom endpoints (lines and columns from the real file).</summary>
    public static LibreChatConfig UpstreamExample()
    {
        const string f = ExampleFile;
        string[] logins = ["github", "google", "discord", "openid", "facebook", "apple", "saml"];
        int[] loginColumns = [18, 28, 38, 49, 59, 71, 80];
        return new LibreChatConfig
        {
            File = f,
            Version = Val("1.3.17", "version", 6, 10, f),
            Endpoints = new EndpointsConfig
            {
                Custom =
                [
                    Custom("xai", "https://api.x.ai/v1", 939, 0, f),
                    Custom("Claude-Compatible", "https://api.anthropic.com", 956, 1, f) with
                    {
                        Provider = "anthropic",
                    },
                    Custom("groq", "https://api.groq.com/openai/v1/", 1003, 2, f),
                    Custom("Mistral", "https://api.mistral.ai/v1", 1021, 3, f) with
                    {
                        FetchModels = true,
                    },
                    Custom("OpenRouter", "https://openrouter.ai/api/v1", 1063, 4, f) with
                    {
                        FetchModels = true,
                    },
                ],
            },
            ActionsAllowedDomains =
            [
                Val("swapi.dev", "actions.allowedDomains[0]", 491, 7, f),
                Val("librechat.ai", "actions.allowedDomains[1]", 492, 7, f),
                Val("google.com", "actions.allowedDomains[2]", 493, 7, f),
            ],
            Registration = new RegistrationConfig
            {
                Location = Loc("registration", 375, 1, f),
                SocialLogins =
                [
                    .. logins.Select(
                        (l, i) => Val(l, $"registration.socialLogins[{i}]", 376, loginColumns[i], f)
                    ),
                ],
            },
        };
    }

    public static StackSettings Stack(
        EnforcementMode mode = EnforcementMode.Monitor,
        CloudProvider cloud = CloudProvider.Aws,
        string controller = "8.2",
        DecryptionMode decryption = DecryptionMode.Off,
        bool agentGuard = false
    ) =>
        new()
        {
            Stack = mode == EnforcementMode.Enforce ? "prod" : "dev",
            Source = "Pulumi.dev.yaml",
            Mode = mode,
            CloudProvider = cloud,
            ControllerVersion = Version.Parse(controller),
            Decryption = decryption,
            AgentGuard = agentGuard,
            Cluster = new ClusterSettings
            {
                Id = "arn:aws:eks:eu-central-1:123456789012:cluster/chat",
            },
            Registry = new RegistrySettings
            {
                AwsAccountId = "123456789012",
                AwsRegion = "eu-central-1",
            },
        };
}
