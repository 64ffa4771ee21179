using Containment.Core.Diagnostics;
using Containment.Core.Model;
using Containment.Core.Net;
using Containment.Core.Yaml;

namespace Containment.Core.LibreChat;

/// <summary>How LibreChat treats <c>${VAR}</c> in a URL field (shared/reference/librechat-egress-surface.md §2).</summary>
internal enum UrlInterpolation
{
    /// <summary><c>extractEnvVariable</c>: whole-value and embedded variables.</summary>
    Env,

    /// <summary>Used verbatim (speech URLs): a <c>${VAR}</c> there is literal text to LibreChat.</summary>
    Verbatim,

    /// <summary>Only the exact <c>${VAR}</c> form counts; its value comes from the variable (webSearch).</summary>
    VariableOnly,
}

/// <summary>
/// Shared plumbing for the section readers: typed access to the node tree with zod-like type checks,
/// positions for every value, and URL handling that never lets userinfo, paths or query strings out.
/// </summary>
internal sealed class ReadContext(string file, EnvScope env, DiagnosticBag diagnostics, YNode root)
{
    private readonly List<UnresolvedValue> _unresolved = [];

    // Every reader diagnostic goes through Report, so this one index gives each its config path (diff identity).
    private readonly IReadOnlyDictionary<YNode, string> _paths = YamlPaths.Index(root);

    public string File { get; } = file;
    public EnvScope Env { get; } = env;
    public DiagnosticBag Diagnostics { get; } = diagnostics;

    /// <summary>Host-deciding values left unknown, in reading order; the policy stage gives them a severity.</summary>
    public IReadOnlyList<UnresolvedValue> Unresolved => _unresolved;

    /// <summary>Records a finding whose severity the policy stage decides (see <see cref="UnresolvedValue"/>).</summary>
    public void RecordUnresolved(Diagnostic finding) =>
        _unresolved.Add(new UnresolvedValue(finding));

    public ConfigLocation Loc(YNode node, string path) => new(File, path, node.Line, node.Column);

    public void Report(Diagnostic diagnostic) => Diagnostics.Add(diagnostic);

    /// <summary>The builder for a finding about <paramref name="node"/>: <c>ctx.Report(ctx.At(node).WrongType(...))</c>.</summary>
    public DiagnosticBuilder At(YNode node) => DiagnosticBuilder.At(Span(node));

    /// <summary>The node's whole extent and config path; a node a reader made itself has neither end nor path.</summary>
    public SourceSpan Span(YNode node) =>
        new(File, node.Line, node.Column)
        {
            ConfigPath = _paths.GetValueOrDefault(node),
            EndLine = node.EndLine,
            EndColumn = node.EndColumn,
        };

    public static string Describe(YNode node) =>
        node switch
        {
            YMapping => "a mapping",
            YSequence => "a list",
            YScalar { Kind: YScalarKind.Null } => "null",
            YScalar { Kind: YScalarKind.Bool } => "a boolean",
            YScalar { Kind: YScalarKind.Int or YScalarKind.Float } => "a number",
            YScalar { Kind: YScalarKind.Timestamp } => "a date",
            _ => "a string",
        };

    /// <summary>Reports that <paramref name="node"/> is not <paramref name="expected"/> ("a mapping", "a list"...).</summary>
    public void WrongType(YNode node, string path, string expected) =>
        Report(At(node).WrongType(path, expected, Describe(node)));

    /// <summary>A mapping-valued field. Absent gives null silently; any other type is an error (zod rejects null too).</summary>
    public YMapping? Mapping(YMapping parent, string key, string path)
    {
        var node = parent[key];
        if (node is null)
        {
            return null;
        }
        if (node is YMapping m)
        {
            return m;
        }
        WrongType(node, path, "a mapping");
        return null;
    }

    public YSequence? Sequence(YMapping parent, string key, string path)
    {
        var node = parent[key];
        if (node is null)
        {
            return null;
        }
        if (node is YSequence s)
        {
            return s;
        }
        WrongType(node, path, "a list");
        return null;
    }

    /// <summary>The value under <paramref name="key"/>, or null; a missing required field is reported on the
    /// mapping that should hold it (or on <paramref name="owner"/>).</summary>
    private YNode? Field(YMapping parent, string key, string path, bool required, YNode? owner)
    {
        var node = parent[key];
        if (node is null && required)
        {
            Report(At(owner ?? parent).MissingField(path, empty: false, unless: null));
        }
        return node;
    }

