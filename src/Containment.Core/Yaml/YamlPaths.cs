namespace Containment.Core.Yaml;

/// <summary>
/// The config path of every node in a tree (<c>endpoints.custom[0].baseURL</c>), so a finding can be named by
/// where it sits in the settings rather than by its line. A node reached twice through an alias keeps the path of
/// its first (anchored) occurrence; each node is visited once, so a tree of aliases costs no more than its nodes.
/// A key shares the path of its value (unknown-key findings point at the key).
/// </summary>
public static class YamlPaths
{
    public static IReadOnlyDictionary<YNode, string> Index(YNode root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var paths = new Dictionary<YNode, string>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<(YNode Node, string Path)>();
        pending.Push((root, ""));
        while (pending.Count > 0)
        {
            var (node, path) = pending.Pop();
            if (!paths.TryAdd(node, path))
            {
                continue;
            }
            switch (node)
            {
                case YMapping mapping:
                    // Pushed in reverse so the first occurrence in document order is visited first.
                    for (var i = mapping.Entries.Count - 1; i >= 0; i--)
                    {
                        var entry = mapping.Entries[i];
                        var child =
                            path.Length == 0 ? entry.Key.Value : $"{path}.{entry.Key.Value}";
                        pending.Push((entry.Value, child));
                        pending.Push((entry.Key, child));
                    }
                    break;
                case YSequence sequence:
                    for (var i = sequence.Items.Count - 1; i >= 0; i--)
                    {
                        pending.Push(
                            (
                                sequence.Items[i],
                                string.Create(
                                    System.Globalization.CultureInfo.InvariantCulture,
                                    $"{path}[{i}]"
                                )
                            )
                        );
                    }
                    break;
            }
        }
        return paths;
    }
}
