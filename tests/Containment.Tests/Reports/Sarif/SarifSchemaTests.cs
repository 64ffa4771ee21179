using System.Text.Json;
using Containment.Core.Diagnostics;
using Containment.Core.Reports;
using Json.Schema;

namespace Containment.Tests.Reports.Sarif;

/// <summary>
/// The SARIF we write must validate against the official OASIS SARIF 2.1.0 schema (a copy in Fixtures/sarif).
/// That schema declares draft-04, which JsonSchema.Net does not ship; draft-06 keyword semantics are used
/// under the draft-04 id instead. The only draft-04/06 differences (boolean exclusiveMinimum/Maximum, "id"
/// versus "$id") do not occur in the SARIF schema's validation keywords, so the verdict is the same.
/// </summary>
public class SarifSchemaTests
{
    private static readonly Lazy<JsonSchema> Schema = new(LoadSchema);

    private static JsonSchema LoadSchema()
    {
        var draft04 = Dialect.Draft06.With([], new Uri("http://json-schema.org/draft-04/schema#"));
        var registry = new DialectRegistry();
        registry.Register(draft04);
        var options = new BuildOptions { DialectRegistry = registry, Dialect = draft04 };
        var text = File.ReadAllText(
            Path.Combine(AppContext.BaseDirectory, "Fixtures", "sarif", "sarif-schema-2.1.0.json")
        );
        return JsonSchema.FromText(text, options);
    }

    internal static EvaluationResults Validate(string sarif)
    {
        using var document = JsonDocument.Parse(sarif);
        return Schema.Value.Evaluate(
            document.RootElement,
            new EvaluationOptions
            {
                OutputFormat = OutputFormat.List,
                RequireFormatValidation = true,
            }
        );
    }

    private static string Errors(EvaluationResults results) =>
        string.Join(
            "\n",
            (results.Details ?? [])
                .Where(d => d.Errors is not null)
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key} {e.Value}"))
        );

    [Fact]
    public void Sarif_for_errors_warnings_and_infos_validates_against_the_official_schema()
    {
        var sarif = SarifWriter.Write(SarifTests.Sample(), "1.2.3", "/repo");

        var results = Validate(sarif);

        Assert.True(results.IsValid, Errors(results));
    }

    [Fact]
    public void Empty_run_validates_against_the_official_schema()
    {
        Assert.True(Validate(SarifWriter.Write([], "1.2.3", "/repo")).IsValid);
    }

    [Theory]
    [InlineData("\"level\": \"error\"", "\"level\": \"fatal\"")]
    [InlineData("\"startLine\": 12", "\"startLine\": 0")]
    [InlineData("\"version\": \"2.1.0\"", "\"version\": \"2.0.0\"")]
    [InlineData("\"ruleId\": \"CT1001\"", "\"ruleId\": \"CT1001\", \"unexpected\": true")]
    public void Validation_rejects_a_broken_sarif(string valid, string broken)
    {
        var sarif = SarifWriter.Write(SarifTests.Sample(), "1.2.3", "/repo");
        Assert.Contains(valid, sarif, StringComparison.Ordinal);

        Assert.False(Validate(sarif.Replace(valid, broken, StringComparison.Ordinal)).IsValid);
    }

    [Fact]
    public void Validation_rejects_a_result_without_a_message()
    {
        var sarif = SarifWriter.Write(SarifTests.Sample(), "1.2.3", "/repo");
        using var document = JsonDocument.Parse(sarif);
        var node = System.Text.Json.Nodes.JsonNode.Parse(sarif)!;
        node["runs"]![0]!["results"]![0]!.AsObject().Remove("message");

        Assert.False(Validate(node.ToJsonString()).IsValid);
    }
}