    /// <summary>A string field. Numbers and booleans are not strings to zod.</summary>
    public ConfigValue<string>? String(
        YMapping parent,
        string key,
        string path,
        bool required = false,
        YNode? owner = null
    )
    {
        var node = Field(parent, key, path, required, owner);
        if (node is null)
        {
            return null;
        }
        if (node is YScalar { IsString: true } s)
        {
            return new ConfigValue<string>(s.Value, Loc(s, path));
        }
        WrongType(node, path, "a string");
        return null;
    }

    public ConfigValue<bool>? Bool(YMapping parent, string key, string path)
    {
        var node = parent[key];
        if (node is null)
        {
            return null;
        }
        if (node is YScalar { Kind: YScalarKind.Bool } s)
        {
            return new ConfigValue<bool>(
                s.Value.Equals("true", StringComparison.OrdinalIgnoreCase),
                Loc(s, path)
            );
        }
        WrongType(node, path, "a boolean");
        return null;
    }

    /// <summary>A <c>string[]</c> field (zod <c>z.array(z.string())</c>).</summary>
    public IReadOnlyList<ConfigValue<string>> StringList(YMapping parent, string key, string path)
    {
        var seq = Sequence(parent, key, path);
        if (seq is null)
        {
            return [];
        }
        var list = new List<ConfigValue<string>>();
        for (var i = 0; i < seq.Items.Count; i++)
        {
            var item = seq.Items[i];
            var itemPath = $"{path}[{i}]";
            if (item is YScalar { IsString: true } s)
            {
                list.Add(new ConfigValue<string>(s.Value, Loc(s, itemPath)));
            }
            else
            {
                WrongType(item, itemPath, "a string");
            }
        }
        return list;
    }

    /// <summary>Names of a <c>Record&lt;string,string&gt;</c> (headers): only the keys leave, values are secrets.</summary>
    public IReadOnlyList<string> RecordKeys(YMapping parent, string key, string path)
    {
        var m = Mapping(parent, key, path);
        if (m is null)
        {
            return [];
        }
        var names = new List<string>();
        foreach (var entry in m.Entries)
        {
            if (entry.Value is not YScalar { IsString: true })
            {
                // Never describe the value beyond its type: it may be a secret.
                WrongType(entry.Value, $"{path}.{entry.Key.Value}", "a string");
            }
            names.Add(entry.Key.Value);
        }
        names.Sort(StringComparer.Ordinal);
        return names;
    }

    /// <summary>Reports keys that LibreChat's schema would drop (info): a typo there silently disables a setting.</summary>
    public void CheckKeys(YMapping mapping, string path, IReadOnlySet<string> known)
    {
        foreach (var entry in mapping.Entries)
        {
            if (!known.Contains(entry.Key.Value))
            {
                Report(At(entry.Key).UnknownNestedKey(path, entry.Key.Value));
            }
        }
    }

    /// <summary>Reads a URL field. Absent gives null; a non-string is an error; problems with the host are warnings.</summary>
    public UrlValue? Url(
        YMapping parent,
        string key,
        string path,
        UrlInterpolation interpolation,
        bool required = false,
        YNode? owner = null
    )
    {
        var node = Field(parent, key, path, required, owner);
        if (node is null)
        {
            return null;
        }
        return UrlFromNode(node, path, interpolation);
    }

    public UrlValue UrlFromNode(YNode node, string path, UrlInterpolation interpolation)
    {
        var location = Loc(node, path);
        if (node is not YScalar { IsString: true } scalar)
        {
            Report(At(node).UrlWrongType(path, Describe(node)));
            return new UrlValue(UrlState.Invalid, null, location, []);
        }
        return UrlFromText(scalar.Value, node, path, interpolation);
    }

    public UrlValue UrlFromText(string raw, YNode node, string path, UrlInterpolation interpolation)
    {
        var location = Loc(node, path);
        string text;
        switch (interpolation)
        {
            case UrlInterpolation.Verbatim:
                text = raw;
                if (EnvInterpolation.ContainsVariable(raw))
                {
                    Report(At(node).UrlWithoutHost(path, literalVariable: true));
                    return new UrlValue(UrlState.Invalid, null, location, []);
                }
                break;
            case UrlInterpolation.VariableOnly:
                var name = EnvInterpolation.WholeVariableName(raw);
                if (name is null)
                {
                    Report(At(node).WebSearchLiteralUrl(path));
                    return new UrlValue(UrlState.Invalid, null, location, []);
                }
                goto default;
            default:
                if (string.Equals(raw.Trim(), "user_provided", StringComparison.Ordinal))
                {
                    Report(At(node).UserProvidedUrl(path));
                    return new UrlValue(UrlState.UserProvided, null, location, []);
                }
                var expanded = EnvInterpolation.Expand(raw, Env);
                if (expanded.Sensitive.Count > 0)
                {
                    Report(At(node).SensitiveVariable(path, expanded.Sensitive));
                }
                if (!expanded.IsResolved)
                {
                    return UrlWithLiteralVariables(expanded, node, path, location);
                }
                text = expanded.Value;
                break;
        }
        return Classify(text, node, path, location);
    }

