using Containment.Core.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Containment.Core.Yaml;

/// <summary>
/// Builds a <see cref="YNode"/> tree from YamlDotNet parser events with js-yaml 4's semantics: scalar typing
/// of the default schema, duplicated keys are errors, <c>&lt;&lt;</c> merges as js-yaml merges (explicit keys
/// win, merged keys can be overridden later), aliases share the anchored node. The build is iterative (an
/// explicit stack), so nesting depth is bounded by <see cref="YamlLimits.MaxDepth"/>, never by the call stack,
/// and aliases are charged their expanded size so a billion-laughs file stops after a few thousand events.
/// </summary>
internal sealed class YamlTreeBuilder(string file, DiagnosticBag diagnostics, YamlLimits limits)
{
    private const string TagPrefix = "tag:yaml.org,2002:";

    private readonly Stack<Frame> _stack = new();
    private readonly Dictionary<string, Built> _anchors = new(StringComparer.Ordinal);
    private readonly HashSet<YScalar> _mergeKeys = new(ReferenceEqualityComparer.Instance);
    private long _aliasNodes;
    private Built? _root;

    /// <summary>A finished node with its expanded size (nodes, aliases counted in full) and height.</summary>
    private readonly record struct Built(YNode Node, long Size, int Height);

    /// <summary>Runs the parser to the end of the first document. Returns the root, or null after reporting one error.</summary>
    public YNode? Build(IParser parser, out bool sawDocument)
    {
        sawDocument = false;
        while (parser.MoveNext())
        {
            var ev = parser.Current!;
            switch (ev)
            {
                case StreamStart:
                case StreamEnd:
                    break;
                case DocumentStart start:
                    if (sawDocument)
                    {
                        diagnostics.Add(At(start.Start).MultipleDocuments());
                        return null;
                    }
                    sawDocument = true;
                    break;
                case DocumentEnd:
                    break;
                case MappingStart ms:
                    if (
                        !CheckTag(ms.Tag, ms.Start, isCollection: true)
                        || !Open(new Frame(isMapping: true, ms.Start, ms.Anchor))
                    )
                    {
                        return null;
                    }
                    break;
                case SequenceStart ss:
                    if (
                        !CheckTag(ss.Tag, ss.Start, isCollection: true)
                        || !Open(new Frame(isMapping: false, ss.Start, ss.Anchor))
                    )
                    {
                        return null;
                    }
                    break;
                case MappingEnd:
                case SequenceEnd:
                    var frame = _stack.Pop();
                    var finished = frame.Finish();
                    finished.Node.SetEnd(Line(ev.End), Column(ev.End));
                    if (!Complete(finished, frame.Anchor))
                    {
                        return null;
                    }
                    break;
                case Scalar scalar:
                    var node = MakeScalar(scalar);
                    node?.SetEnd(Line(scalar.End), Column(scalar.End));
                    if (node is null || !Complete(new Built(node, 1, 0), scalar.Anchor))
                    {
                        return null;
                    }
                    break;
                case AnchorAlias alias:
                    if (!Alias(alias))
                    {
                        return null;
                    }
                    break;
                default:
                    break;
            }
        }
        return _root?.Node;
    }

    private bool Open(Frame frame)
    {
        if (_stack.Count + 1 > limits.MaxDepth)
        {
            diagnostics.Add(At(frame.Start).NestingTooDeep(limits.MaxDepth));
            return false;
        }
        _stack.Push(frame);
        return true;
    }

    private bool Alias(AnchorAlias alias)
    {
        if (!_anchors.TryGetValue(alias.Value.Value, out var target))
        {
            diagnostics.Add(At(alias.Start).UnknownAlias(alias.Value.Value));
            return false;
        }
        _aliasNodes += target.Size;
        if (_aliasNodes > limits.MaxAliasNodes)
        {
            diagnostics.Add(At(alias.Start).AliasExpansionLimit(limits.MaxAliasNodes));
            return false;
        }
        if (_stack.Count + target.Height > limits.MaxDepth)
        {
            diagnostics.Add(At(alias.Start).NestingTooDeep(limits.MaxDepth));
            return false;
        }
        return Complete(target, AnchorName.Empty);
    }

