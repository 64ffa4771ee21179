namespace Containment.Core.Yaml;

/// <summary>
/// A position-keeping YAML node tree, built from parser events with js-yaml's semantics (the parser
/// LibreChat uses). Every node knows its 1-based line and column, so every value the reader takes out
/// of the tree can point back at the librechat.yaml text that produced it.
/// </summary>
public abstract class YNode(int line, int column)
{
    public int Line { get; } = line;
    public int Column { get; } = column;

    /// <summary>1-based line where the node ends (the parser's end mark), 0 when not known (a node built by a reader).</summary>
    public int EndLine { get; private set; }

    /// <summary>1-based column just past the node's last character, 0 when not known.</summary>
    public int EndColumn { get; private set; }

    /// <summary>Set once by the tree builder when the parser reports the node's end.</summary>
    internal void SetEnd(int line, int column)
    {
        EndLine = line;
        EndColumn = column;
    }
}

/// <summary>How js-yaml's default (YAML 1.2 core) schema types a scalar.</summary>
public enum YScalarKind
{
    Null,
    Bool,
    Int,
    Float,
    String,

    /// <summary>js-yaml's default schema turns <c>2024-01-31</c> (and full timestamps) into a Date, not a string.</summary>
    Timestamp,
}

public sealed class YScalar(string value, YScalarKind kind, int line, int column)
    : YNode(line, column)
{
    /// <summary>The scalar text as written (after YAML unescaping).</summary>
    public string Value { get; } = value;

    public YScalarKind Kind { get; } = kind;

    public bool IsString => Kind == YScalarKind.String;
}

public sealed class YSequence(IReadOnlyList<YNode> items, int line, int column)
    : YNode(line, column)
{
    public IReadOnlyList<YNode> Items { get; } = items;
}

public sealed class YMapping(IReadOnlyList<YEntry> entries, int line, int column)
    : YNode(line, column)
{
    /// <summary>Entries in document order. Keys are unique (duplicates are a parse error, as in js-yaml).</summary>
    public IReadOnlyList<YEntry> Entries { get; } = entries;

    public YEntry? Find(string key)
    {
        foreach (var entry in Entries)
        {
            if (string.Equals(entry.Key.Value, key, StringComparison.Ordinal))
            {
                return entry;
            }
        }
        return null;
    }

    public YNode? this[string key] => Find(key)?.Value;
}

public sealed record YEntry(YScalar Key, YNode Value);
