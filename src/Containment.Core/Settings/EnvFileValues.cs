namespace Containment.Core.Settings;

/// <summary>Variables from env files, merged in order (the last setting of a name wins), each with where it was set.</summary>
public sealed record EnvFileValues(
    IReadOnlyDictionary<string, string> Values,
    IReadOnlyDictionary<string, string> Origins
)
{
    public static EnvFileValues Merge(IEnumerable<EnvEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var origins = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            values[entry.Name] = entry.Value;
            origins[entry.Name] = entry.Origin;
        }
        return new EnvFileValues(values, origins);
    }
}
