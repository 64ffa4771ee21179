namespace Containment.Core.LibreChat;

/// <summary>
/// Finds the package a stdio MCP launcher downloads at start-up (<c>npx -y @scope/pkg</c>, <c>uvx pkg</c>,
/// <c>pipx run pkg</c>, <c>pip install pkg</c>, <c>bunx pkg</c>): the policy needs to know a package registry
/// is contacted. Returns null for commands that download nothing by themselves (python3, node, a binary).
/// </summary>
public static class StdioPackage
{
    /// <summary>Launcher options that take a value; the value is skipped (or, for the package options, is the package).</summary>
    private static readonly HashSet<string> OptionsWithValue = new(StringComparer.Ordinal)
    {
        "-c",
        "--call",
        "--cache",
        "--registry",
        "--userconfig",
        "--python",
        "--index-url",
        "-i",
        "--extra-index-url",
        "--with",
        "-w",
        "--spec",
        "--pip-args",
        "--index",
        "--default-index",
    };

    private static readonly HashSet<string> PackageOptions = new(StringComparer.Ordinal)
    {
        "-p",
        "--package",
        "--from",
    };

    private static readonly HashSet<string> Shells = new(StringComparer.Ordinal)
    {
        "sh",
        "bash",
        "zsh",
        "dash",
        "ash",
        "cmd",
    };

    private static readonly HashSet<string> KnownLaunchers = new(StringComparer.Ordinal)
    {
        "npx",
        "npm",
        "bunx",
        "pnpm",
        "yarn",
        "uvx",
        "uv",
        "pip",
        "pip3",
        "pipx",
    };

