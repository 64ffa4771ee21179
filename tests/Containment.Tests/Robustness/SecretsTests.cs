using System.Text;
using Containment.Cli;
using Containment.Core.IO;
using Containment.Core.Targets;
using Moq;

namespace Containment.Tests.Robustness;

/// <summary>
/// Only host names may leave a config. Every secret-bearing field gets a unique marker (API keys, header values,
/// tokens, OAuth client secrets, URL userinfo, query strings and fragments, MCP admin keys, stdio args and env,
/// dotenv values, Pulumi secrets in PULUMI_CONFIG and in the stack file), then every command runs in-process
/// with every format and target, and no stdout, stderr, emitted file or diagnostic may contain any marker.
/// </summary>
public sealed partial class SecretsTests : IDisposable
{
    private readonly string _root = Directory
        .CreateTempSubdirectory("containment-secrets-")
        .FullName;

    /// <summary>Marker n: unmistakable, and never a substring of another marker (fixed width).</summary>
    private static string M(int n) => $"Zq9Sekret{n:D2}x";

    private const int MarkerCount = 40;

    private static readonly string LibreChatYaml = $"""
        version: 1.3.17
        interface:
          mcpServers:
            create: false
        endpoints:
          openAI:
            headers:
              Authorization: 'Bearer {M(1)}'
          azureOpenAI:
            groups:
              - group: g
                apiKey: '{M(2)}'
                instanceName: my-instance
                additionalHeaders:
                  x-key: '{M(3)}'
                models:
                  gpt-4o: true
          assistants:
            apiKey: '{M(4)}'
            baseURL: 'https://{M(5)}@assistants.example.com/v1?key={M(6)}'
          custom:
            - name: c1
              apiKey: '{M(7)}'
              baseURL: 'https://{M(8)}:{M(9)}@api.example.com:8443/v1?api_key={M(10)}#{M(11)}'
              headers:
                x-api-key: '{M(12)}'
              models:
                default: [m]
            - name: from-env
              apiKey: '${"{"}API_KEY{"}"}'
              baseURL: '${"{"}GATEWAY_URL{"}"}'
              models:
                default: [m]
        mcpServers:
          remote:
            type: streamable-http
            url: 'https://{M(13)}:{M(14)}@mcp.example.net/mcp?token={M(15)}'
            headers:
              Authorization: 'Bearer {M(16)}'
            oauth:
              authorization_url: 'https://auth.example.net/authorize?secret={M(17)}'
              token_url: 'https://{M(18)}@auth.example.net/token'
              client_id: '{M(19)}'
              client_secret: '{M(20)}'
          admin:
            type: sse
            url: 'https://sse.example.net/sse'
            apiKey:
              source: admin
              authorization_type: bearer
              key: '{M(21)}'
          local:
            command: npx
            args: ['-y', '@scope/server', '--token', '{M(22)}', 'https://{M(
            23
        )}@args.example.org/x?k={M(24)}']
            env:
              TOKEN: '{M(25)}'
        webSearch:
          serperApiKey: '{M(26)}'
          jinaApiKey: '{M(27)}'
        ocr:
          strategy: mistral_ocr
          apiKey: '{M(28)}'
          baseURL: 'https://{M(29)}:x@ocr.example.com/v1?key={M(30)}'
        speech:
          tts:
            openai:
              apiKey: '{M(31)}'
              url: 'https://tts.example.com/v1?key={M(32)}'
              model: tts-1
              voices: [alloy]
          stt:
            openai:
              apiKey: '{M(33)}'
              model: whisper-1

        """;

    private static readonly string DotEnv = $"""
        API_KEY={M(34)}
        GATEWAY_URL=https://{M(35)}:{M(36)}@gateway.example.com/v1?key={M(37)}

        """;

    private static readonly string StackFile = $"""
        config:
          aviatrix:password:
            secure: {M(38)}
          containment:cloudProvider: aws
          containment:cluster:
            id: arn:aws:eks:eu-west-1:111122223333:cluster/librechat-dev
          containment:registry:
            awsRegion: eu-west-1

        """;

    private static readonly string PulumiConfig =
        "{\"containment:librechatConfig\":\"infra/librechat.yaml\",\"containment:cloudProvider\":\"aws\","
        + "\"containment:cluster\":\"{\\\"id\\\":\\\"arn:aws:eks:eu-west-1:111122223333:cluster/librechat-dev\\\"}\","
        + "\"containment:registry\":\"{\\\"awsRegion\\\":\\\"eu-west-1\\\"}\","
        + $"\"aviatrix:password\":\"{M(39)}\",\"aviatrix:username\":\"admin\",\"containment:decryptionCaKey\":\"{M(40)}\"}}";

