using static System.FormattableString;

namespace Containment.Core.Diagnostics;

/// <summary>CT1xxx: reading files and parsing YAML (and dotenv files) the way LibreChat's js-yaml does.</summary>
public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticDescriptor FileNotFound = new(
        "CT1001",
        Severity.Error,
        "File not found",
        "Check the path given to --config (or the stack's librechatConfig setting); paths are relative to the current directory."
    );

    public static readonly DiagnosticDescriptor PathIsDirectory = new(
        "CT1002",
        Severity.Error,
        "Path is a directory",
        "Point --config at the librechat.yaml file itself, not at the folder that holds it."
    );

    public static readonly DiagnosticDescriptor FileEmpty = new(
        "CT1003",
        Severity.Error,
        "File is empty",
        "The file has no YAML document. LibreChat needs at least `version: \"1.3.1\"`."
    );

    public static readonly DiagnosticDescriptor FileTooLarge = new(
        "CT1004",
        Severity.Error,
        "File too large",
        "librechat.yaml files are a few kilobytes; the reader refuses files over 16 MiB. Check that the path names the right file."
    );

    public static readonly DiagnosticDescriptor BinaryContent = new(
        "CT1005",
        Severity.Error,
        "Not a text file",
        "The file contains NUL bytes or other binary data. Save librechat.yaml as UTF-8 text."
    );

    public static readonly DiagnosticDescriptor InvalidUtf8 = new(
        "CT1006",
        Severity.Error,
        "Invalid UTF-8",
        "The file is not valid UTF-8. Re-save it as UTF-8 (a BOM is fine)."
    );

    public static readonly DiagnosticDescriptor YamlSyntax = new(
        "CT1007",
        Severity.Error,
        "YAML syntax error",
        "Fix the YAML at the given position; LibreChat's parser (js-yaml) refuses the file too and the server will not start."
    );

    public static readonly DiagnosticDescriptor MultipleDocuments = new(
        "CT1008",
        Severity.Error,
        "More than one YAML document",
        "librechat.yaml must hold exactly one document. Remove the second `---` and what follows, or merge the documents."
    );

    public static readonly DiagnosticDescriptor DuplicateKey = new(
        "CT1009",
        Severity.Error,
        "Duplicated mapping key",
        "js-yaml refuses a key written twice in one mapping. Keep one of them."
    );

    public static readonly DiagnosticDescriptor TabIndentation = new(
        "CT1010",
        Severity.Error,
        "Tab used for indentation",
        "YAML indentation must use spaces. Replace the tab characters at the start of the line with spaces."
    );

    public static readonly DiagnosticDescriptor AliasExpansionLimit = new(
        "CT1011",
        Severity.Error,
        "Alias expansion limit exceeded",
        "Anchors and aliases expand to too many nodes (a 'billion laughs' pattern). Write the values out or use fewer nested aliases."
    );

    public static readonly DiagnosticDescriptor NestingTooDeep = new(
        "CT1012",
        Severity.Error,
        "Nesting too deep",
        "The YAML nests deeper than the reader's limit of 256 levels. A real librechat.yaml is far shallower; check the file."
    );

    public static readonly DiagnosticDescriptor UnknownAlias = new(
        "CT1013",
        Severity.Error,
        "Unknown alias",
        "An alias (*name) refers to an anchor (&name) that is not defined before it. Define the anchor first."
    );

    public static readonly DiagnosticDescriptor InvalidMerge = new(
        "CT1014",
        Severity.Error,
        "Invalid merge key",
        "A `<<` merge key must be followed by a mapping or a list of mappings (usually aliases like *defaults)."
    );

    public static readonly DiagnosticDescriptor UnsupportedTag = new(
        "CT1015",
        Severity.Error,
        "Unknown YAML tag",
        "js-yaml's default schema does not know this tag. Remove it (e.g. `!!python/object`) or use a standard tag such as !!str."
    );

    public static readonly DiagnosticDescriptor UnsupportedKey = new(
        "CT1016",
        Severity.Error,
        "Unsupported mapping key",
        "Mapping keys must be scalars. Replace the list or mapping used as a key with a plain name."
    );

    public static readonly DiagnosticDescriptor FileUnreadable = new(
        "CT1017",
        Severity.Error,
        "File cannot be read",
        "The file exists but could not be read (permissions or an I/O error). Check access to it."
    );

    public static readonly DiagnosticDescriptor EnvFileSyntax = new(
        "CT1018",
        Severity.Error,
        "Bad line in env file",
        "Env files hold one `NAME=value` per line (optionally `export NAME=value`); blank lines and `#` comments are fine."
    );

    public static readonly DiagnosticDescriptor EnvFileDuplicate = new(
        "CT1019",
        Severity.Warning,
        "Variable set twice in env file",
        "The last value wins, as with dotenv. Remove the earlier line."
    );
}

