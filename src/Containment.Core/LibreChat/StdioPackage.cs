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

    public static ConfigValue<string>? Detect(
        string command,
        IReadOnlyList<ConfigValue<string>> args
    )
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(args);
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
