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
