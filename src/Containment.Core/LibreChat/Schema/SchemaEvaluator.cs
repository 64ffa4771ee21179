using System.Globalization;
using System.Text.Json;
using Containment.Core.Diagnostics;
using Containment.Core.Yaml;

namespace Containment.Core.LibreChat.Schema;

/// <summary>
/// Evaluates a YAML tree against the compiled schema with zod's semantics: unknown keys fail only where
/// the schema closed the object (zod <c>.strict()</c>), a union passes when any branch passes, and a
/// failed union reports the branch that got furthest.
/// </summary>
internal sealed class SchemaEvaluator(string file, Func<string, string?> environment)
{
    private DiagnosticBuilder At(YNode node) => SchemaIssue.At(file, node);

    public void Evaluate(
        SchemaNode schema,
        YNode node,
        string path,
        int depth,
        List<SchemaIssue> issues
    )
    {
        schema = schema.Resolved;
        if (schema.Never)
        {
            issues.Add(new(At(node).SchemaForbiddenKey(Label(path)), node, path, depth));
            return;
        }

        var before = issues.Count;
        var actual = JsYamlValue.TypeOf(node);
        if (schema.Types != JsonTypes.Any && (schema.Types & actual) == JsonTypes.None)
        {
            issues.Add(WrongType(schema, node, path, depth));
            return;
        }

        if (schema.Enum is { } values && !values.Any(v => EqualsScalar(v, node)))
        {
            var expected = SchemaDescriber.Describe(schema);
            issues.Add(
                new(At(node).SchemaInvalidEnumValue(Label(path), expected), node, path, depth)
            );
            return;
        }

        switch (node)
        {
            case YMapping mapping:
                EvaluateMapping(schema, mapping, path, depth, issues);
                break;
            case YSequence sequence:
                EvaluateSequence(schema, sequence, path, depth, issues);
                break;
            case YScalar scalar when scalar.Kind == YScalarKind.String:
                EvaluateString(schema, scalar, path, depth, issues);
                break;
            case YScalar scalar when scalar.Kind is YScalarKind.Int or YScalarKind.Float:
                EvaluateNumber(schema, scalar, path, depth, issues);
                break;
            default:
                break;
        }

        if (schema.AllOf is { } all)
        {
            foreach (var part in all)
            {
                Evaluate(part, node, path, depth, issues);
            }
        }
        if (schema.AnyOf is { } branches)
        {
            EvaluateUnion(schema, branches, node, path, depth, issues);
        }

        // zod runs a refinement only on a value its base schema accepted.
        if (schema.Refine is { } refine && issues.Count == before)
        {
            Refinements.Check(refine, schema.RefineArgs, file, node, path, depth, issues);
        }
    }

    private void EvaluateUnion(
        SchemaNode schema,
        IReadOnlyList<SchemaNode> branches,
        YNode node,
        string path,
        int depth,
        List<SchemaIssue> issues
    )
    {
        List<SchemaIssue>? best = null;
        foreach (var branch in branches)
        {
            var attempt = new List<SchemaIssue>();
            Evaluate(branch, node, path, depth, attempt);
            if (attempt.Count == 0)
            {
                return;
            }
            // A branch whose only complaint is the node's own type never got started.
            var wrongShape = attempt.TrueForAll(i =>
                i.Depth == depth
                && ReferenceEquals(i.Node, node)
                && (
                    i.Descriptor == DiagnosticCatalog.SchemaWrongType
                    || i.Descriptor == DiagnosticCatalog.SchemaNoMatchingVariant
                )
            );
            if (!wrongShape && (best is null || Further(attempt, best)))
            {
                best = attempt;
            }
        }
        if (best is null)
        {
            var expected = SchemaDescriber.Describe(schema);
            var found = JsYamlValue.Describe(node);
            issues.Add(
                new(At(node).SchemaWrongType(Label(path), expected, found), node, path, depth)
            );
            return;
        }
        issues.AddRange(best);
    }

    // Deeper failures mean the branch matched more of the value (a discriminator like `type:` agreed);
    // among equally deep ones the branch with fewer complaints is the likelier intent.
    private static bool Further(List<SchemaIssue> candidate, List<SchemaIssue> best)
    {
        var candidateScore = Score(candidate);
        var bestScore = Score(best);
        return candidateScore.Depth != bestScore.Depth
            ? candidateScore.Depth > bestScore.Depth
            : candidate.Count < best.Count;
    }

    // An enum/const mismatch one level down is a failed discriminator: that branch got nowhere.
    private static (int Depth, int Count) Score(List<SchemaIssue> issues) =>
        (
            issues.Min(i =>
                i.Descriptor == DiagnosticCatalog.SchemaInvalidEnumValue ? i.Depth - 1 : i.Depth
            ),
            issues.Count
        );