    public static ConfigValue<string>? Detect(
        string command,
        IReadOnlyList<ConfigValue<string>> args
    )
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(args);
        if (ShellScript(command, args) is { } script)
        {
            // `sh -c "npx -y pkg"`: the package is in the script; read it as if the launcher were run directly.
            var words = Words(script.Value);
            var at = words.FindIndex(w => KnownLaunchers.Contains(Launcher(w)));
            return at < 0
                ? null
                : Detect(words[at], [.. words.Skip(at + 1).Select(w => script with { Value = w })]);
        }
        var launcher = Launcher(command);
        var start = launcher switch
        {
            "npx" or "bunx" or "uvx" => 0,
            "pipx" => IndexAfter(args, "run"),
            "pip" or "pip3" => IndexAfter(args, "install"),
            "uv" => IndexAfterPair(args, "tool", "run"),
            _ => -1,
        };
        if (start < 0)
        {
            return null;
        }
        for (var i = start; i < args.Count; i++)
        {
            var arg = args[i].Value;
            if (arg == "--")
            {
                continue;
            }
            if (arg.StartsWith('-'))
            {
                var eq = arg.IndexOf('=', StringComparison.Ordinal);
                var option = eq >= 0 ? arg[..eq] : arg;
                if (PackageOptions.Contains(option))
                {
                    if (eq >= 0)
                    {
                        return args[i] with { Value = arg[(eq + 1)..] };
                    }
                    return i + 1 < args.Count ? args[i + 1] : null;
                }
                if (eq < 0 && OptionsWithValue.Contains(option))
                {
                    i++;
                }
                continue;
            }
            return args[i];
        }
        return null;
    }

    /// <summary>
    /// The launcher a shell wrapper runs: <c>sh -c "npx -y pkg"</c>, <c>bash -lc "..."</c>, <c>cmd /c npx ...</c> give
    /// <c>npx</c>. Empty when the command is a shell whose script names no known launcher (it could not be read);
    /// null when the command is not a shell wrapper at all.
    /// </summary>
    public static string? ShellLauncher(string command, IReadOnlyList<ConfigValue<string>> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (ShellScript(command, args) is not { } script)
        {
            return Shells.Contains(Launcher(command)) ? string.Empty : null;
        }
        return Words(script.Value).Select(Launcher).FirstOrDefault(KnownLaunchers.Contains)
            ?? string.Empty;
    }

    /// <summary>
    /// The catalogue entry for the git host an npm package spec downloads from, or null for a registry package.
    /// npm reads <c>github:o/r</c>, a bare <c>o/r</c> (GitHub shorthand), <c>gitlab:</c>, <c>bitbucket:</c> and git
    /// URLs through hosted-git-info, and pacote fetches them from the host: for GitHub the tarball from
    /// codeload.github.com and the commit from github.com (`git ls-remote`) (npm/hosted-git-info lib/hosts.js
    /// tarballtemplate/httpstemplate, npm/pacote lib/git.js, as shipped in nodejs/node deps/npm, npm 10).
    /// </summary>
    public static string? GitHostEntry(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var lower = spec.Trim().ToLowerInvariant();
        foreach (var (prefix, entry) in GitHostPrefixes)
        {
            if (lower.StartsWith(prefix, StringComparison.Ordinal))
            {
                return entry;
            }
        }
        // A bare "owner/repo" (no scope '@', no path '.', no URL) is GitHub shorthand to npm.
        var slash = lower.IndexOf('/', StringComparison.Ordinal);
        return
            slash > 0
            && lower.IndexOf('/', slash + 1) < 0
            && lower[0] is not ('@' or '.' or '/' or '~')
            && !lower.Contains(':', StringComparison.Ordinal)
            ? "npm-git-github"
            : null;
    }

    private static readonly (string Prefix, string Entry)[] GitHostPrefixes =
    [
        ("github:", "npm-git-github"),
        ("git+https://github.com/", "npm-git-github"),
        ("git+ssh://git@github.com", "npm-git-github"),
        ("git://github.com/", "npm-git-github"),
        ("https://github.com/", "npm-git-github"),
        ("gitlab:", "npm-git-gitlab"),
        ("git+https://gitlab.com/", "npm-git-gitlab"),
        ("bitbucket:", "npm-git-bitbucket"),
        ("git+https://bitbucket.org/", "npm-git-bitbucket"),
    ];

    private static ConfigValue<string>? ShellScript(
        string command,
        IReadOnlyList<ConfigValue<string>> args
    )
    {
        var shell = Launcher(command);
        if (!Shells.Contains(shell))
        {
            return null;
        }
        for (var i = 0; i + 1 < args.Count; i++)
        {
            var arg = args[i].Value;
            var isScriptFlag =
                shell == "cmd"
                    ? arg is "/c" or "/C" or "/k" or "/K"
                    : arg.Length > 1
                        && arg[0] == '-'
                        && arg[1] != '-'
                        && arg.Contains('c', StringComparison.Ordinal);
            if (isScriptFlag)
            {
                // cmd takes the rest of the line; sh takes the next argument as the whole script.
                return shell == "cmd"
                    ? args[i + 1] with
                    {
                        Value = string.Join(' ', args.Skip(i + 1).Select(a => a.Value)),
                    }
                    : args[i + 1];
            }
        }
        return null;
    }

    /// <summary>Shell words, splitting on blanks, quotes and the operators that start another command.</summary>
    private static List<string> Words(string script) =>
        [
            .. script.Split(
                [' ', '\t', '\n', '\r', '"', '\'', ';', '&', '|', '(', ')', '`'],
                StringSplitOptions.RemoveEmptyEntries
            ),
        ];

    /// <summary><c>/usr/local/bin/npx</c>, <c>npx.cmd</c> and <c>npx</c> are the same launcher.</summary>
    public static string Launcher(string command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var name = command.Trim();
        var slash = name.LastIndexOfAny(['/', '\\']);
        if (slash >= 0)
        {
            name = name[(slash + 1)..];
        }
        foreach (var suffix in (string[])[".cmd", ".exe", ".bat"])
        {
            if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                name = name[..^suffix.Length];
            }
        }
        return name.ToLowerInvariant();
    }

    private static int IndexAfter(IReadOnlyList<ConfigValue<string>> args, string word)
    {
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i].Value == word)
            {
                return i + 1;
            }
        }
        return -1;
    }

    private static int IndexAfterPair(
        IReadOnlyList<ConfigValue<string>> args,
        string first,
        string second
    )
    {
        for (var i = 0; i + 1 < args.Count; i++)
        {
            if (args[i].Value == first && args[i + 1].Value == second)
            {
                return i + 2;
            }
        }
        return -1;
    }
}
