using System.Text.Json.Nodes;

namespace Containment.Core.Targets.Aviatrix;

/// <summary>
/// The FirewallPolicy CRD facts (firewallpolicy-crd-facts.json, written from shared/reference/aviatrix-dcf.md section 9)
/// and a validator for the object a manifest describes (the CRD target validates its IR as that object, never printed
/// YAML). Each problem comes back as one message with a JSON path.
/// </summary>
public sealed class FirewallPolicyCrdSchema
{
    private const string ResourceName =
        "Containment.Core.Targets.Aviatrix.firewallpolicy-crd-facts.json";

    private static readonly Lazy<FirewallPolicyCrdSchema> Embedded = new(() =>
        Parse(ReadEmbedded())
    );

    private readonly JsonObject _schema;

    private FirewallPolicyCrdSchema(JsonObject schema) => _schema = schema;

    public static FirewallPolicyCrdSchema Instance => Embedded.Value;

    public static FirewallPolicyCrdSchema Parse(string json) =>
        new(
            JsonNode.Parse(json)?["schema"]?.AsObject()
                ?? throw new InvalidDataException("CRD facts have no 'schema' object.")
        );

    public IReadOnlyList<string> Validate(JsonNode? manifest)
    {
        var errors = new List<string>();
        StructuralSchemaValidator.Validate(manifest, _schema, "$", errors);
        return errors;
    }

    private static string ReadEmbedded()
    {
        using var stream =
            typeof(FirewallPolicyCrdSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
