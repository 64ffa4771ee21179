namespace Containment.Tests.Robustness;

/// <summary>
/// An MCP server key or endpoint name in librechat.yaml can hold a right-to-left override or a zero-width joiner; it
/// reaches the targets in provenance comments (<c>mcpServers.&lt;name&gt;.url</c>). No emitted file, report (text, Markdown,
/// JSON, SARIF) or diagnostic may carry such a character raw (they reorder or hide what a reviewer reads in the PR diff).
/// </summary>
public sealed partial class SecretsTests
{
    private static readonly char[] Invisible = ['\u202e', '\u2066', '\u200d', '\u200b', '\ufeff'];

    [Fact]
    public void Bidi_and_zero_width_names_are_escaped_in_every_target_and_json_output()
    {
        File.WriteAllText(
            P("infra/librechat.yaml"),
            """
            version: 1.3.17
            interface:
              mcpServers:
                create: false
            mcpServers:
              "ev\u202Eil\u2066\u200Dx\u200B":
                type: streamable-http
                url: "https://mcp.example.net/mcp"

            """
        );
        File.WriteAllText(P(".env"), "");
        var outputs = EveryOutput(configHasErrors: false);
        var raw = outputs
            .Where(o => o.Text.IndexOfAny(Invisible) >= 0)
            .Select(o => o.What)
            .ToList();
        Assert.True(raw.Count == 0, "raw invisible characters in: " + string.Join(", ", raw));
        var crd = outputs.Single(o => o.What == "aviatrix-crd: firewallpolicy.yaml").Text;
        Assert.Contains(
            "mcpServers.ev\\u202Eil\\u2066\\u200Dx\\u200B.url",
            crd,
            StringComparison.Ordinal
        );
        var terraform = outputs.Single(o => o.What == "terraform: main.tf.json").Text;
        Assert.Contains(
            "mcpServers.ev\\u202eil\\u2066\\u200dx\\u200b.url",
            terraform,
            StringComparison.Ordinal
        );
    }
}
