using System.IO.Compression;
using System.Text.Json;
using Containment.Cli;
using Containment.Tests.Cli;
using Containment.Tests.EndToEnd;
using Containment.Tests.Infrastructure;
using Moq;

namespace Containment.Tests.LogBaseline;

/// <summary><c>containment baseline</c> in-process: each format and verdict against golden files, the gate, and inputs that cannot be read.</summary>
public class BaselineCommandTests
{
    private static string FixturePath(string name) =>
        Path.Combine(AppContext.BaseDirectory, "LogBaseline", "Fixtures", name);

    private static InMemoryFileSystem FileSystem()
    {
        var fs = UpstreamModel.Case.FileSystem();
        foreach (var name in new[] { "pods.json", "nodes.json", "terraform-show.json" })
        {
            fs.With(name, File.ReadAllBytes(FixturePath(name)));
        }
        return fs;
    }

    /// <summary>Runs baseline on the upstream stack with the log on stdin (so no machine path reaches the output).</summary>
    private static CliResult Run(string log, params string[] extra)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        string[] args =
        [
            "baseline",
            "--settings",
            UpstreamModel.Case.StackFile,
            "--config",
            E2eCase.ConfigFile,
            "--logs",
            "-",
            .. extra,
        ];
        var code = CliApp.Run(
            args,
            stdout,
            stderr,
            FileSystem(),
            new Mock<Core.IO.IEnvironment>().Object,
            () => File.OpenRead(FixturePath(log))
        );
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }

    private static readonly string[] Snapshots =
    [
        "--pods",
        "pods.json",
        "--nodes",
        "nodes.json",
        "--rules",
        "terraform-show.json",
    ];

    [Theory]
    [InlineData("text", "report.txt")]
    [InlineData("markdown", "report.md")]
    [InlineData("json", "report.json")]
    public void Not_ready_report_in_each_format(string format, string file)
    {
        var result = Run("monitor-not-ready.log", [.. Snapshots, "--format", format]);

        Assert.Equal(0, result.ExitCode);
        Baseline.Match("baseline-not-ready", file, result.Stdout);
    }

    [Fact]
    public void Ready_report_and_the_gate_passes()
    {
        var result = Run(
            "monitor-ready.log",
            [.. Snapshots, "--format", "json", "--fail-if-would-deny"]
        );

        Assert.Equal(0, result.ExitCode);
        Baseline.Match("baseline-ready", "report.json", result.Stdout);
    }

    [Fact]
    public void The_gate_fails_with_exit_1_when_a_flow_from_our_workloads_would_be_denied()
    {
        var result = Run("monitor-not-ready.log", [.. Snapshots, "--fail-if-would-deny"]);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith(
            "Baseline for stack dev: not ready: 3 would-be-denied flows from our workloads",
            result.Stdout,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void Json_has_exactly_the_fields_the_issue_lists()
    {
        using var doc = JsonDocument.Parse(
            Run("monitor-not-ready.log", [.. Snapshots, "--format", "json"]).Stdout
        );
        var root = doc.RootElement;
        var flow = root.GetProperty("wouldDeny")
            .EnumerateArray()
            .First(f => f.GetProperty("destination").TryGetProperty("host", out _));

        Assert.Equal(
            ["workload", "destination", "count", "firstSeen", "lastSeen", "rules", "suggestion"],
            flow.EnumerateObject().Select(p => p.Name)
        );
        Assert.Equal(
            ["host", "ip", "port"],
            flow.GetProperty("destination").EnumerateObject().Select(p => p.Name)
        );
        foreach (
            var name in new[]
            {
                "wouldDeny",
                "enforcedDenies",
                "permits",
                "skippedLines",
                "ready",
                "window",
            }
        )
        {
            Assert.True(root.TryGetProperty(name, out _), name);
        }
    }

    [Fact]
    public void Without_a_pod_snapshot_every_source_is_unknown_and_counts_as_ours()
    {
        var result = Run("monitor-ready.log", "--format", "json");

        using var doc = JsonDocument.Parse(result.Stdout);
        Assert.False(doc.RootElement.GetProperty("ready").GetBoolean()); // the other-namespace pod is no longer known to be someone else's
        Assert.Equal(
            "unknown",
            doc.RootElement.GetProperty("wouldDeny")[0].GetProperty("workload").GetString()
        );
        Assert.Contains("info CT7006", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Skipped_lines_are_a_warning_with_the_first_line_number()
    {
        var result = Run("monitor-not-ready.log", Snapshots);

        Assert.Contains(
            "<stdin>(10,1): warning CT7005: 1 line could not be read; the first: traffic_server line whose JSON is malformed or truncated",
            result.Stderr,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void A_missing_log_file_exits_1_with_a_message_and_no_stack_trace()
    {
        var result = CliRunner.Run(
            FileSystem(),
            "baseline",
            "--settings",
            UpstreamModel.Case.StackFile,
            "--config",
            E2eCase.ConfigFile,
            "--logs",
            "/nonexistent/gw.log"
        );

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(
            "/nonexistent/gw.log: error CT7001: log input not found",
            result.Stderr,
            StringComparison.Ordinal
        );
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Gzip_files_and_plain_files_are_read_together()
    {
        var gz = Path.Combine(
            Path.GetTempPath(),
            $"containment-baseline-{Guid.NewGuid():N}.log.gz"
        );
        try
        {
            using (var output = new GZipStream(File.Create(gz), CompressionLevel.Fastest))
            {
                output.Write(File.ReadAllBytes(FixturePath("monitor-not-ready.log")));
            }

            var result = CliRunner.Run(
                FileSystem(),
                [
                    "baseline",
                    "--settings",
                    UpstreamModel.Case.StackFile,
                    "--config",
                    E2eCase.ConfigFile,
                    "--logs",
                    gz,
                    FixturePath("monitor-ready.log"),
                    .. Snapshots,
                    "--format",
                    "json",
                ]
            );

            using var doc = JsonDocument.Parse(result.Stdout);
            Assert.Equal(16, doc.RootElement.GetProperty("window").GetProperty("lines").GetInt64());
        }
        finally
        {
            File.Delete(gz);
        }
    }

    [Fact]
    public void A_corrupt_gzip_exits_1_and_still_reports_what_was_read()
    {
        var bytes = new MemoryStream();
        using (var output = new GZipStream(bytes, CompressionLevel.Fastest, leaveOpen: true))
        {
            output.Write(File.ReadAllBytes(FixturePath("monitor-not-ready.log")));
        }
        var truncated = bytes.ToArray();
        truncated.AsSpan(12, 24).Fill(0xFF); // inside the deflate data, after the header
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var code = CliApp.Run(
            [
                "baseline",
                "--settings",
                UpstreamModel.Case.StackFile,
                "--config",
                E2eCase.ConfigFile,
                "--logs",
                "-",
            ],
            stdout,
            stderr,
            FileSystem(),
            new Mock<Core.IO.IEnvironment>().Object,
            () => new MemoryStream(truncated)
        );

        Assert.Equal(1, code);
        Assert.Contains(
            "<stdin>: error CT7001: log input cannot be read to the end",
            stderr.ToString(),
            StringComparison.Ordinal
        );
        Assert.StartsWith("Baseline for stack dev:", stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_pod_snapshot_that_is_not_json_exits_1()
    {
        var fs = FileSystem().With("bad.json", "{nope");
        var result = CliRunner.Run(
            fs,
            "baseline",
            "--settings",
            UpstreamModel.Case.StackFile,
            "--config",
            E2eCase.ConfigFile,
            "--logs",
            "-",
            "--pods",
            "bad.json"
        );

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("bad.json: error CT7002", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Logs_are_required() =>
        Assert.Equal(
            2,
            CliRunner
                .Run(FileSystem(), "baseline", "--settings", UpstreamModel.Case.StackFile)
                .ExitCode
        );

    [Fact]
    public void The_example_workflow_gates_the_promotion_pr_on_the_baseline()
    {
        var workflow = File.ReadAllText(
            Path.Combine(Baseline.RepositoryRoot()!, "infra", "github-actions", "containment.yml")
        );
        var job = workflow[workflow.IndexOf("  baseline-promotion:", StringComparison.Ordinal)..];

        Assert.Contains(
            "containment baseline --stack \"$STACK\" --logs dcf-logs/*",
            job,
            StringComparison.Ordinal
        );
        Assert.Contains("--format markdown --fail-if-would-deny", job, StringComparison.Ordinal);
        Assert.Contains("<!-- containment-baseline -->", job, StringComparison.Ordinal);
    }
}
