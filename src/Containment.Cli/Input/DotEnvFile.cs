using System.Text;
using System.Text.RegularExpressions;
using Containment.Core.Diagnostics;
using Containment.Core.IO;

namespace Containment.Cli.Input;

/// <summary>
/// Reads a dotenv file (<c>NAME=value</c> per line, optional <c>export </c>, <c>#</c> comments, single- or
/// double-quoted values) into the variables used for <c>${VAR}</c> in URL fields. Messages never repeat a
/// line's content: env files often hold secrets next to the URLs we need.
/// </summary>
public static partial class DotEnvFile
{
    private const long MaxBytes = 1024 * 1024;

    public static IReadOnlyDictionary<string, string>? Load(
        string path,
        IFileSystem fs,
        DiagnosticBag diagnostics
    )
    {
        ArgumentNullException.ThrowIfNull(fs);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var fileOnly = SourceSpan.FileOnly(path);
        var bytes = BoundedFile.TryRead(fs, path, path, MaxBytes, "env file", diagnostics);
        if (bytes is null)
        {
            return null;
        }
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            diagnostics.Add(
                DiagnosticCatalog.InvalidUtf8,
                fileOnly,
                "the env file is not valid UTF-8 text"
            );
            return null;
        }
        return Parse(text, path, diagnostics);
    }

    public static IReadOnlyDictionary<string, string> Parse(
        string text,
        string file,
        DiagnosticBag diagnostics
    )
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var trimmed = line.TrimStart();
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                continue;
            }
            var column = line.Length - trimmed.Length + 1;
            var m = LineRegex().Match(trimmed);
            if (!m.Success || !TryValue(m.Groups["value"].Value, out var value))
            {
                diagnostics.Add(
                    DiagnosticCatalog.EnvFileSyntax,
                    new SourceSpan(file, i + 1, column),
                    "expected NAME=value"
                );
                continue;
            }
            var name = m.Groups["name"].Value;
            if (values.ContainsKey(name))
            {
                diagnostics.Add(
                    DiagnosticCatalog.EnvFileDuplicate,
                    new SourceSpan(file, i + 1, column),
                    $"{name} is set more than once; the last value wins"
                );
            }
            values[name] = value;
        }
        return values;
    }

    private static bool TryValue(string raw, out string value)
    {
        var v = raw.Trim();
        if (v.Length > 0 && v[0] is '"' or '\'')
        {
            var quote = v[0];
            var close = v.IndexOf(quote, 1);
            if (close < 0)
            {
                value = "";
                return false;
            }
            var rest = v[(close + 1)..].Trim();
            if (rest.Length > 0 && !rest.StartsWith('#'))
            {
                value = "";
                return false;
            }
            value = v[1..close];
            if (quote == '"')
            {
                value = value
                    .Replace("\\n", "\n", StringComparison.Ordinal)
                    .Replace("\\\"", "\"", StringComparison.Ordinal);
            }
            return true;
        }
        var hash = v.IndexOf(" #", StringComparison.Ordinal);
        value = (hash >= 0 ? v[..hash] : v).Trim();
        return true;
    }

    [GeneratedRegex(
        @"^(?:export\s+)?(?<name>[A-Za-z_][A-Za-z0-9_.]*)\s*=(?<value>.*)$",
        RegexOptions.CultureInvariant
    )]
    private static partial Regex LineRegex();
}
