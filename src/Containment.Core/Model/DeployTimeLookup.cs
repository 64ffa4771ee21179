namespace Containment.Core.Model;

/// <summary>A value resolved at deploy time (Pulumi invoke, Terraform data source); <see cref="Token"/> appears in hosts.</summary>
public sealed record DeployTimeLookup(string Token, string Description);
