namespace Containment.Core.Yaml;

/// <summary>
/// Hard limits that keep a hostile or broken file from exhausting memory, time or the stack.
/// A real librechat.yaml is a few kilobytes, a few levels deep and uses a handful of anchors.
/// </summary>
public sealed record YamlLimits
{
    public static YamlLimits Default { get; } = new();

    /// <summary>Checked before the file is read (via <c>IFileSystem.GetFileLength</c>).</summary>
    public long MaxFileBytes { get; init; } = 16L * 1024 * 1024;

    /// <summary>Maximum nesting of mappings and sequences, counting what aliases bring in.</summary>
    public int MaxDepth { get; init; } = 256;

    /// <summary>
    /// Maximum number of nodes that aliases may add to the document (each alias counts the full expanded
    /// size of the node it names). A billion-laughs file hits this after a few levels.
    /// </summary>
    public long MaxAliasNodes { get; init; } = 100_000;
}
