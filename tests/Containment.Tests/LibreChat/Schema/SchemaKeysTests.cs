using Containment.Core.LibreChat;
using Containment.Core.LibreChat.Schema;
using static Containment.Tests.Infrastructure.ReaderTestKit;

namespace Containment.Tests.LibreChat.Schema;

/// <summary>
/// Issue 12 item 12: the reader's key sets come from the embedded schema (generated from librechat-data-provider,
/// tools/librechat-schema) instead of a hand-kept copy that had drifted from it.
/// </summary>
public class SchemaKeysTests
{
    [Fact]
    public void Key_sets_are_the_schema_objects_they_name()
    {
        Assert.Contains("instanceName", LibreChatSchemaKeys.AzureGroup);
        Assert.Contains("baseURL", LibreChatSchemaKeys.AzureGroup);
        Assert.Contains("vertex", LibreChatSchemaKeys.Anthropic);
        Assert.DoesNotContain("vertex", LibreChatSchemaKeys.OpenAI);
        // LibreChat's azureOpenAI block has no baseURL of its own (the groups do) and agents have none at all.
        Assert.DoesNotContain("baseURL", LibreChatSchemaKeys.AzureOpenAI);
        Assert.DoesNotContain("baseURL", LibreChatSchemaKeys.Agents);
        Assert.Contains("command", LibreChatSchemaKeys.McpStdio);
        Assert.DoesNotContain("url", LibreChatSchemaKeys.McpStdio);
        Assert.DoesNotContain("headers", LibreChatSchemaKeys.McpWebSocket);
        Assert.Contains("proxy", LibreChatSchemaKeys.McpHttp);
        Assert.Contains("custom", LibreChatSchemaKeys.Endpoints);
    }

    [Fact]
    public void Fields_the_reader_gives_a_meaning_are_keys_the_schema_knows()
    {
        var oauth = SchemaKeys.At("mcpServers", SchemaKeys.Values, SchemaKeys.AnyOf + 3, "oauth");
        Assert.All(
            LibreChatSchemaKeys.EndpointReferenceFields,
            f => Assert.Contains(f, LibreChatSchemaKeys.OpenAI)
        );
        Assert.All(
            LibreChatSchemaKeys.WebSearchUrlFields,
            f => Assert.Contains(f, LibreChatSchemaKeys.WebSearch)
        );
        Assert.All(
            LibreChatSchemaKeys.WebSearchKeyFields,
            f => Assert.Contains(f, LibreChatSchemaKeys.WebSearch)
        );
        Assert.All(LibreChatSchemaKeys.OAuthUrlFields, f => Assert.Contains(f, oauth));
    }

    [Theory]
    [InlineData("endpoints", "nowhere")]
    [InlineData("mcpServers", "*", "anyOf:9")]
    [InlineData("version")]
    public void A_path_the_schema_does_not_have_fails_loudly(params string[] path) =>
        Assert.Throws<InvalidOperationException>(() => SchemaKeys.At(path));

    /// <summary>
    /// The hand-kept list accepted <c>deferLoading</c> on MCP servers; librechat-data-provider 0.8.524 (the schema's
    /// version; its dist/types/mcp.d.ts has no such key) strips it, so LibreChat ignores it and the reader says so.
    /// </summary>
    [Fact]
    public void An_mcp_key_the_pinned_schema_does_not_have_is_reported_as_ignored()
    {
        Assert.Equal("0.8.524", LibreChatSchema.DataProviderVersion);
        var (_, diagnostics) = Read(
            "version: \"1.3.1\"\n"
                + "mcpServers:\n"
                + "  docs:\n"
                + "    url: https://mcp.example.com/sse\n"
                + "    deferLoading: true\n"
        );

        Assert.Contains(
            diagnostics.Items,
            d => d.Code == "CT2003" && d.Message.Contains("deferLoading", StringComparison.Ordinal)
        );
    }
}
