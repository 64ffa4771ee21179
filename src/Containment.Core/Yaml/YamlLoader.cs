using System.Text.RegularExpressions;
using Containment.Core.Diagnostics;
using Containment.Core.IO;
using YamlDotNet.Core;

namespace Containment.Core.Yaml;

/// <summary>
/// Reads librechat.yaml into a <see cref="YNode"/> tree the way LibreChat's js-yaml reads it, and turns every
/// problem (missing file, binary data, syntax errors, limits) into exactly one diagnostic with a position.
/// Never throws for bad input.
/// </summary>
public static partial class YamlLoader
{
    /// <summary>Reads and parses a file. <paramref name="displayPath"/> is the name diagnostics use (defaults to <paramref name="path"/>).</summary>
    public static YNode? LoadFile(
        string path,
        IFileSystem fs,
        DiagnosticBag diagnostics,
        string? displayPath = null,
        YamlLimits? limits = null
    )
    {
        ArgumentNullException.ThrowIfNull(fs);
        ArgumentNullException.ThrowIfNull(diagnostics);
        limits ??= YamlLimits.Default;
        var file = displayPath ?? path;
        var bytes = BoundedFile.TryRead(
            fs,
            path,
            file,
            limits.MaxFileBytes,
            what: null,
            diagnostics
        );
        if (bytes is null)
        {
            return null;
        }
        return Load(bytes, file, diagnostics, limits);
    }

