using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Containment.Cli;
using Containment.Core.IO;
using Containment.Core.Targets;
using Moq;

namespace Containment.Tests.Robustness;

/// <summary>
/// Every target and report is byte-identical across runs, across processes and across locale and time-zone
/// settings (Turkish casing, where "i".ToUpper() is "İ", and a +12:45 zone are the classic traps).
/// The tool runs with InvariantGlobalization, so culture cannot leak in-process; the process test proves
/// it for the built CLI with LANG=tr_TR.UTF-8 and TZ=Pacific/Chatham.
/// </summary>
public sealed class DeterminismTests : IDisposable
{
    private readonly string _root = Directory
        .CreateTempSubdirectory("containment-determinism-")
        .FullName;

    public DeterminismTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "infra"));
        // Mixed case, IDN, ports, in-cluster names and MCP servers: the inputs where culture or hashing could show.
        File.WriteAllText(
            Path.Combine(_root, "infra", "librechat.yaml"),
            ScaledConfigGenerator.Generate(40)
                + "  INDIGO-Istanbul:\n    type: sse\n    url: 'https://İSTANBUL.Example.COM:8443/sse'\n"
                + "  kılıç:\n    type: streamable-http\n    url: 'https://kılıç.example.com/mcp'\n"
        );
        File.WriteAllText(
            Path.Combine(_root, "Pulumi.dev.yaml"),
            """
            config:
              containment:cloudProvider: aws
              containment:mode: enforce
              containment:controllerVersion: "9.0"
              containment:decryption: permits
              containment:cluster:
                id: arn:aws:eks:eu-west-1:111122223333:cluster/librechat-dev
              containment:registry:
                awsAccountId: "111122223333"
                awsRegion: eu-west-1
              containment:env:
                ENDPOINT_00011_BASE_URL: https://Gateway-Eleven.example.com/v1
                ENDPOINT_00031_BASE_URL: https://gateway-31.example.com:9443/v1
                FIRECRAWL_API_URL: https://firecrawl.example.org

            """
        );
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string[] Common =>
        [
            "--config",
            Path.Combine(_root, "infra", "librechat.yaml"),
            "--settings",
            Path.Combine(_root, "Pulumi.dev.yaml"),
        ];

    private static string PulumiConfig =>
        JsonSerializer.Serialize(
            new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["containment:librechatConfig"] = "infra/librechat.yaml",
                ["containment:cloudProvider"] = "aws",
                ["containment:cluster"] =
                    "{\"id\":\"arn:aws:eks:eu-west-1:111122223333:cluster/librechat-dev\"}",
                ["containment:registry"] = "{\"awsRegion\":\"eu-west-1\"}",
            }
        );

    /// <summary>The commands whose output must not vary: every report format, every target (as files), the compiler.</summary>
    private List<(string Name, string[] Args, bool WritesTo)> Commands()
    {
        var list = new List<(string, string[], bool)>
        {
            ("plan text", ["plan", "--format", "text", .. Common], false),
            ("plan markdown", ["plan", "--format", "markdown", .. Common], false),
            ("plan json", ["plan", "--format", "json", .. Common], false),
            (
                "lint json",
                [
                    "lint",
                    "--format",
                    "json",
                    "--config",
                    Path.Combine(_root, "infra", "librechat.yaml"),
                ],
                false
            ),
        };
        list.AddRange(
            TargetWriters.All.Select(w =>
                ($"emit {w.Name}", (string[])["emit", "--target", w.Name, .. Common, "--out"], true)
            )
        );
        return list;
    }

    /// <summary>Runs every command through <paramref name="run"/> and returns one text holding all output, emitted files included.</summary>
    private string Snapshot(Func<string[], (int Exit, string Output)> run, string label)
    {
        var sb = new StringBuilder();
        foreach (var (name, args, writes) in Commands())
        {
            var outDir = Path.Combine(_root, "out", label, name.Replace(' ', '-'));
            var (exit, output) = run(writes ? [.. args, outDir] : args);
            Assert.True(
                exit is ExitCodes.Success or ExitCodes.ConfigErrors,
                $"{name} exited {exit}: {output}"
            );
            sb.Append("== ").Append(name).Append('\n').Append(output);
            if (writes)
            {
                foreach (
                    var file in Directory
                        .EnumerateFiles(outDir, "*", SearchOption.AllDirectories)
                        .Order(StringComparer.Ordinal)
                )
                {
                    sb.Append("-- ")
                        .Append(Path.GetRelativePath(outDir, file))
                        .Append('\n')
                        .Append(File.ReadAllText(file));
                }
            }
        }
        return sb.ToString();
    }

    private (int Exit, string Output) InProcess(
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
        // Emitted folders differ only by path; the output names them, so print paths relative to the temp root.
        return (
            exit,
            (stdout + "\n" + stderr)
                .Replace(_root, "<root>", StringComparison.Ordinal)
                .Replace("/out/first/", "/out/<run>/", StringComparison.Ordinal)
                .Replace("/out/second/", "/out/<run>/", StringComparison.Ordinal)
        );
    }

    [Fact]
    public void Every_target_and_report_is_byte_identical_across_runs()
    {
        var first = Snapshot(a => InProcess(a), "first");
        var second = Snapshot(a => InProcess(a), "second");
        Assert.Contains("xn--", first, StringComparison.Ordinal);
        Assert.Equal(first, second);

        var compileEnv = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["PULUMI_STACK"] = "dev",
            ["PULUMI_CONFIG"] = PulumiConfig,
            ["PULUMI_ROOT_DIRECTORY"] = _root,
        };
        var compiled = InProcess(["compile"], compileEnv);
        Assert.Equal(ExitCodes.Success, compiled.Exit);
        Assert.Equal(compiled, InProcess(["compile"], compileEnv));
    }

    [Fact]
    public void The_tool_runs_with_invariant_globalization_so_culture_cannot_change_output()
    {
        Assert.True(
            AppContext.TryGetSwitch("System.Globalization.Invariant", out var invariant)
                && invariant
        );
        // Invariant mode refuses real cultures outright, so no code path can pick up tr-TR casing by accident.
        Assert.Throws<CultureNotFoundException>(() => new CultureInfo("tr-TR"));
        Assert.Equal("I", "i".ToUpper(CultureInfo.CurrentCulture));

        var runtimeConfig = Path.Combine(
            AppContext.BaseDirectory,
            "containment.runtimeconfig.json"
        );
        using var json = JsonDocument.Parse(File.ReadAllText(runtimeConfig));
        Assert.True(
            json.RootElement.GetProperty("runtimeOptions")
                .GetProperty("configProperties")
                .GetProperty("System.Globalization.Invariant")
                .GetBoolean()
        );
    }

    [Fact]
    public void The_built_CLI_prints_the_same_bytes_under_a_Turkish_locale_and_a_far_time_zone()
    {
        var baseline = Snapshot(a => Process(a, "C.UTF-8", "UTC"), "first");
        var trap = Snapshot(a => Process(a, "tr_TR.UTF-8", "Pacific/Chatham"), "second");
        Assert.Contains("permit-", baseline, StringComparison.Ordinal);
        Assert.Equal(baseline, trap);

        var compileEnv = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["PULUMI_STACK"] = "dev",
            ["PULUMI_CONFIG"] = PulumiConfig,
            ["PULUMI_ROOT_DIRECTORY"] = _root,
        };
        var compiled = Process(["compile"], "C.UTF-8", "UTC", compileEnv);
        Assert.Equal(ExitCodes.Success, compiled.Exit);
        Assert.Equal(compiled, Process(["compile"], "tr_TR.UTF-8", "Pacific/Chatham", compileEnv));
    }

    /// <summary>Runs the CLI the test project was built with (bin/containment.dll) as a child process.</summary>
    private (int Exit, string Output) Process(
        string[] args,
        string lang,
        string tz,
        Dictionary<string, string>? env = null
    )
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _root,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "containment.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        foreach (
            var name in new[]
            {
                "PULUMI_STACK",
                "PULUMI_CONFIG",
                "PULUMI_ROOT_DIRECTORY",
                "NO_COLOR",
                "CI",
            }
        )
        {
            start.Environment.Remove(name);
        }
        start.Environment["LANG"] = lang;
        start.Environment["LC_ALL"] = lang;
        start.Environment["TZ"] = tz;
        foreach (var (name, value) in env ?? [])
        {
            start.Environment[name] = value;
        }
        using var process = System.Diagnostics.Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var output = (stdout + "\n" + stderr.Result).Replace(
            _root,
            "<root>",
            StringComparison.Ordinal
        );
        return (
            process.ExitCode,
            output
                .Replace("/out/first/", "/out/<run>/", StringComparison.Ordinal)
                .Replace("/out/second/", "/out/<run>/", StringComparison.Ordinal)
        );
    }
}
