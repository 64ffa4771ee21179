using Containment.Core.Diagnostics;
using Containment.Core.IO;
using Containment.Core.LibreChat.Schema;
using Containment.Core.Model;
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
        DiagnosticBag diagnostics,
        string? displayPath = null,
        IEnumerable<string>? secretNames = null
    )
    {
        ArgumentNullException.ThrowIfNull(path);
        var file = displayPath ?? path;
        var root = YamlLoader.LoadFile(path, fs, diagnostics, file);
        if (root is null)
        {
            return null;
        }

        return ValidateAndRead(root, file, env, diagnostics, secretNames);
    }

    /// <summary>
    /// LibreChat's own schema (zod, generated) decides whether the file is valid; the typed reader takes the
    /// egress-relevant values out and explains the common mistakes in friendlier words (quote the version,
    /// the allowed endpoint keys...). Where both flag the same node, the reader's error is kept and the
    /// schema's restatement dropped, so each mistake is reported once.
    /// </summary>
    public static LibreChatConfig? ValidateAndRead(
        YNode root,
        string file,
        IReadOnlyDictionary<string, string> env,
        DiagnosticBag diagnostics,
        IEnumerable<string>? secretNames = null
    )
    {
        ArgumentNullException.ThrowIfNull(env);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var reader = new DiagnosticBag();
        // One scope for both passes, so the schema check and the reader refuse the same secrets.
        var scope = new EnvScope(env, secretNames).WithSecrets(
            SecretVariables.UsedAsCredentials(root)
        );
        var config = LibreChatReader.Read(root, file, scope, reader);
        var schema = new DiagnosticBag();
        LibreChatSchema.Validate(
            root,
            file,
            schema,
            name => scope.IsSecret(name) ? null : scope.Lookup(name)
        );
        var readerErrorSpans = reader
            .Items.Where(d => d.Severity == Severity.Error)
            .Select(d => d.Span.Start)
            .ToHashSet();
        diagnostics.AddRange(reader.Items);
        diagnostics.AddRange(
            schema.Items.Where(d =>
                !(d.Severity == Severity.Error && readerErrorSpans.Contains(d.Span.Start))
            )
        );
        return config;
    }
}