    /// <summary>Parses file content (UTF-8, optional BOM, LF or CRLF).</summary>
    public static YNode? Load(
        byte[] bytes,
        string file,
        DiagnosticBag diagnostics,
        YamlLimits? limits = null
    )
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var text = YamlTextDecoder.Decode(bytes, file, diagnostics);
        return text is null ? null : LoadText(text, file, diagnostics, limits);
    }

    /// <summary>Parses text that is already decoded.</summary>
    public static YNode? LoadText(
        string text,
        string file,
        DiagnosticBag diagnostics,
        YamlLimits? limits = null
    )
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(diagnostics);
        limits ??= YamlLimits.Default;
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            diagnostics.Add(DiagnosticBuilder.AtFile(file).FileEmpty());
            return null;
        }
        text = BlankTabbedCommentLines(text);
        text = PrepareIndentation(text, out var tabAt);
        if (tabAt is { } tab)
        {
            diagnostics.Add(
                DiagnosticBuilder.At(new SourceSpan(file, tab.Line, tab.Column)).TabIndentation()
            );
            return null;
        }
        var errorsBefore = diagnostics.Reported;
        YNode? root;
        bool sawDocument;
        using var reader = new StringReader(text);
        var scanner = new Scanner(reader);
        try
        {
            root = new YamlTreeBuilder(file, diagnostics, limits).Build(
                new Parser(scanner),
                out sawDocument
            );
        }
        catch (YamlException ex)
        {
            var line = YamlTreeBuilder.Line(ex.Start);
            var column = YamlTreeBuilder.Column(ex.Start);
            diagnostics.Add(
                DiagnosticBuilder
                    .At(new SourceSpan(file, line, column))
                    .YamlSyntax(CleanMessage(ex.Message))
            );
            return null;
        }
        catch (Exception ex)
            when (ex
                    is InvalidOperationException
                        or ArgumentException
                        or IndexOutOfRangeException
                        or FormatException
            )
        {
            // YamlDotNet occasionally fails on malformed input with a bare exception instead of a YamlException
            // (found by the robustness properties); it is still a syntax error at the scanner's position.
            var mark = scanner.CurrentPosition;
            diagnostics.Add(
                DiagnosticBuilder
                    .At(
                        new SourceSpan(
                            file,
                            YamlTreeBuilder.Line(mark),
                            YamlTreeBuilder.Column(mark)
                        )
                    )
                    .YamlSyntax(null)
            );
            return null;
        }
        if (diagnostics.Reported > errorsBefore)
        {
            return null;
        }
        if (!sawDocument || root is null || root is YScalar { Kind: YScalarKind.Null })
        {
            diagnostics.Add(DiagnosticBuilder.AtFile(file).FileEmpty());
            return null;
        }
        return root;
    }

    /// <summary>
    /// Two places where js-yaml and YamlDotNet disagree on indentation, settled js-yaml's way before parsing:
    /// <list type="bullet">
    /// <item>js-yaml refuses a tab in the indentation of a block line ("tab characters must not be used in
    /// indentation"), while YamlDotNet reports an obscure token error or, in some layouts, accepts it. Checked on
    /// lines outside block scalars, quoted scalars and flow collections, where tabs are content or separation.</item>
    /// <item>js-yaml accepts continuation lines of a multi-line quoted scalar at any indentation; YamlDotNet
    /// wants them indented past the parent. Their leading whitespace is folded away anyway, so such lines are
    /// re-indented to just past the opening quote (the value does not change).</item>
    /// </list>
    /// </summary>
    internal static string PrepareIndentation(string text, out (int Line, int Column)? tab)
    {
        tab = null;
        var lines = text.Split('\n');
        var changed = false;
        var blockScalarIndent = -1; // > -1 while inside a block scalar: lines indented more than this belong to it
        var flowDepth = 0;
        var inQuote = '\0';
        var quoteColumn = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var indent = 0;
            while (indent < line.Length && line[indent] == ' ')
            {
                indent++;
            }
            var rest = line[indent..];
            if (blockScalarIndent >= 0)
            {
                if (rest.Trim(' ', '\t').Length == 0 || indent > blockScalarIndent)
                {
                    continue;
                }
                blockScalarIndent = -1;
            }
            if (inQuote != '\0' && flowDepth == 0)
            {
                var lead = 0;
                while (lead < lines[i].Length && lines[i][lead] is ' ' or '\t')
                {
                    lead++;
                }
                var content = lines[i][lead..];
                var wanted = quoteColumn + 1;
                if (
                    content.TrimEnd('\r').Length > 0
                    && (lead < wanted || lines[i][..lead].Contains('\t', StringComparison.Ordinal))
                )
                {
                    lines[i] = new string(' ', Math.Max(lead, wanted)) + content;
                    line = lines[i].TrimEnd('\r');
                    changed = true;
                }
            }
            else if (inQuote == '\0' && flowDepth == 0 && rest.StartsWith('\t'))
            {
                var content = rest.TrimStart(' ', '\t');
                if (content.Length > 0 && !content.StartsWith('#'))
                {
                    tab = (i + 1, indent + 1);
                    return text;
                }
            }
            ScanLine(line, ref flowDepth, ref inQuote, ref quoteColumn, out var startsBlockScalar);
            if (startsBlockScalar)
            {
                blockScalarIndent = indent;
            }
        }
        return changed ? string.Join('\n', lines) : text;
    }

    /// <summary>
    /// js-yaml accepts tabs before a comment or on an otherwise blank line; YamlDotNet calls them "invalid tab
    /// as indentation". Such tabs are replaced by spaces (one for one, so columns stay right) before parsing.
    /// Only lines that are blank or comment-only after their leading whitespace are touched.
    /// </summary>
    internal static string BlankTabbedCommentLines(string text)
    {
        if (!text.Contains('\t', StringComparison.Ordinal))
        {
            return text;
        }
        var lines = text.Split('\n');
        var changed = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var lead = 0;
            while (lead < line.Length && line[lead] is ' ' or '\t')
            {
                lead++;
            }
            var rest = line[lead..].TrimEnd('\r');
            if (
                lead > 0
                && line[..lead].Contains('\t', StringComparison.Ordinal)
                && (rest.Length == 0 || rest.StartsWith('#'))
            )
            {
                lines[i] = new string(' ', lead) + line[lead..];
                changed = true;
            }
        }
        return changed ? string.Join('\n', lines) : text;
    }

    /// <summary>Tracks quotes, flow brackets and block scalar indicators on one line (comments excluded).</summary>
    private static void ScanLine(
        string line,
        ref int flowDepth,
        ref char inQuote,
        ref int quoteColumn,
        out bool startsBlockScalar
    )
    {
        startsBlockScalar = false;
        for (var j = 0; j < line.Length; j++)
        {
            var c = line[j];
            if (inQuote != '\0')
            {
                if (inQuote == '"' && c == '\\')
                {
                    j++;
                }
                else if (c == inQuote)
                {
                    if (inQuote == '\'' && j + 1 < line.Length && line[j + 1] == '\'')
                    {
                        j++;
                    }
                    else
                    {
                        inQuote = '\0';
                    }
                }
                continue;
            }
            var atTokenStart = j == 0 || line[j - 1] is ' ' or '\t' or '[' or '{' or ',' or ':';
            if (c == '#' && (j == 0 || line[j - 1] is ' ' or '\t'))
            {
                break;
            }
            if (c is '"' or '\'' && atTokenStart)
            {
                inQuote = c;
                quoteColumn = j;
                continue;
            }
            if (c is '[' or '{' && atTokenStart)
            {
                flowDepth++;
            }
            else if (c is ']' or '}' && flowDepth > 0)
            {
                flowDepth--;
            }
            if (
                c is '|' or '>'
                && atTokenStart
                && flowDepth == 0
                && BlockHeaderRegex().IsMatch(line[j..])
            )
            {
                startsBlockScalar = true;
                return;
            }
        }
    }

    [GeneratedRegex(@"^[|>][-+0-9]*\s*(#.*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex BlockHeaderRegex();

    [GeneratedRegex(
        @"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ",
        RegexOptions.CultureInvariant
    )]
    private static partial Regex MarkPrefixRegex();

    private static string CleanMessage(string message)
    {
        var m = MarkPrefixRegex().Replace(message, "");
        m = m.Trim().TrimEnd('.');
        return m.Length == 0 ? "invalid YAML" : char.ToLowerInvariant(m[0]) + m[1..];
    }
}
