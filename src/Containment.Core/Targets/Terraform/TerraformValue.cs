namespace Containment.Core.Targets.Terraform;

/// <summary>
/// An argument value in a Terraform JSON file. Literal text and expressions are kept apart so the printer, and only the
/// printer, escapes: literal <c>${</c>/<c>%{</c> are doubled, expressions print as <c>${expression}</c>. Text from the
/// model (names, descriptions, hosts) therefore can never become an expression.
/// </summary>
public abstract record TerraformValue
{
    public static TerraformString Text(string literal) => new([new TerraformLiteral(literal)]);

    /// <summary>A whole-value expression such as <c>var.cluster_id</c> (printed <c>${var.cluster_id}</c>).</summary>
    public static TerraformString Expression(string expression) =>
        new([new TerraformExpression(expression)]);

    public static TerraformValue Number(long value) => new TerraformNumber(value);

    public static TerraformValue Bool(bool value) => new TerraformBool(value);

    public static TerraformList List(IEnumerable<TerraformValue> items) => new([.. items]);

    public static TerraformObject Object(params (string Key, TerraformValue Value)[] arguments) =>
        new(arguments);
}

/// <summary>One piece of a Terraform string template.</summary>
public abstract record TerraformTextPart;

public sealed record TerraformLiteral(string Text) : TerraformTextPart;

/// <summary>An interpolation, without its <c>${ }</c>.</summary>
public sealed record TerraformExpression(string Expression) : TerraformTextPart;

/// <summary>A string template: literal text and expressions.</summary>
public sealed record TerraformString(IReadOnlyList<TerraformTextPart> Parts) : TerraformValue
{
    public bool IsLiteral => Parts.All(p => p is TerraformLiteral);

    /// <summary>Exactly one expression and nothing else: the value takes the expression's type at plan time.</summary>
    public bool IsWholeExpression => Parts is [TerraformExpression];

    public string LiteralText =>
        string.Concat(Parts.OfType<TerraformLiteral>().Select(p => p.Text));
}

public sealed record TerraformNumber(long Value) : TerraformValue;

public sealed record TerraformBool(bool Value) : TerraformValue;

public sealed record TerraformList(IReadOnlyList<TerraformValue> Items) : TerraformValue;

/// <summary>
/// A block body, nested block or map of strings; arguments print in the order given. <see cref="Comment"/> prints as a
/// leading <c>"//"</c> key, which Terraform JSON ignores, and is not an argument.
/// </summary>
public sealed record TerraformObject(
    IReadOnlyList<(string Key, TerraformValue Value)> Arguments,
    string? Comment = null
) : TerraformValue
{
    public TerraformValue? this[string key] =>
        Arguments.FirstOrDefault(a => string.Equals(a.Key, key, StringComparison.Ordinal)).Value;
}
