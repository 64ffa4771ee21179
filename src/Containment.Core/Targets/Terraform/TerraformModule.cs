namespace Containment.Core.Targets.Terraform;

/// <summary>
/// A Terraform configuration as a typed graph, one <see cref="TerraformFile"/> per <c>*.tf.json</c> file, in the order the
/// files are written. <see cref="TerraformModuleBuilder"/> builds it from the policy, <see cref="TerraformModuleCheck"/>
/// validates it against the provider facts, <see cref="TerraformModuleWriter"/> prints it: the same shape as the Pulumi
/// target's <c>PulumiProgram</c>.
/// </summary>
public sealed record TerraformModule(IReadOnlyList<TerraformFile> Files);

/// <summary>
/// One Terraform JSON file. The printer sorts every map it prints (block types, block names, variables, providers,
/// outputs) ordinally, so the lists here need no particular order; argument bodies keep the builder's order.
/// </summary>
public sealed record TerraformFile
{
    public required string Name { get; init; }

    /// <summary>The file's <c>"//"</c> comment, printed first.</summary>
    public string? Comment { get; init; }
    public IReadOnlyList<TerraformRequiredProvider> RequiredProviders { get; init; } = [];
    public IReadOnlyList<TerraformProvider> Providers { get; init; } = [];
    public IReadOnlyList<TerraformVariable> Variables { get; init; } = [];
    public IReadOnlyList<TerraformBlock> DataSources { get; init; } = [];
    public IReadOnlyList<TerraformBlock> Resources { get; init; } = [];
    public IReadOnlyList<TerraformOutput> Outputs { get; init; } = [];
}

/// <summary>An entry of <c>terraform.required_providers</c>.</summary>
public sealed record TerraformRequiredProvider(string Name, string Source, string Version);

/// <summary>A <c>provider "name" { ... }</c> configuration.</summary>
public sealed record TerraformProvider(string Name, TerraformObject Arguments);

/// <summary>
/// A <c>variable</c> of type <see cref="Type"/>. A sensitive variable never has a default: its value comes from
/// <c>-var</c> or <c>TF_VAR_*</c> (the check rejects one that has).
/// </summary>
public sealed record TerraformVariable(
    string Name,
    string Type,
    string Description,
    string? Default = null,
    bool Sensitive = false
);

/// <summary>A <c>resource</c> or <c>data</c> block: <c>Type.Name</c> with its arguments.</summary>
public sealed record TerraformBlock(string Type, string Name, TerraformObject Body);

public sealed record TerraformOutput(string Name, string Description, TerraformValue Value);