    private void EvaluateMapping(
        SchemaNode schema,
        YMapping mapping,
        string path,
        int depth,
        List<SchemaIssue> issues
    )
    {
        foreach (var entry in mapping.Entries)
        {
            var key = JsYamlValue.KeyName(entry.Key);
            var childPath = path.Length == 0 ? key : path + "." + key;
            if (
                schema.Properties is { } properties
                && properties.TryGetValue(key, out var property)
            )
            {
                Evaluate(property, entry.Value, childPath, depth + 1, issues);
            }
            else if (schema.AdditionalSchema is { } additional)
            {
                Evaluate(additional, entry.Value, childPath, depth + 1, issues);
            }
            else if (!schema.AdditionalAllowed)
            {
                issues.Add(UnknownKey(schema, entry.Key, key, path, childPath, depth + 1));
            }
        }
        foreach (var required in schema.Required)
        {
            if (!mapping.Entries.Any(e => JsYamlValue.KeyName(e.Key) == required))
            {
                var childPath = path.Length == 0 ? required : path + "." + required;
                var expected =
                    schema.Properties is { } properties
                    && properties.TryGetValue(required, out var property)
                        ? SchemaDescriber.Describe(property)
                        : null;
                issues.Add(
                    new(
                        At(mapping).SchemaMissingRequired(childPath, expected),
                        mapping,
                        childPath,
                        depth + 1
                    )
                );
            }
        }
    }

    private SchemaIssue UnknownKey(
        SchemaNode schema,
        YScalar keyNode,
        string key,
        string path,
        string childPath,
        int depth
    )
    {
        var known = schema.PropertyOrder ?? [];
        var suggestion = Suggest(key, known);
        var at = At(keyNode);
        var diagnostic =
            path.Length == 0
                ? at.SchemaUnknownRootKey(childPath, suggestion, known)
                : at.SchemaUnknownKey(childPath, suggestion, known);
        return new(diagnostic, keyNode, childPath, depth);
    }

