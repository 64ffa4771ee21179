using System.Text.RegularExpressions;
using Containment.Core.IO;
using Containment.Tests.Infrastructure;
using static Containment.Tests.Cli.CliRunner;

namespace Containment.Tests.Cli;

/// <summary>
/// Issue 13 item 13: every <c>containment …</c> command shown in README.md and docs/*.md runs in-process against the
/// bundled example and is not a usage error (exit 2), so the docs cannot drift from the CLI. Exit 0 or 1 are both
/// fine here: placeholders such as <c>OLD.yaml</c> name no file. Alternatives written as <c>a|b</c> are tried one by one.
/// </summary>
public partial class DocumentedCommandsTests
{
    private static readonly string Root = Baseline.RepositoryRoot()!;

    public static TheoryData<string, string> Commands()
    {
        var data = new TheoryData<string, string>();
        var files = new[] { Path.Combine(Root, "README.md") }.Concat(
            Directory.GetFiles(Path.Combine(Root, "docs"), "*.md").Order(StringComparer.Ordinal)
        );
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            // A shell line ending in a backslash continues on the next line: read the command whole.
            var text = File.ReadAllText(file).Replace("\\\n", " ", StringComparison.Ordinal);
            foreach (Match match in CommandPattern().Matches(text))
            {
                var command = match.Groups["args"].Value.Split(" #", 2)[0].Trim();
                foreach (var variant in Expand(command))
                {
                    if (seen.Add(variant))
                    {
                        data.Add(Path.GetFileName(file), variant);
                    }
                }
            }
        }

        return data;
    }

    [Fact]
    public void The_docs_show_commands() =>
        Assert.True(Commands().Count >= 8, $"found {Commands().Count}");

    [Theory]
    [MemberData(nameof(Commands))]
    public void A_documented_command_is_not_a_usage_error(string file, string command)
    {
        using var temp = new EndToEnd.TempFolder();
        var args = command
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(a => a.Trim('"', '\''))
            // The docs write the pull request's base branch as origin/<base>: any revision of this repository stands in.
            .Select(a => a == "origin/<base>" ? "HEAD" : a)
            .ToArray();
        for (var i = 0; i + 1 < args.Length; i++)
        {
            // Never write into the repository: emit's DIR goes to a temporary folder.
            if (args[i] == "--out")
            {
                args[i + 1] = temp.Sub("out");
            }
        }

        var result = Run(PhysicalFileSystem.Instance, Environment(), args);

        Assert.True(
            result.ExitCode != 2,
            $"{file}: `containment {command}` is a usage error:\n{result.Stderr}"
        );
    }

    /// <summary><c>--format text|json</c> becomes one command per alternative.</summary>
    private static IEnumerable<string> Expand(string command)
    {
        var words = command.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var index = Array.FindIndex(words, w => w.Contains('|', StringComparison.Ordinal));
        if (index < 0)
        {
            return [command];
        }

        return words[index]
            .Split('|')
            .SelectMany(alternative =>
                Expand(
                    string.Join(
                        ' ',
                        words.Take(index).Append(alternative).Concat(words.Skip(index + 1))
                    )
                )
            );
    }

    /// <summary>`containment …` in inline code, or a line of a code block starting with containment.</summary>
    [GeneratedRegex(
        @"(?:`containment (?<args>[^`\n]+)`|^\s*containment (?<args>[^\n]+)$)",
        RegexOptions.Multiline | RegexOptions.CultureInvariant
    )]
    private static partial Regex CommandPattern();
}