    /// <summary>
    /// A URL with variables left as <c>${NAME}</c> (unset, never expanded by LibreChat, or secret). Its host is
    /// known when no such variable can change it (they sit in the path, query or fragment); otherwise the host
    /// is unknown, and an error when a secret would have to fill it. Messages name variables, never values.
    /// </summary>
    private UrlValue UrlWithLiteralVariables(
        InterpolationResult expanded,
        YNode node,
        string path,
        ConfigLocation location
    )
    {
        var hostDeciding = UrlTemplate.VariablesDecidingHost(expanded.Value);
        if (
            hostDeciding.Count == 0
            && UrlTemplate.WithVariablesFilled(expanded.Value) is { } filled
        )
        {
            Report(At(node).VariableOutsideHost(path, expanded.Literal));
            return Classify(filled, node, path, location);
        }
        var secrets = expanded.Secret.Where(hostDeciding.Contains).ToList();
        if (secrets.Count > 0)
        {
            Report(At(node).SecretInHost(path, secrets));
            return new UrlValue(UrlState.Unresolved, null, location, secrets);
        }
        var names = expanded.Literal;
        RecordUnresolved(At(node).UnresolvedVariable(path, names));
        return new UrlValue(UrlState.Unresolved, null, location, names);
    }

    /// <summary>
    /// Expands a value that decides a host without being a URL (an Azure instanceName, a Vertex region). A secret
    /// there is always an error; other unexpanded variables are recorded as unresolved (the mode decides severity).
    /// </summary>
    public InterpolationResult ExpandHostPart(
        YNode node,
        string text,
        string path,
        string consequence
    )
    {
        var expanded = EnvInterpolation.Expand(text, Env);
        if (expanded.Secret.Count > 0)
        {
            Report(At(node).SecretInHost(path, expanded.Secret));
        }
        var other = expanded.Unresolved.Concat(expanded.Sensitive).ToList();
        if (other.Count > 0)
        {
            RecordUnresolved(At(node).UnresolvedSetting(path, other, consequence));
        }
        return expanded;
    }

    private UrlValue Classify(string text, YNode node, string path, ConfigLocation location)
    {
        var parts = UrlParts.TryParseUrl(text, out var problem);
        if (problem is UrlProblem.NoScheme or UrlProblem.UnsupportedScheme)
        {
            // Not shown: the value (it may hold a secret). Only these four schemes reach a host over the network.
            Report(
                At(node).UnsupportedUrlScheme(path, "the value", ["http", "https", "ws", "wss"])
            );
            return new UrlValue(UrlState.Invalid, null, location, []);
        }
        var host = parts is null ? null : HostName.Normalize(parts.Host);
        if (parts is null || host is null || HostName.IsWildcard(host))
        {
            Report(At(node).UrlWithoutHost(path, literalVariable: false));
            return new UrlValue(UrlState.Invalid, null, location, []);
        }
        if (
            host.Contains("xn--", StringComparison.Ordinal)
            && !text.Contains(host, StringComparison.OrdinalIgnoreCase)
        )
        {
            // Only the punycode form is printed: the raw text may hold look-alikes or bidi tricks.
            Report(At(node).InternationalizedHost(path, host));
        }
        parts = parts with { Host = host };
        var kind = HostName.Classify(host);
        if (kind != HostKind.Public)
        {
            Report(At(node).NonInternetUrl(path, host, KindWords(kind)));
        }
        return new UrlValue(UrlState.Resolved, parts, location, []);
    }

    private static string KindWords(HostKind kind) =>
        kind switch
        {
            HostKind.InCluster => "an in-cluster name",
            HostKind.Loopback => "local to the pod or node",
            HostKind.PrivateAddress => "a private IP address",
            HostKind.PublicAddress => "an IP literal (DCF WebGroups match names)",
            _ => "not a valid host",
        };
}
