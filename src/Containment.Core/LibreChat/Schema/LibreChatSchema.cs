using System.Text.Json;
using Containment.Core.Diagnostics;
using Containment.Core.Yaml;

namespace Containment.Core.LibreChat.Schema;

/// <summary>
/// Checks a loaded librechat.yaml against LibreChat's own config schema, so `containment lint` gives the
/// verdict LibreChat gives at start-up (<c>configSchema.strict().safeParse(yaml.load(file))</c>). The
/// schema is generated from the pinned librechat-data-provider by tools/librechat-schema/generate.mjs
/// and embedded; it is parsed once, on first use.
/// </summary>
public static class LibreChatSchema
{
    private const string ResourceName =
        "Containment.Core.LibreChat.Schema.librechat-config.schema.json";

    private static readonly Lazy<SchemaDocument> Document = new(Load);

    /// <summary>The librechat-data-provider version the embedded schema was generated from.</summary>
    public static string DataProviderVersion => Document.Value.DataProviderVersion;

    /// <summary>LibreChat's CONFIG_VERSION at that package version.</summary>
    public static string ConfigVersion => Document.Value.ConfigVersion;

    /// <summary>The compiled schema, for reading the keys it knows (<see cref="SchemaKeys"/>).</summary>
    internal static SchemaNode Root => Document.Value.Root;

    /// <summary>Validates <paramref name="root"/> (null for an empty document) and adds one diagnostic per
    /// failure, positioned at the offending node (the parent mapping for a missing key). <c>${VAR}</c>
    /// references in URL fields are left unexpanded, as LibreChat leaves unset variables.</summary>
    public static void Validate(YNode? root, string file, DiagnosticBag diagnostics) =>
        Validate(root, file, diagnostics, static _ => null);

    /// <summary>As <see cref="Validate(YNode?, string, DiagnosticBag)"/>, expanding <c>${VAR}</c> in the
    /// URL fields LibreChat expands (MCP server URLs) through <paramref name="environment"/>.</summary>
    public static void Validate(
        YNode? root,
        string file,
        DiagnosticBag diagnostics,
        Func<string, string?> environment
    )
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        ArgumentNullException.ThrowIfNull(environment);
        if (root is not YMapping)
        {
            // js-yaml loads an empty file as undefined and a scalar document as a primitive; zod wants an object.
            var found = root is null ? "an empty document" : JsYamlValue.Describe(root);
            var span = root is null
                ? SourceSpan.FileOnly(file)
                : new SourceSpan(file, root.Line, root.Column);
            diagnostics.Add(DiagnosticBuilder.At(span).SchemaRootNotMapping(found));
            return;
        }
        var issues = new List<SchemaIssue>();
        new SchemaEvaluator(file, environment).Evaluate(
            Document.Value.Root,
            root,
            string.Empty,
            0,
            issues
        );
        diagnostics.AddRange(issues.Select(i => i.Diagnostic));
    }

    private static SchemaDocument Load()
    {
        using var stream =
            typeof(LibreChatSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var json = JsonDocument.Parse(stream);
        var root = json.RootElement;
        return new SchemaDocument(
            SchemaCompiler.Compile(root),
            root.GetProperty("x-librechat-data-provider").GetString()!,
            root.GetProperty("x-config-version").GetString()!
        );
    }

    private sealed record SchemaDocument(
        SchemaNode Root,
        string DataProviderVersion,
        string ConfigVersion
    );
}
