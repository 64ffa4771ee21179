using Containment.Core.Diagnostics;

namespace Containment.Core.Targets.Pulumi;

/// <summary>The policy cannot be turned into a Pulumi program; <see cref="Diagnostics"/> say why (CT5xxx).</summary>
public sealed class PulumiTargetException : Exception
{
    public PulumiTargetException(IReadOnlyList<Diagnostic> diagnostics)
        : base(string.Join('\n', diagnostics.Select(d => d.Render()))) => Diagnostics = diagnostics;

    public PulumiTargetException()
        : this([]) { }

    public PulumiTargetException(string message)
        : base(message) => Diagnostics = [];

    public PulumiTargetException(string message, Exception innerException)
        : base(message, innerException) => Diagnostics = [];

    public IReadOnlyList<Diagnostic> Diagnostics { get; }
}
