namespace Containment.Core.Targets.Pulumi;

/// <summary>
/// An expression in a Pulumi YAML program. Literal text and references are kept apart so the writer,
/// and only the writer, decides how to escape: literal <c>$</c> is doubled, references become <c>${root.path}</c>.
/// </summary>
public abstract record PulumiValue
{
    public static PulumiValue Text(string text) => new PulumiText([new LiteralPart(text)]);

    /// <summary>A whole-value reference: <c>${root.path...}</c> (keeps the referenced value's type).</summary>
    public static PulumiValue Ref(string root, params string[] path) =>
        new PulumiText([new ReferencePart(root, path)]);

    public static PulumiValue Interpolate(params TextPart[] parts) => new PulumiText(parts);

    public static PulumiValue Bool(bool value) => new PulumiBool(value);

    public static PulumiValue Int(long value) => new PulumiInt(value);

    public static PulumiValue List(IEnumerable<PulumiValue> items) => new PulumiList([.. items]);

    public static PulumiValue Object(params (string Key, PulumiValue Value)[] properties) =>
        new PulumiObject(properties);

    public static PulumiValue Object(IEnumerable<(string Key, PulumiValue Value)> properties) =>
        new PulumiObject([.. properties]);
}

/// <summary>One piece of a string: literal text or a reference.</summary>
public abstract record TextPart;

public sealed record LiteralPart(string Text) : TextPart;

/// <summary>A property access <c>${Root.Path[0].Path[1]}</c>: a resource, variable or config name and its fields.</summary>
public sealed record ReferencePart(string Root, IReadOnlyList<string> Path) : TextPart
{
    public string Expression => Path.Count == 0 ? Root : $"{Root}.{string.Join('.', Path)}";
}

/// <summary>A string made of literal text and references (plain text when it has no reference).</summary>
public sealed record PulumiText(IReadOnlyList<TextPart> Parts) : PulumiValue
{
    public bool IsLiteral => Parts.All(p => p is LiteralPart);

    /// <summary>Exactly one reference and nothing else: the value takes the referenced value's type.</summary>
    public ReferencePart? WholeReference => Parts is [ReferencePart only] ? only : null;

    public string LiteralText => string.Concat(Parts.OfType<LiteralPart>().Select(p => p.Text));

    public IEnumerable<ReferencePart> References => Parts.OfType<ReferencePart>();
}

public sealed record PulumiBool(bool Value) : PulumiValue;

public sealed record PulumiInt(long Value) : PulumiValue;

public sealed record PulumiList(IReadOnlyList<PulumiValue> Items) : PulumiValue;

/// <summary>An object; properties print in the order given (the builder gives a fixed order).</summary>
public sealed record PulumiObject(IReadOnlyList<(string Key, PulumiValue Value)> Properties)
    : PulumiValue
{
    public PulumiValue? this[string key] =>
        Properties.FirstOrDefault(p => string.Equals(p.Key, key, StringComparison.Ordinal)).Value;
}

/// <summary>
/// <c>fn::invoke</c>: a provider function call (data source). Used as a variable's value; the whole result
/// object is then read with <c>${variable.field}</c>.
/// </summary>
public sealed record PulumiInvoke(string Function, PulumiObject Arguments, string? Version = null)
    : PulumiValue;