    private void EvaluateSequence(
        SchemaNode schema,
        YSequence sequence,
        string path,
        int depth,
        List<SchemaIssue> issues
    )
    {
        var count = sequence.Items.Count;
        if (schema.MinItems is { } min && count < min)
        {
            var requirement = $"must have at least {Items(min)}, found {count}";
            issues.Add(
                new(At(sequence).SchemaOutOfRange(Label(path), requirement), sequence, path, depth)
            );
        }
        if (schema.MaxItems is { } max && count > max)
        {
            var requirement = $"must have at most {Items(max)}, found {count}";
            issues.Add(
                new(At(sequence).SchemaOutOfRange(Label(path), requirement), sequence, path, depth)
            );
        }
        for (var i = 0; i < count; i++)
        {
            var item = schema.TupleItems is { } tuple
                ? (i < tuple.Count ? tuple[i] : null)
                : schema.Items;
            if (item is not null)
            {
                Evaluate(
                    item,
                    sequence.Items[i],
                    path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]",
                    depth + 1,
                    issues
                );
            }
        }
    }

    private void EvaluateString(
        SchemaNode schema,
        YScalar scalar,
        string path,
        int depth,
        List<SchemaIssue> issues
    )
    {
        // zod measures JavaScript string length: UTF-16 code units, exactly what .NET counts.
        var text = schema.Trim ? JsRegex.Trim(scalar.Value) : scalar.Value;
        var length = text.Length;
        if (schema.MinLength is { } min && length < min)
        {
            var requirement =
                min == 1 ? "must not be empty" : $"must be at least {min} characters long";
            issues.Add(
                new(At(scalar).SchemaOutOfRange(Label(path), requirement), scalar, path, depth)
            );
        }
        if (schema.MaxLength is { } max && length > max)
        {
            var requirement = $"must be at most {max} characters long";
            issues.Add(
                new(At(scalar).SchemaOutOfRange(Label(path), requirement), scalar, path, depth)
            );
        }
        if (schema.Pattern is { } pattern && !pattern.Value.IsMatch(text))
        {
            var requirement = $"must match the pattern {pattern.Value}";
            issues.Add(
                new(At(scalar).SchemaInvalidString(Label(path), requirement), scalar, path, depth)
            );
        }
        switch (schema.Url)
        {
            case UrlCheck.Plain when !WhatwgUrl.IsValid(text):
                issues.Add(
                    new(
                        At(scalar).SchemaInvalidString(Label(path), "must be a valid URL"),
                        scalar,
                        path,
                        depth
                    )
                );
                break;
            case UrlCheck.AfterEnvExpansion:
                var expanded = EnvInterpolation.Expand(text, new EnvScope(environment));
                var scheme = WhatwgUrl.Parse(expanded.Value);
                if (
                    scheme is not null
                    && schema.UrlProtocols is { } protocols
                    && !protocols.Contains(scheme + ":", StringComparer.Ordinal)
                )
                {
                    issues.Add(
                        new(
                            At(scalar).RefineMcpUrlProtocol(Label(path), protocols, allowed: true),
                            scalar,
                            path,
                            depth
                        )
                    );
                }
                else if (
                    scheme is not null
                    && schema.UrlForbiddenProtocols is { } forbidden
                    && forbidden.Contains(scheme + ":", StringComparer.Ordinal)
                )
                {
                    issues.Add(
                        new(
                            At(scalar).RefineMcpUrlProtocol(Label(path), forbidden, allowed: false),
                            scalar,
                            path,
                            depth
                        )
                    );
                }
                else if (scheme is null)
                {
                    var why =
                        expanded.Unresolved.Count > 0
                            ? $" (after expanding environment variables; {EnvInterpolation.Show(expanded.Unresolved)} not set)"
                            : string.Empty;
                    issues.Add(
                        new(
                            At(scalar)
                                .SchemaInvalidString(Label(path), "must be a valid URL" + why),
                            scalar,
                            path,
                            depth
                        )
                    );
                }
                break;
            default:
                break;
        }
    }

    private void EvaluateNumber(
        SchemaNode schema,
        YScalar scalar,
        string path,
        int depth,
        List<SchemaIssue> issues
    )
    {
        var value = JsYamlValue.ToNumber(scalar);
        string? problem = null;
        if (schema.Finite && !double.IsFinite(value))
        {
            problem = "must be a finite number";
        }
        else if (schema.Minimum is { } min && value < min)
        {
            problem = $"must be at least {Format(min)}";
        }
        else if (schema.ExclusiveMinimum is { } exclusiveMin && value <= exclusiveMin)
        {
            problem = $"must be greater than {Format(exclusiveMin)}";
        }
        else if (schema.Maximum is { } max && value > max)
        {
            problem = $"must be at most {Format(max)}";
        }
        else if (schema.ExclusiveMaximum is { } exclusiveMax && value >= exclusiveMax)
        {
            problem = $"must be less than {Format(exclusiveMax)}";
        }
        if (problem is not null)
        {
            issues.Add(new(At(scalar).SchemaOutOfRange(Label(path), problem), scalar, path, depth));
        }
    }

    private SchemaIssue WrongType(SchemaNode schema, YNode node, string path, int depth)
    {
        var expected = SchemaDescriber.Describe(schema);
        var found = JsYamlValue.Describe(node);
        if (
            node is YScalar { Kind: YScalarKind.Int or YScalarKind.Float }
            && schema.Types.HasFlag(JsonTypes.Integer)
            && !schema.Types.HasFlag(JsonTypes.Number)
        )
        {
            found = JsYamlValue.TypeOf(node) == JsonTypes.None ? "NaN" : "a fractional number";
        }
        return new(At(node).SchemaWrongType(Label(path), expected, found), node, path, depth);
    }

    private static bool EqualsScalar(SchemaLiteral expected, YNode node)
    {
        if (node is not YScalar scalar)
        {
            return false;
        }
        return expected.Kind switch
        {
            JsonValueKind.String => scalar.Kind == YScalarKind.String
                && scalar.Value == expected.Text,
            JsonValueKind.Number => scalar.Kind is YScalarKind.Int or YScalarKind.Float
                && JsYamlValue.ToNumber(scalar) == expected.Number,
            JsonValueKind.True => scalar.Kind == YScalarKind.Bool
                && string.Equals(scalar.Value, "true", StringComparison.OrdinalIgnoreCase),
            JsonValueKind.False => scalar.Kind == YScalarKind.Bool
                && string.Equals(scalar.Value, "false", StringComparison.OrdinalIgnoreCase),
            JsonValueKind.Null => scalar.Kind == YScalarKind.Null,
            _ => false,
        };
    }

    private static string? Suggest(string key, IReadOnlyList<string> known)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in known)
        {
            var distance = Levenshtein(key.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                (best, bestDistance) = (candidate, distance);
            }
        }
        return best is not null && bestDistance <= Math.Max(1, key.Length / 4) ? best : null;
    }

    private static int Levenshtein(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(
                    Math.Min(current[j - 1] + 1, previous[j] + 1),
                    previous[j - 1] + cost
                );
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }

    private static string Items(int n) => n == 1 ? "1 item" : $"{n} items";

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    internal static string Label(string path) => path.Length == 0 ? "(root)" : path;
}