// Messages for CT1xxx reading codes. `subject` names the file as a reader sees it: "the file" for the main
// input, "the env file", "the stack settings file".
public sealed partial class DiagnosticBuilder
{
    public Diagnostic EnvFileSyntax() =>
        Make(
            DiagnosticCatalog.EnvFileSyntax,
            "expected NAME=value; dotenv skips this line, the other variables are still used"
        );

    /// <param name="name">The variable's name; never its value, which may be a secret.</param>
    public Diagnostic EnvFileDuplicate(string name) =>
        Make(
            DiagnosticCatalog.EnvFileDuplicate,
            $"{name} is set more than once; the last value wins"
        );

    public Diagnostic FileNotFound(string subject) =>
        Make(DiagnosticCatalog.FileNotFound, $"{subject} was not found");

    public Diagnostic PathIsDirectory(string subject) =>
        Make(DiagnosticCatalog.PathIsDirectory, $"{subject} path names a directory, not a file");

    public Diagnostic FileEmpty() =>
        Make(
            DiagnosticCatalog.FileEmpty,
            "the file holds no YAML content (it is empty, or only comments and blank lines)"
        );

    /// <param name="length">The size the file system reports, or null when reading found more than it said.</param>
    public Diagnostic FileTooLarge(string subject, long? length, long maxBytes) =>
        Make(
            DiagnosticCatalog.FileTooLarge,
            length is null
                ? Invariant($"{subject} is larger than the limit of {maxBytes} bytes")
                : Invariant(
                    $"{subject} is {length} bytes, larger than the limit of {maxBytes} bytes"
                )
        );

    public Diagnostic BinaryContent() =>
        Make(
            DiagnosticCatalog.BinaryContent,
            "the file contains binary data (a NUL byte); it must be UTF-8 text"
        );

    public Diagnostic InvalidUtf8(string subject) =>
        Make(DiagnosticCatalog.InvalidUtf8, $"{subject} is not valid UTF-8 text");

    /// <param name="parserMessage">YamlDotNet's own description (position and secrets removed), or null when the parser gave none.</param>
    public Diagnostic YamlSyntax(string? parserMessage) =>
        Make(DiagnosticCatalog.YamlSyntax, parserMessage ?? "invalid YAML near this position");

    public Diagnostic MultipleDocuments() =>
        Make(
            DiagnosticCatalog.MultipleDocuments,
            "a second YAML document starts here; LibreChat reads exactly one document"
        );

    public Diagnostic DuplicateKey(string key) =>
        Make(DiagnosticCatalog.DuplicateKey, $"duplicated mapping key \"{key}\"");

    public Diagnostic TabIndentation() =>
        Make(DiagnosticCatalog.TabIndentation, "tab characters must not be used in indentation");

    public Diagnostic AliasExpansionLimit(long maxNodes) =>
        Make(
            DiagnosticCatalog.AliasExpansionLimit,
            Invariant($"aliases expand to more than {maxNodes} nodes; refusing to expand further")
        );

    public Diagnostic NestingTooDeep(int maxDepth) =>
        Make(
            DiagnosticCatalog.NestingTooDeep,
            Invariant($"nesting deeper than {maxDepth} levels (counting expanded aliases)")
        );

    public Diagnostic UnknownAlias(string alias) =>
        Make(DiagnosticCatalog.UnknownAlias, $"unidentified alias \"{alias}\"");

    public Diagnostic InvalidMerge() =>
        Make(
            DiagnosticCatalog.InvalidMerge,
            "cannot merge mappings; the value of `<<` must be a mapping or a list of mappings"
        );

    /// <param name="tag">The tag as written; the message says it is unknown or does not resolve the value.</param>
    public Diagnostic UnsupportedTag(string tag) =>
        Make(
            DiagnosticCatalog.UnsupportedTag,
            $"tag !<{tag}> is unknown or cannot resolve this value"
        );

    public Diagnostic UnsupportedKey(UnsupportedKeyShape shape) =>
        Make(
            DiagnosticCatalog.UnsupportedKey,
            shape == UnsupportedKeyShape.Missing
                ? "a mapping key is missing before ':'"
                : "nested arrays are not supported inside keys"
        );

    /// <param name="exceptionType">The exception's type name only: its message may quote the path or contents.</param>
    public Diagnostic FileUnreadable(string subject, string exceptionType) =>
        Make(DiagnosticCatalog.FileUnreadable, $"{subject} cannot be read: {exceptionType}");
}

/// <summary>The two key shapes js-yaml refuses, for <see cref="DiagnosticBuilder.UnsupportedKey"/>.</summary>
public enum UnsupportedKeyShape
{
    Missing,
    NestedArray,
}