    private bool Complete(Built built, AnchorName anchor)
    {
        if (!anchor.IsEmpty)
        {
            // Redefining an anchor is allowed; later aliases see the newest definition, as in js-yaml.
            _anchors[anchor.Value] = built;
        }
        if (_stack.Count == 0)
        {
            _root = built;
            return true;
        }
        var parent = _stack.Peek();
        if (!parent.IsMapping)
        {
            parent.AddItem(built);
            return true;
        }
        if (parent.PendingKey is null)
        {
            var key = KeyScalar(built.Node);
            if (key is null)
            {
                return false;
            }
            parent.PendingKey = key;
            return true;
        }
        var pendingKey = parent.PendingKey;
        parent.PendingKey = null;
        return _mergeKeys.Contains(pendingKey)
            ? Merge(parent, pendingKey, built)
            : Store(parent, pendingKey, built);
    }

    private bool Store(Frame frame, YScalar key, Built value)
    {
        var name = YamlScalarResolver.KeyString(key.Value, key.Kind);
        if (frame.Index.TryGetValue(name, out var existing))
        {
            if (!frame.RemoveOverridable(name))
            {
                diagnostics.Add(At(key).DuplicateKey(name));
                return false;
            }
            frame.Entries[existing] = new YEntry(Rekey(key, name), value.Node);
        }
        else
        {
            frame.Index[name] = frame.Entries.Count;
            frame.Entries.Add(new YEntry(Rekey(key, name), value.Node));
        }
        frame.Grow(value);
        return true;
    }

    private bool Merge(Frame frame, YScalar key, Built value)
    {
        var sources = new List<YMapping>();
        switch (value.Node)
        {
            case YMapping single:
                sources.Add(single);
                break;
            case YSequence list when list.Items.All(i => i is YMapping):
                sources.AddRange(list.Items.Cast<YMapping>());
                break;
            default:
                diagnostics.Add(At(key).InvalidMerge());
                return false;
        }
        foreach (var source in sources)
        {
            foreach (var entry in source.Entries)
            {
                if (frame.Index.ContainsKey(entry.Key.Value))
                {
                    continue;
                }
                frame.Index[entry.Key.Value] = frame.Entries.Count;
                frame.Entries.Add(entry);
                frame.Overridable.Add(entry.Key.Value);
            }
        }
        frame.Grow(value);
        return true;
    }

    /// <summary>
    /// The key as js-yaml stores it: scalars as <c>String(value)</c>; a list of scalars joined with commas;
    /// a mapping as "[object Object]" (LibreChat then drops such keys). A missing key (<c>: value</c>) is an
    /// error in js-yaml, reported here too.
    /// </summary>
    private YScalar? KeyScalar(YNode node)
    {
        switch (node)
        {
            case YScalar { Kind: YScalarKind.Null, Value: "" } empty
                when !_mergeKeys.Contains(empty):
                diagnostics.Add(At(node).UnsupportedKey(UnsupportedKeyShape.Missing));
                return null;
            case YScalar scalar:
                return scalar;
            case YMapping:
                return new YScalar("[object Object]", YScalarKind.String, node.Line, node.Column);
            case YSequence seq:
                var parts = new List<string>();
                foreach (var item in seq.Items)
                {
                    switch (item)
                    {
                        case YSequence:
                            diagnostics.Add(
                                At(item).UnsupportedKey(UnsupportedKeyShape.NestedArray)
                            );
                            return null;
                        case YMapping:
                            parts.Add("[object Object]");
                            break;
                        case YScalar { Kind: YScalarKind.Null }:
                            parts.Add("");
                            break;
                        case YScalar s:
                            parts.Add(YamlScalarResolver.KeyString(s.Value, s.Kind));
                            break;
                    }
                }
                return new YScalar(
                    string.Join(",", parts),
                    YScalarKind.String,
                    node.Line,
                    node.Column
                );
            default:
                return null;
        }
    }

    private static YScalar Rekey(YScalar key, string name) =>
        string.Equals(key.Value, name, StringComparison.Ordinal)
            ? key
            : new YScalar(name, YScalarKind.String, key.Line, key.Column);

