using System.Text;

namespace Containment.Core.Policy;

/// <summary>
/// FNV-1a over the UTF-8 bytes of a name: the same number on every machine and every run (unlike
/// <see cref="string.GetHashCode()"/>), so names and priorities derived from it are stable across runs.
/// </summary>
public static class StableHash
{
    public static uint Fnv1a32(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(s))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }
        return hash;
    }

    public static ulong Fnv1a64(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var hash = 14695981039346656037ul;
        foreach (var b in Encoding.UTF8.GetBytes(s))
        {
            hash = unchecked((hash ^ b) * 1099511628211ul);
        }
        return hash;
    }
}
