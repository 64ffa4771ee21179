using Containment.Core.Diagnostics;

namespace Containment.Core.LibreChat;

/// <summary>
/// Provenance of a value: the file, the config path (<c>endpoints.custom[2].baseURL</c>) and the 1-based
/// line and column where the value starts.
/// </summary>
public sealed record ConfigLocation(string File, string Path, int Line, int Column)
{
    public SourceSpan Span => new(File, Line, Column) { ConfigPath = Path };
}

/// <summary>A scalar config value with where it came from.</summary>
public sealed record ConfigValue<T>(T Value, ConfigLocation Location);
