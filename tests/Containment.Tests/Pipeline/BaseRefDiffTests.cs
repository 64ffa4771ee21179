using System.Text.Json;
using Containment.Core.IO;
using Containment.Core.Pipeline;
using Containment.Tests.Infrastructure;
using static Containment.Tests.Cli.CliRunner;

namespace Containment.Tests.Pipeline;

/// <summary>
/// <c>diff --base-ref</c> against a real git repository built in a temp folder: two commits, the base read from
/// git (no checkout), the head from the work tree. The stack-file-only change is the attack of issue 14: a PR
/// that adds an extraDestinations host passed the old <c>--base FILE</c> gate with "No egress changes.".
/// </summary>
public sealed class BaseRefDiffTests : IDisposable
{
    private const string LibreChatYaml =
        "version: \"1.3.17\"\n"
        + "interface:\n"
        + "  mcpServers:\n"
        + "    create: false\n"
        + "endpoints:\n"
        + "  custom:\n"
        + "    - name: groq\n"
        + "      apiKey: \"${GROQ_API_KEY}\"\n"
        + "      baseURL: \"https://api.groq.com/openai/v1\"\n"
        + "      models:\n"
        + "        default: [\"llama3-70b-8192\"]\n";

    private const string DevStack =
        "config:\n  containment:librechatConfig: infra/librechat.yaml\n  containment:mode: monitor\n";
    private const string ProdStack =
        "config:\n  containment:librechatConfig: infra/librechat.yaml\n  containment:mode: enforce\n"
        // Enforce mode refuses a policy whose SmartGroups would match every cluster (CT3024 is an error there).
        + "  containment:cluster:\n    id: prod-cluster\n";

    private const string ExfilHost =
        "  containment:extraDestinations:\n"
        + "    - host: paste.evil-exfil.example\n"
        + "      reason: debugging uploads\n";

    private readonly string _repo = Directory.CreateTempSubdirectory("containment-git-").FullName;

    public BaseRefDiffTests()
    {
        Git("init", "-q", "-b", "main");
        Write("Pulumi.yaml", "name: containment\nruntime: yaml\n");
        Write("Pulumi.dev.yaml", DevStack);
        Write("Pulumi.prod.yaml", ProdStack);
        Write("infra/librechat.yaml", LibreChatYaml);
        Commit("base");
    }

    public void Dispose() => Directory.Delete(_repo, recursive: true);

    [Fact]
    public void A_stack_file_only_change_is_caught_with_its_file_and_line()
    {
        Write("Pulumi.dev.yaml", DevStack + ExfilHost);
        Commit("add a destination");

        var result = Diff("--base-ref", "HEAD~1", "--format", "markdown", "--fail-on-new-egress");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("paste.evil-exfil.example", result.Stdout, StringComparison.Ordinal);
        Assert.Contains(
            "`<repo>/Pulumi.dev.yaml:5` setting `extraDestinations`",
            result.Stdout,
            StringComparison.Ordinal
        );
        Baseline.Match("diff-base-ref-stack-file", "expected.md", result.Stdout);
    }

    [Fact]
    public void The_old_single_file_base_misses_the_same_change_which_is_why_base_ref_exists()
    {
        Write("Pulumi.dev.yaml", DevStack + ExfilHost);
        Commit("add a destination");
        var baseYaml = Path.Combine(_repo, "base-librechat.yaml");
        File.WriteAllText(baseYaml, LibreChatYaml);

        Assert.Equal(0, Diff("--base", baseYaml, "--fail-on-new-egress").ExitCode);
        Assert.Equal(1, Diff("--base-ref", "HEAD~1", "--fail-on-new-egress").ExitCode);
    }