    public SecretsTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "infra"));
        File.WriteAllText(Path.Combine(_root, "infra", "librechat.yaml"), LibreChatYaml);
        File.WriteAllText(Path.Combine(_root, ".env"), DotEnv);
        File.WriteAllText(Path.Combine(_root, "Pulumi.dev.yaml"), StackFile);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string P(string relative) => Path.Combine(_root, relative);

    private static (int Exit, string Output) Cli(
        string[] args,
        Dictionary<string, string>? env = null
    )
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var environment = new Mock<IEnvironment>();
        environment
            .Setup(e => e.GetVariable(It.IsAny<string>()))
            .Returns((string name) => env?.GetValueOrDefault(name));
        var exit = CliApp.Run(
            args,
            stdout,
            stderr,
            PhysicalFileSystem.Instance,
            environment.Object
        );
        return (exit, stdout + "\n" + stderr);
    }

    private string[] Common =>
        [
            "--config",
            P("infra/librechat.yaml"),
            "--settings",
            P("Pulumi.dev.yaml"),
            "--env-file",
            P(".env"),
        ];

    [Fact]
    public void No_command_format_target_or_diagnostic_repeats_a_secret()
    {
        var outputs = EveryOutput(configHasErrors: false);
        Assert.Contains(
            "mcp.example.net",
            outputs.Single(o => o.What == "compile").Text,
            StringComparison.Ordinal
        );

        // The in-process pipeline as well: every report format, SARIF and the diff renderers.
        var pipeline = PipelineRunner.Run(Encoding.UTF8.GetBytes(LibreChatYaml));
        outputs.AddRange(pipeline.AllText.Select(t => ("pipeline", t)));
        AssertNoMarker(outputs);

        // The hosts themselves do come through, so the test is not passing on empty output.
        var plan = outputs.Single(o => o.What == "plan --format json").Text;
        foreach (
            var host in new[]
            {
                "api.example.com",
                "gateway.example.com",
                "mcp.example.net",
                "sse.example.net",
                "ocr.example.com",
                "tts.example.com",
            }
        )
        {
            Assert.Contains(host, plan, StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// Issue 10 item 6: env values that are secrets (named like one, or used as a credential by the config) put into
    /// a host, a region, an Azure instance name or a URL's path, through --env-file. Commands fail on the hosts that
    /// would need a secret, naming the variable; no output, file or diagnostic holds a value.
    /// </summary>
    [Fact]
    public void Secrets_from_an_env_file_in_hosts_are_errors_that_name_the_variable_and_print_no_value()
    {
        File.WriteAllText(
            P("infra/librechat.yaml"),
            """
            version: 1.3.17
            interface:
              mcpServers:
                create: false
            endpoints:
              azureOpenAI:
                groups:
                  - group: g
                    apiKey: k
                    instanceName: '${AZURE_OPENAI_API_KEY}'
                    models:
                      gpt-4o: true
              custom:
                - name: attacker
                  apiKey: '${GATEWAY_CRED}'
                  baseURL: 'https://${OPENAI_API_KEY}.attacker.example/v1'
                  models:
                    default: [m]
                - name: cred-as-host
                  apiKey: k
                  baseURL: 'https://${GATEWAY_CRED}/v1'
                  models:
                    default: [m]
                - name: in-path
                  apiKey: k
                  baseURL: 'https://api.example.com/t/${MCP_TOKEN}/v1?p=${DB_PASSWORD}'
                  models:
                    default: [m]
            mcpServers:
              remote:
                url: 'https://${MCP_TOKEN}/mcp'
            ocr:
              strategy: mistral_ocr
              baseURL: '${OCR_SECRET}'

            """
        );
        File.WriteAllText(
            P(".env"),
            $"""
            OPENAI_API_KEY={M(1)}
            AZURE_OPENAI_API_KEY={M(2)}
            GATEWAY_CRED={M(3)}.gateway.example
            MCP_TOKEN={M(4)}.mcp.example
            DB_PASSWORD={M(5)}
            OCR_SECRET=https://{M(6)}.ocr.example

            """
        );
        var outputs = EveryOutput(configHasErrors: true);
        AssertNoMarker(outputs);
        var lint = outputs.Single(o => o.What == "lint --format text").Text;
        foreach (
            var name in new[]
            {
                "OPENAI_API_KEY",
                "AZURE_OPENAI_API_KEY",
                "GATEWAY_CRED",
                "MCP_TOKEN",
                "OCR_SECRET",
            }
        )
        {
            Assert.Contains($"CT2300: ", lint, StringComparison.Ordinal);
            Assert.Contains("${" + name + "}", lint, StringComparison.Ordinal);
        }
        var plan = outputs.Single(o => o.What == "plan --format text").Text;
        Assert.Contains("CT2300", plan, StringComparison.Ordinal);
    }

    private static void AssertNoMarker(List<(string What, string Text)> outputs)
    {
        var leaks = (
            from output in outputs
            from n in Enumerable.Range(1, MarkerCount)
            where output.Text.Contains(M(n), StringComparison.OrdinalIgnoreCase)
            select $"{output.What} prints marker {n}"
        ).ToList();
        Assert.True(leaks.Count == 0, string.Join("\n", leaks));
    }

    /// <summary>Runs every command in every format and every target on the files in the temp folder.</summary>
    private List<(string What, string Text)> EveryOutput(bool configHasErrors)
    {
        var ok = configHasErrors ? ExitCodes.ConfigErrors : ExitCodes.Success;
        var outputs = new List<(string What, string Text)>();
        foreach (var format in new[] { "text", "json" })
        {
            // lint reads no stack settings: the config and the dotenv file only.
            var (exit, text) = Cli([
                "lint",
                "--format",
                format,
                "--config",
                P("infra/librechat.yaml"),
                "--env-file",
                P(".env"),
            ]);
            Assert.True(
                exit is ExitCodes.Success or ExitCodes.ConfigErrors,
                $"lint --format {format} exited {exit}: {text}"
            );
            outputs.Add(($"lint --format {format}", text));
        }
        foreach (var format in new[] { "text", "markdown", "json" })
        {
            var (exit, text) = Cli(["plan", "--format", format, .. Common]);
            Assert.True(exit == ok, $"plan --format {format} failed: {text}");
            outputs.Add(($"plan --format {format}", text));
        }
        foreach (var writer in TargetWriters.All)
        {
            var dir = P("out-" + writer.Name);
            var (exit, text) = Cli(["emit", "--target", writer.Name, "--out", dir, .. Common]);
            Assert.True(exit == ok, $"emit --target {writer.Name} exited {exit}: {text}");
            outputs.Add(($"emit --target {writer.Name}", text));
            var files = Directory.Exists(dir)
                ? Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).ToList()
                : [];
            Assert.True(configHasErrors || files.Count > 0, "emit wrote no files");
            outputs.AddRange(
                files.Select(f =>
                    ($"{writer.Name}: {Path.GetRelativePath(dir, f)}", File.ReadAllText(f))
                )
            );
        }
        File.WriteAllText(
            P("base.yaml"),
            "version: 1.3.17\ninterface:\n  mcpServers:\n    create: false\n"
        );
        foreach (var format in new[] { "text", "markdown", "json" })
        {
            var (exit, text) = Cli([
                "diff",
                "--base",
                P("base.yaml"),
                "--format",
                format,
                .. Common,
            ]);
            Assert.True(exit == ok, $"diff --format {format} exited {exit}: {text}");
            outputs.Add(($"diff --format {format}", text));
            foreach (
                var host in new[]
                {
                    "api.example.com",
                    "https://x:y@gateway.example.com/v1?k=z",
                    "mcp.example.net",
                    "evil.example",
                }
            )
            {
                (exit, text) = Cli(["check", host, "--format", format, .. Common]);
                Assert.True(
                    exit is ExitCodes.Success or ExitCodes.ConfigErrors,
                    $"check {host} exited {exit}: {text}"
                );
                outputs.Add(($"check {host} --format {format}", text));
            }
        }
        var compile = Cli(
            ["compile"],
            new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["PULUMI_STACK"] = "dev",
                ["PULUMI_CONFIG"] = PulumiConfig,
                ["PULUMI_ROOT_DIRECTORY"] = _root,
            }
        );
        Assert.True(compile.Exit == ok, "compile exited " + compile.Exit + ": " + compile.Output);
        outputs.Add(("compile", compile.Output));
        return outputs;
    }
}
