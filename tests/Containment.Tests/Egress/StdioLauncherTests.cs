using Containment.Core.Diagnostics;
using Containment.Core.LibreChat;
using Containment.Tests.Infrastructure;

namespace Containment.Tests.Egress;

/// <summary>
/// Issue 10 item 11: what a stdio launcher downloads at start-up. <c>npx -y github:owner/repo</c> fetches from GitHub
/// (npm/hosted-git-info lib/hosts.js: tarball from codeload.github.com, commit from github.com), and a shell wrapper
/// (<c>sh -c "npx ..."</c>) runs the launcher in its script, even when another argument holds a URL.
/// </summary>
public class StdioLauncherTests
{
    [Theory]
    [InlineData("npx", "['-y', 'github:modelcontextprotocol/servers']")]
    [InlineData("npx", "['-y', 'modelcontextprotocol/servers']")]
    [InlineData("npx", "['-y', 'git+https://github.com/owner/repo.git']")]
    [InlineData("sh", "['-c', 'npx -y github:owner/repo']")]
    public void A_github_package_needs_the_github_hosts_and_the_registry(
        string command,
        string args
    )
    {
        var model = Model(command, args, out _);

        Assert.Equal(
            ["codeload.github.com", "github.com", "registry.npmjs.org"],
            model.Hosts("mcp-srv").Order(StringComparer.Ordinal)
        );
    }

    [Theory]
    [InlineData("sh", "['-c', 'npx -y @scope/pkg https://remote.example.com/sse']")]
    [InlineData("bash", "['-lc', 'exec npx -y @scope/pkg --url https://remote.example.com/sse']")]
    [InlineData("cmd", "['/c', 'npx', '-y', '@scope/pkg', 'https://remote.example.com/sse']")]
    [InlineData(
        "/bin/sh",
        "['-c', 'cd /app && npx -y @scope/pkg', 'https://remote.example.com/sse']"
    )]
    public void A_shell_wrapper_still_gets_its_launchers_registry_when_an_argument_is_a_url(
        string command,
        string args
    )
    {
        var model = Model(command, args, out var bag);

        Assert.Contains("registry.npmjs.org", model.Hosts("mcp-srv"));
        Assert.DoesNotContain(
            bag.Items,
            d => d.Descriptor == DiagnosticCatalog.StdioUnknownDownloads
        );
    }

    [Fact]
    public void A_shell_script_without_a_known_launcher_warns_that_it_could_not_be_read_even_with_a_url()
    {
        Model(
            "sh",
            "['-c', 'curl -s https://get.example.com/install.sh | sh', 'https://remote.example.com/sse']",
            out var bag
        );

        var warning = Assert.Single(
            bag.Items,
            d => d.Descriptor == DiagnosticCatalog.StdioUnknownDownloads
        );
        Assert.Contains(
            "the 'sh' script could not be read",
            warning.Message,
            StringComparison.Ordinal
        );
    }

    [Theory]
    [InlineData("@scope/pkg", null)]
    [InlineData("pkg", null)]
    [InlineData("./local/dir", null)]
    [InlineData("owner/repo", "npm-git-github")]
    [InlineData("GitHub:Owner/Repo", "npm-git-github")]
    [InlineData("gitlab:owner/repo", "npm-git-gitlab")]
    [InlineData("bitbucket:owner/repo", "npm-git-bitbucket")]
    [InlineData("https://registry.example.com/pkg.tgz", null)]
    public void Git_host_of_an_npm_spec(string spec, string? entry) =>
        Assert.Equal(entry, StdioPackage.GitHostEntry(spec));

    private static Core.Policy.PolicyModel Model(string command, string args, out DiagnosticBag bag)
    {
        var yaml =
            $"version: 1.3.17\nmcpServers:\n  srv:\n    command: '{command}'\n    args: {args}\n";
        var (config, readBag) = ReaderTestKit.Read(yaml);
        Assert.False(readBag.HasErrors, string.Join("\n", readBag.Items.Select(d => d.Render())));
        var (model, _, diagnostics) = EgressTestHelpers.Run(config!);
        bag = diagnostics;
        return model!;
    }
}