    [Fact]
    public void Json_new_egress_entries_are_objects_naming_host_port_workload_rule_and_stack_file_line()
    {
        Write("Pulumi.dev.yaml", DevStack + ExfilHost);
        Commit("add a destination");

        using var json = JsonDocument.Parse(
            Diff("--base-ref", "HEAD~1", "--format", "json").Stdout
        );

        Assert.Equal("dev", json.RootElement.GetProperty("stack").GetString());
        var item = Assert.Single(json.RootElement.GetProperty("newEgress").EnumerateArray());
        Assert.Equal("paste.evil-exfil.example", item.GetProperty("host").GetString());
        Assert.Equal("443", item.GetProperty("ports").GetString());
        Assert.Equal("pods", item.GetProperty("workload").GetString());
        Assert.StartsWith(
            "permit-",
            item.GetProperty("rule").GetString(),
            StringComparison.Ordinal
        );
        var source = Assert.Single(item.GetProperty("sources").EnumerateArray());
        Assert.Equal("<repo>/Pulumi.dev.yaml", source.GetProperty("file").GetString());
        Assert.Equal(5, source.GetProperty("line").GetInt32());
    }

    [Fact]
    public void Uncommitted_work_tree_changes_are_the_head_side()
    {
        Write(
            "infra/librechat.yaml",
            LibreChatYaml.Replace("api.groq.com", "api.mistral.ai", StringComparison.Ordinal)
        );

        var result = Diff("--base-ref", "HEAD", "--fail-on-new-egress");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("+ api.mistral.ai", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("- api.groq.com", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Same_tree_at_the_ref_and_in_the_work_tree_is_no_change()
    {
        var result = Diff("--base-ref", "main");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("No egress changes (stack dev).\n", result.Stdout);
    }

    [Fact]
    public void A_promotion_diff_names_both_stacks()
    {
        var result = Run(
            PhysicalFileSystem.Instance,
            "diff",
            "--base-stack",
            "dev",
            "--settings",
            Path.Combine(_repo, "Pulumi.prod.yaml"),
            "--format",
            "markdown"
        );

        Assert.Equal(0, result.ExitCode);
        Baseline.Match(
            "diff-promotion",
            "expected.md",
            result.Stdout.Replace(_repo, "<repo>", StringComparison.Ordinal)
        );
    }

    [Theory]
    [InlineData("--upload-pack=touch /tmp/x", "not an option")]
    [InlineData("HEAD:Pulumi.dev.yaml", "must be a git revision")]
    [InlineData("no-such-branch", "is not a commit")]
    public void A_revision_that_is_not_a_commit_is_a_usage_error_that_says_why(
        string revision,
        string message
    )
    {
        var result = Diff("--base-ref", revision);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public void A_symbolic_link_at_the_ref_is_refused_not_followed()
    {
        var fs = GitRevisionFileSystem.Open(_repo, "HEAD", out _)!;
        File.CreateSymbolicLink(Path.Combine(_repo, "link.yaml"), "/etc/passwd");
        Commit("link");
        File.WriteAllText(Path.Combine(_repo, "untracked.txt"), "only in the work tree");
        var withLink = GitRevisionFileSystem.Open(_repo, "HEAD", out _)!;

        Assert.False(fs.FileExists(Path.Combine(_repo, "link.yaml")));
        Assert.Throws<IOException>(() =>
            withLink.ReadAtMost(Path.Combine(_repo, "link.yaml"), 1 << 20)
        );
        Assert.False(withLink.FileExists(Path.Combine(_repo, "untracked.txt")));
        Assert.False(withLink.FileExists("/etc/passwd"));
        Assert.Equal(
            LibreChatYaml,
            System.Text.Encoding.UTF8.GetString(
                withLink.ReadAtMost(Path.Combine(_repo, "infra", "librechat.yaml"), 1 << 20)
            )
        );
    }

    private Cli.CliResult Diff(params string[] args)
    {
        var result = Run(
            PhysicalFileSystem.Instance,
            ["diff", "--settings", Path.Combine(_repo, "Pulumi.dev.yaml"), .. args]
        );
        return result with
        {
            Stdout = result.Stdout.Replace(_repo, "<repo>", StringComparison.Ordinal),
        };
    }

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_repo, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private void Commit(string message)
    {
        Git("add", "-A");
        Git(
            "-c",
            "user.name=t",
            "-c",
            "user.email=t@example.com",
            "-c",
            "commit.gpgsign=false",
            "commit",
            "-q",
            "-m",
            message
        );
    }

    private void Git(params string[] args)
    {
        var output = GitCommand.Run(_repo, 1 << 20, args);
        Assert.True(output.ExitCode == 0, $"git {string.Join(' ', args)}: {output.ErrorLine}");
    }
}
