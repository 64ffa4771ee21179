namespace Containment.Core.IO;

/// <summary>Process-environment seam (PULUMI_STACK, PULUMI_CONFIG, NO_COLOR, CI...), mockable in tests.</summary>
public interface IEnvironment
{
    string? GetVariable(string name);
}

public sealed class ProcessEnvironment : IEnvironment
{
    public static ProcessEnvironment Instance { get; } = new();

    public string? GetVariable(string name) => Environment.GetEnvironmentVariable(name);
}
