using Containment.Tests.Infrastructure;

namespace Containment.Tests.Cli;

/// <summary>
/// Issue 13 item 12. The tool package itself is installed and run by <c>.ci/run</c> (dotnet pack, dotnet tool
/// install --tool-path, containment --version): too slow for a unit test. These keep the pieces it relies on.
/// </summary>
public class PackagingTests
{
    private static readonly string Root = Baseline.RepositoryRoot()!;

    [Fact]
    public void The_cli_packs_as_one_dotnet_tool_named_containment()
    {
        var project = File.ReadAllText(
            Path.Combine(Root, "src", "Containment.Cli", "Containment.Cli.csproj")
        );

        Assert.Contains("<PackAsTool>true</PackAsTool>", project, StringComparison.Ordinal);
        Assert.Contains(
            "<ToolCommandName>containment</ToolCommandName>",
            project,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "<ProjectReference Include=\"..\\Containment.Core\\Containment.Core.csproj\" />",
            project,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void Ci_installs_the_tool_from_a_local_folder_and_asks_its_version()
    {
        var run = File.ReadAllText(Path.Combine(Root, ".ci", "run"));

        Assert.Contains(
            "dotnet tool install containment --tool-path \"$tool/bin\" --add-source \"$tool/pkg\"",
            run,
            StringComparison.Ordinal
        );
        Assert.Contains("\"$tool/bin/containment\" --version", run, StringComparison.Ordinal);
    }

    [Fact]
    public void The_publish_script_announces_the_toolchain_install_and_ships_no_symbols()
    {
        var script = File.ReadAllLines(Path.Combine(Root, "scripts", "publish.sh"));
        var announce = Array.FindIndex(
            script,
            l =>
                l.Contains(
                    "echo \"publish: clang/lld not found; installing",
                    StringComparison.Ordinal
                )
        );
        var install = Array.FindIndex(
            script,
            l => l.Contains("apt-get install", StringComparison.Ordinal)
        );

        Assert.True(
            announce >= 0 && announce < install,
            "the script must say what it installs before apt-get runs"
        );
        Assert.Contains(script, l => l.Trim() == "rm -f \"$out\"/*.dbg \"$out\"/*.pdb");
    }
}