    private YScalar? MakeScalar(Scalar scalar)
    {
        var line = Line(scalar.Start);
        var column = Column(scalar.Start);
        var isPlain = scalar.Style == ScalarStyle.Plain;
        if (scalar.Tag.IsEmpty || scalar.Tag.IsNonSpecific)
        {
            var kind =
                isPlain && !scalar.Tag.IsNonSpecific
                    ? YamlScalarResolver.Resolve(scalar.Value)
                    : YScalarKind.String;
            var plainScalar = new YScalar(scalar.Value, kind, line, column);
            if (isPlain && scalar.Tag.IsEmpty && scalar.Value == "<<")
            {
                // js-yaml treats only a plain (or !!merge-tagged) << key as a merge key; "<<" quoted is an ordinary key.
                _mergeKeys.Add(plainScalar);
            }
            return plainScalar;
        }
        var tag = scalar.Tag.Value;
        if (tag == TagPrefix + "merge")
        {
            var mergeKey = new YScalar(scalar.Value, YScalarKind.String, line, column);
            _mergeKeys.Add(mergeKey);
            return mergeKey;
        }
        YScalarKind? wanted = tag switch
        {
            TagPrefix + "str" or TagPrefix + "binary" => YScalarKind.String,
            TagPrefix + "null" => YScalarKind.Null,
            TagPrefix + "bool" => YScalarKind.Bool,
            TagPrefix + "int" => YScalarKind.Int,
            TagPrefix + "float" => YScalarKind.Float,
            TagPrefix + "timestamp" => YScalarKind.Timestamp,
            _ => null,
        };
        if (wanted is null)
        {
            diagnostics.Add(At(scalar.Start).UnsupportedTag(tag));
            return null;
        }
        if (wanted != YScalarKind.String)
        {
            var actual = YamlScalarResolver.Resolve(scalar.Value);
            var ok = actual == wanted || (wanted == YScalarKind.Float && actual == YScalarKind.Int);
            if (!ok)
            {
                diagnostics.Add(At(scalar.Start).UnsupportedTag(tag));
                return null;
            }
        }
        return new YScalar(scalar.Value, wanted.Value, line, column);
    }

    private bool CheckTag(TagName tag, Mark start, bool isCollection)
    {
        if (tag.IsEmpty || tag.IsNonSpecific || !isCollection)
        {
            return true;
        }
        if (
            tag.Value
            is TagPrefix + "map"
                or TagPrefix + "seq"
                or TagPrefix + "omap"
                or TagPrefix + "pairs"
                or TagPrefix + "set"
        )
        {
            return true;
        }
        diagnostics.Add(At(start).UnsupportedTag(tag.Value));
        return false;
    }

    private DiagnosticBuilder At(Mark mark) =>
        DiagnosticBuilder.At(new SourceSpan(file, Line(mark), Column(mark)));

    private DiagnosticBuilder At(YNode node) =>
        DiagnosticBuilder.At(new SourceSpan(file, node.Line, node.Column));

    internal static int Line(Mark mark) => (int)Math.Min(int.MaxValue, Math.Max(1, mark.Line));

    internal static int Column(Mark mark) => (int)Math.Min(int.MaxValue, Math.Max(1, mark.Column));

    /// <summary>An open mapping or sequence.</summary>
    private sealed class Frame(bool isMapping, Mark start, AnchorName anchor)
    {
        public bool IsMapping { get; } = isMapping;
        public Mark Start { get; } = start;
        public AnchorName Anchor { get; } = anchor;

        // Created on first use: a sequence needs no entries or index, and only merges need Overridable.
        // Large files hold tens of thousands of frames, so empty collections per frame add up.
        private List<YNode>? _items;
        private List<YEntry>? _entries;
        private Dictionary<string, int>? _index;
        private HashSet<string>? _overridable;

        public List<YNode> Items => _items ??= [];
        public List<YEntry> Entries => _entries ??= [];
        public Dictionary<string, int> Index => _index ??= new(StringComparer.Ordinal);
        public HashSet<string> Overridable => _overridable ??= new(StringComparer.Ordinal);

        public bool RemoveOverridable(string key) =>
            _overridable is not null && _overridable.Remove(key);

        public YScalar? PendingKey { get; set; }
        private long _size = 1;
        private int _height;

        public void AddItem(Built built)
        {
            Items.Add(built.Node);
            Grow(built);
        }

        public void Grow(Built child)
        {
            _size = _size + child.Size < 0 ? long.MaxValue : _size + child.Size;
            _height = Math.Max(_height, child.Height + 1);
        }

        public Built Finish()
        {
            var line = Line(Start);
            var column = Column(Start);
            YNode node = IsMapping
                ? new YMapping(Entries, line, column)
                : new YSequence(Items, line, column);
            return new Built(node, _size, _height);
        }
    }
}
