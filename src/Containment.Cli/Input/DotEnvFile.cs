using System.Text;
using Containment.Core.Diagnostics;
using Containment.Core.IO;
using Containment.Core.Settings;

namespace Containment.Cli.Input;

/// <summary>
/// Reads <c>--env-file</c> files (LibreChat's <c>.env</c>) with dotenv's rules (<see cref="DotEnvParser"/>). Several
/// files merge in order, later files winning, as with <c>helm -f</c>. Messages never repeat a line's content: env
/// files often hold secrets next to the URLs we need.
/// </summary>
public static class DotEnvFile
{
    private const long MaxBytes = 1024 * 1024;

    /// <summary>The variables of one file, or null when it could not be read at all.</summary>
    public static IReadOnlyDictionary<string, string>? Load(
        string path,
        IFileSystem fs,
        DiagnosticBag diagnostics
    ) => LoadAll([path], fs, diagnostics)?.Values;

    /// <summary>The merged variables of <paramref name="paths"/> (later wins), or null when one of them could not be read.</summary>
    public static EnvFileValues? LoadAll(
        IReadOnlyList<string> paths,
        IFileSystem fs,
        DiagnosticBag diagnostics
    )
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(fs);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var entries = new List<EnvEntry>();
        foreach (var path in paths)
        {
            var text = ReadText(path, fs, diagnostics);
            if (text is null)
            {
                return null;
            }
            entries.AddRange(DotEnvParser.Parse(text, path, diagnostics));
        }
        return EnvFileValues.Merge(entries);
    }

    /// <summary>One file's variables, parsed from text (tests; the CLI reads through <see cref="LoadAll"/>).</summary>
    public static IReadOnlyDictionary<string, string> Parse(
        string text,
        string file,
        DiagnosticBag diagnostics
    ) => EnvFileValues.Merge(DotEnvParser.Parse(text, file, diagnostics)).Values;

    private static string? ReadText(string path, IFileSystem fs, DiagnosticBag diagnostics)
    {
        var bytes = BoundedFile.TryRead(fs, path, path, MaxBytes, "env file", diagnostics);
        if (bytes is null)
        {
            return null;
        }
        try
        {
            return new UTF8Encoding(false, true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            diagnostics.Add(DiagnosticBuilder.AtFile(path).InvalidUtf8("the env file"));
            return null;
        }
    }
}
