namespace Containment.Core.Pipeline;

/// <summary>Paths from stack settings are relative to the project root and must stay inside it.</summary>
public static class ProjectPath
{
    /// <summary>The absolute path of <paramref name="relative"/> under <paramref name="root"/>, or null when it escapes the root
    /// (<c>../</c>, an absolute path elsewhere): a stack setting must not make the compiler read arbitrary files.</summary>
    public static string? Resolve(string root, string relative)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(relative);
        var fullRoot = Path.GetFullPath(root);
        var full = Path.GetFullPath(Path.Combine(fullRoot, relative));
        var prefix = fullRoot.EndsWith(Path.DirectorySeparatorChar)
            ? fullRoot
            : fullRoot + Path.DirectorySeparatorChar;
        return full.StartsWith(prefix, StringComparison.Ordinal) ? full : null;
    }
}
