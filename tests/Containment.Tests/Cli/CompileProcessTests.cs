using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Containment.Tests.EndToEnd;
using Containment.Tests.Infrastructure;

namespace Containment.Tests.Cli;

/// <summary>
/// The built compiler as Pulumi runs it: <c>dotnet containment.dll compile</c> in a child process, in the project
/// folder (a temp copy of a baseline case). Few process starts on purpose: each costs a runtime start-up.
/// </summary>
public sealed class CompileProcessTests : IDisposable
{
    private readonly TempFolder _project = new();
    private readonly E2eCase _case = E2eCase.ByName("upstream");

    public CompileProcessTests()
    {
        Directory.CreateDirectory(_project.Path);
        foreach (var file in new[] { E2eCase.ConfigFile, _case.StackFile })
        {
            File.WriteAllText(Path.Combine(_project.Path, file), _case.Read(file));
        }
    }

    public void Dispose() => _project.Dispose();

    [Fact]
    public void Without_pulumi_variables_the_process_prints_only_the_discovery_program()
    {
        var (exit, stdout, stderr) = RunCompile([]);

        Assert.Equal((0, ""), (exit, stderr));
        AssertOneJsonDocument(stdout);
        Baseline.Match("pulumi-discovery", "expected.json", stdout);
    }

    [Fact]
    public void A_stack_run_prints_the_baseline_program_byte_identically_every_time()
    {
        var env = StackRun(_case.PulumiConfig());

        var first = RunCompile(env);
        var second = RunCompile(env);

        Assert.Equal((0, ""), (first.Exit, first.Stderr));
        AssertOneJsonDocument(first.Stdout);
        Baseline.Match(_case.Folder, "pulumi/Main.yaml", first.Stdout);
        Assert.Equal(first, second);
    }

    [Fact]
    public void A_failing_run_exits_1_with_empty_stdout_and_one_stderr_line()
    {
        var (exit, stdout, stderr) = RunCompile(
            StackRun("{\"containment:librechatConfig\":\"../outside.yaml\"}")
        );

        Assert.Equal((1, ""), (exit, stdout));
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith(
            "PULUMI_CONFIG: error CT5050: containment:librechatConfig '../outside.yaml' points outside the project root",
            line,
            StringComparison.Ordinal
        );
    }

    private Dictionary<string, string> StackRun(string config) =>
        new(StringComparer.Ordinal)
        {
            ["PULUMI_STACK"] = _case.Stack,
            ["PULUMI_PROJECT"] = "containment",
            ["PULUMI_CONFIG"] = config,
            ["PULUMI_ROOT_DIRECTORY"] = _project.Path,
        };

    private (int Exit, string Stdout, string Stderr) RunCompile(
        Dictionary<string, string> pulumiVariables
    )
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "containment.dll");
        Assert.True(
            File.Exists(dll),
            $"{dll} is missing: the test project references the CLI project, which copies it there."
        );
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = _project.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("compile");
        // The child must see exactly the PULUMI_* variables of the case, never ones the test run happens to have.
        foreach (
            var name in start
                .Environment.Keys.Where(k =>
                    k.StartsWith("PULUMI_", StringComparison.OrdinalIgnoreCase)
                )
                .ToList()
        )
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in pulumiVariables)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stderrTask = process.StandardError.ReadToEndAsync(
            TestContext.Current.CancellationToken
        );
        var stdout = process.StandardOutput.ReadToEnd();
        var stderr = stderrTask.GetAwaiter().GetResult();
        // A safety net against a hung child, not a timing assertion.
        Assert.True(
            process.WaitForExit(TimeSpan.FromMinutes(2)),
            "containment compile did not exit"
        );
        return (process.ExitCode, stdout, stderr);
    }

    /// <summary>The dotnet host running these tests (dotnet test exports DOTNET_HOST_PATH), else the one on PATH.</summary>
    private static string DotnetHost()
    {
        var fromSdk = System.Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromSdk) && File.Exists(fromSdk))
        {
            return fromSdk;
        }

        var self = System.Environment.ProcessPath;
        return
            self is not null
            && Path.GetFileNameWithoutExtension(self)
                .Equals("dotnet", StringComparison.OrdinalIgnoreCase)
            ? self
            : "dotnet";
    }

    private static void AssertOneJsonDocument(string stdout)
    {
        // JsonDocument.Parse rejects anything after the first value, so this proves exactly one document.
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal(JsonValueKind.Object, doc.RootElement.ValueKind);
        Assert.EndsWith("}\n", stdout, StringComparison.Ordinal);
    }
}
