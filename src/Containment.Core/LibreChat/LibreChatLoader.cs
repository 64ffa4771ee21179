using Containment.Core.Diagnostics;
using Containment.Core.IO;
using Containment.Core.Settings;
using Containment.Core.Yaml;

namespace Containment.Core.LibreChat;

/// <summary>The one call that turns a librechat.yaml path into the typed model: bytes -> tree -> model.</summary>
public static class LibreChatLoader
{
    /// <summary>
    /// Loads and reads a librechat.yaml. Returns null only when nothing usable could be read (the file is
    /// missing, unparsable or not a mapping); otherwise a model plus diagnostics in <paramref name="diagnostics"/>.
    /// </summary>
    public static LibreChatConfig? Load(
        string path,
        IFileSystem fs,
        IReadOnlyDictionary<string, string> env,
        EnforcementMode mode,
        DiagnosticBag diagnostics,
        string? displayPath = null
    )
    {
        ArgumentNullException.ThrowIfNull(path);
        var file = displayPath ?? path;
        var root = YamlLoader.LoadFile(path, fs, diagnostics, file);
        if (root is null)
        {
            return null;
        }

        // schema validation hook: the JSON-schema validator (zod refinements such as
        // modelSpecs.list[].preset.endpoint) plugs in here, on the tree, before the typed read.

        return LibreChatReader.Read(root, file, env, mode, diagnostics);
    }
}
