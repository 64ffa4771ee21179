namespace Containment.Core.Targets.Pulumi;

/// <summary>
/// A Pulumi YAML program as a typed graph: config declarations, variables (invokes), resources and
/// outputs. Every list is in its final print order; <see cref="PulumiProgramWriter"/> prints it as JSON.
/// </summary>
public sealed record PulumiProgram
{
    /// <summary>Project name (<c>containment</c>); Pulumi takes it from the compiler output or Pulumi.yaml.</summary>
    public required string Name { get; init; }
    public string? Description { get; init; }
    public IReadOnlyList<PulumiConfigDeclaration> Config { get; init; } = [];
    public IReadOnlyList<PulumiVariable> Variables { get; init; } = [];
    public IReadOnlyList<PulumiResource> Resources { get; init; } = [];
    public IReadOnlyList<PulumiOutput> Outputs { get; init; } = [];

    // The schema check looks a name up for every reference and dependsOn (one or more per resource): a linear scan
    // here made emit and compile quadratic in MCP servers (issue 10 item 9). The index is keyed on the list instance,
    // not stored in the record, so `with { Resources = ... }` copies and record equality are unaffected.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<
        IReadOnlyList<PulumiResource>,
        Dictionary<string, PulumiResource>
    > ResourceIndex = [];
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<
        IReadOnlyList<PulumiVariable>,
        Dictionary<string, PulumiVariable>
    > VariableIndex = [];

    public PulumiResource? Resource(string logicalName) =>
        ResourceIndex
            .GetValue(Resources, list => FirstByName(list, r => r.LogicalName))
            .GetValueOrDefault(logicalName);

    public PulumiVariable? Variable(string name) =>
        VariableIndex
            .GetValue(Variables, list => FirstByName(list, v => v.Name))
            .GetValueOrDefault(name);

    /// <summary>First item per name, as the linear search it replaces returned.</summary>
    private static Dictionary<string, T> FirstByName<T>(IEnumerable<T> items, Func<T, string> name)
    {
        var index = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            index.TryAdd(name(item), item);
        }

        return index;
    }

    public IEnumerable<PulumiResource> ResourcesOfType(string typeToken) =>
        Resources.Where(r => string.Equals(r.Type, typeToken, StringComparison.Ordinal));
}

/// <summary>
/// A stack config value the program reads as <c>${Name}</c> (Pulumi strips the <c>containment:</c> prefix).
/// Values stay in Pulumi: the program never holds them, so secrets stay secret.
/// </summary>
public sealed record PulumiConfigDeclaration(string Name, string Type, bool Secret = false);

/// <summary>A named expression, here always an invoke whose result fields are read with <c>${Name.field}</c>.</summary>
public sealed record PulumiVariable(string Name, PulumiValue Value);

public sealed record PulumiResource
{
    public required string LogicalName { get; init; }

    /// <summary>Full type token, e.g. <c>aviatrix:index/smartGroup:SmartGroup</c>.</summary>
    public required string Type { get; init; }
    public required PulumiObject Properties { get; init; }
    public PulumiResourceOptions Options { get; init; } = PulumiResourceOptions.None;
}

/// <summary>The resource options this program uses (a subset of what Pulumi YAML accepts).</summary>
public sealed record PulumiResourceOptions
{
    public static PulumiResourceOptions None { get; } = new();

    /// <summary>Logical names of resources this one must wait for beyond its property references.</summary>
    public IReadOnlyList<string> DependsOn { get; init; } = [];

    /// <summary>Logical name of the parent resource (grouping in <c>pulumi preview</c>).</summary>
    public string? Parent { get; init; }
    public bool Protect { get; init; }
    public bool DeleteBeforeReplace { get; init; }

    /// <summary>Plugin version for non-parameterized providers (aws, kubernetes...). Parameterized packages
    /// (aviatrix via terraform-provider) take theirs from the <c>sdks/</c> lock file instead.</summary>
    public string? Version { get; init; }

    public bool IsEmpty =>
        DependsOn.Count == 0
        && Parent is null
        && !Protect
        && !DeleteBeforeReplace
        && Version is null;
}

public sealed record PulumiOutput(string Name, PulumiValue Value);
