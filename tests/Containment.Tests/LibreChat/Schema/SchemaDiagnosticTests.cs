using Containment.Core.Diagnostics;
using Containment.Core.LibreChat.Schema;
using static Containment.Tests.LibreChat.Schema.SchemaTestSupport;

namespace Containment.Tests.LibreChat.Schema;

/// <summary>What the diagnostics say and where they point, for each kind of failure.</summary>
public class SchemaDiagnosticTests
{
    [Theory]
    [InlineData(
        "invalid-models-mapping.yaml",
        "invalid-models-mapping.yaml(5,7): error CT2103: endpoints.anthropic.models: expected an array of strings, found a mapping"
    )]
    [InlineData(
        "invalid-unknown-root-key.yaml",
        "invalid-unknown-root-key.yaml(2,1): error CT2101: endpoint: unknown top-level key; did you mean 'endpoints'?"
    )]
    [InlineData(
        "invalid-unknown-endpoints-key.yaml",
        "invalid-unknown-endpoints-key.yaml(3,3): error CT2102: endpoints.openai: unknown key; did you mean 'openAI'?"
    )]
    [InlineData(
        "invalid-missing-version.yaml",
        "invalid-missing-version.yaml(1,1): error CT2104: version: required key is missing (a string)"
    )]
    [InlineData(
        "invalid-enum-value.yaml",
        "invalid-enum-value.yaml(2,15): error CT2105: fileStrategy: invalid value; expected one of 'local', 'firebase', 's3', 'azure_blob', 'cloudfront'"
    )]
    [InlineData(
        "invalid-out-of-range.yaml",
        "invalid-out-of-range.yaml(3,21): error CT2106: balance.reservationTtlMs: must be at least 10000"
    )]
    [InlineData(
        "invalid-fractional-integer.yaml",
        "invalid-fractional-integer.yaml(4,14): error CT2103: rateLimits.agentEvents.userMax: expected an integer, found a fractional number"
    )]
    [InlineData(
        "invalid-empty-models-default.yaml",
        "invalid-empty-models-default.yaml(8,18): error CT2106: endpoints.custom[0].models.default: must have at least 1 item, found 0"
    )]
    [InlineData(
        "invalid-null-section.yaml",
        "invalid-null-section.yaml(2,14): error CT2103: registration: expected a mapping, found null"
    )]
    [InlineData(
        "invalid-cloudfront-domain-url.yaml",
        "invalid-cloudfront-domain-url.yaml(3,11): error CT2107: cloudfront.domain: must be a valid URL"
    )]
    [InlineData(
        "invalid-mcp-websocket-obo.yaml",
        "invalid-mcp-websocket-obo.yaml(7,7): error CT2108: mcpServers.socket.obo: key is not allowed here"
    )]
    [InlineData(
        "invalid-mcp-stdio-missing-command.yaml",
        "invalid-mcp-stdio-missing-command.yaml(4,5): error CT2104: mcpServers.local.command: required key is missing (a string)"
    )]
    [InlineData(
        "invalid-scalar-root.yaml",
        "invalid-scalar-root.yaml(1,1): error CT2100: (root): expected a mapping, found a string"
    )]
    [InlineData(
        "invalid-empty-document.yaml",
        "invalid-empty-document.yaml: error CT2100: (root): expected a mapping, found an empty document"
    )]
    [InlineData(
        "invalid-empty-endpoints.yaml",
        "invalid-empty-endpoints.yaml(2,12): error CT2120: endpoints: at least one field must be provided"
    )]
    [InlineData(
        "invalid-modelspec-no-endpoint.yaml",
        "invalid-modelspec-no-endpoint.yaml(7,9): error CT2122: modelSpecs.list[0].preset.endpoint: endpoint is required unless the preset names a non-empty agent_id (the agents endpoint is then inferred)"
    )]
    [InlineData(
        "invalid-mcp-websocket-http-url.yaml",
        "invalid-mcp-websocket-http-url.yaml(5,10): error CT2123: mcpServers.socket.url: URL must use one of ws://, wss:// here"
    )]
    [InlineData(
        "invalid-mcp-sse-ws-url.yaml",
        "invalid-mcp-sse-ws-url.yaml(5,10): error CT2123: mcpServers.events.url: URL must not use ws://, wss:// here"
    )]
    [InlineData(
        "invalid-mcp-proxy-protocol.yaml",
        "invalid-mcp-proxy-protocol.yaml(6,12): error CT2123: mcpServers.tracker.proxy: URL must use one of http://, https://, socks://, socks5:// here"
    )]
    [InlineData(
        "invalid-mcp-unset-env-url.yaml",
        "invalid-mcp-unset-env-url.yaml(6,10): error CT2107: mcpServers.remote.url: must be a valid URL (after expanding environment variables; ${MCP_URL} not set)"
    )]
    [InlineData(
        "invalid-allowed-address-public.yaml",
        "invalid-allowed-address-public.yaml(4,7): error CT2124: endpoints.allowedAddresses[0]: allowedAddresses is scoped to private IP space; public IP literals are not permitted (use hostname:port if it resolves to a private IP)"
    )]
    [InlineData(
        "invalid-addparams-web-search.yaml",
        "invalid-addparams-web-search.yaml(10,21): error CT2125: endpoints.custom[0].addParams.web_search: `web_search` must be a boolean in addParams"
    )]
    [InlineData(
        "invalid-cloudfront-cookies.yaml",
        "invalid-cloudfront-cookies.yaml(4,3): error CT2126: cloudfront.cookieDomain: cookieDomain is required when imageSigning is \"cookies\""
    )]
    [InlineData(
        "invalid-reserved-custom-name.yaml",
        "invalid-reserved-custom-name.yaml(4,13): error CT2121: endpoints.custom[0].name: 'openAI' is a built-in endpoint name; custom endpoints cannot use azureOpenAI, openAI, google, anthropic, assistants, azureAssistants, agents, custom, bedrock"
    )]
    public void Fixture_reports_exactly_one_diagnostic_with_position_and_message(
        string fixture,
        string expected
    )
    {
        Assert.Equal([expected], Rendered(ValidateFixture(fixture)));
    }

    [Fact]
    public void Valid_fixtures_report_nothing()
    {
        foreach (var file in Directory.GetFiles(FixturesDirectory, "valid-*.yaml"))
        {
            Assert.Empty(ValidateFixture(Path.GetFileName(file)).Items);
        }
    }

    [Fact]
    public void Unknown_keys_in_non_strict_sections_are_ignored_like_zod_strips_them()
    {
        var bag = ValidateText(
            "version: 1.3.0\ninterface:\n  madeUpFlag: true\nspeech:\n  tts:\n    whatever: 1\n"
        );

        Assert.Empty(bag.Items);
    }

    [Fact]
    public void Every_failure_is_reported_not_just_the_first()
    {
        var bag = ValidateText("version: 1\nfileStrategy: nope\nbogus: true\n");

        Assert.Equal(
            [
                "librechat.yaml(1,10): error CT2103: version: expected a string, found a number",
                "librechat.yaml(2,15): error CT2105: fileStrategy: invalid value; expected one of 'local', 'firebase', 's3', 'azure_blob', 'cloudfront'",
                "librechat.yaml(3,1): error CT2101: bogus: unknown top-level key",
            ],
            Rendered(bag)
        );
    }

    [Fact]
    public void A_failed_union_reports_the_branch_that_got_furthest()
    {
        // An MCP server is stdio | websocket | sse | streamable-http. `type: sse` rules out the others,
        // so the complaint is about the sse branch's headers, not "command is missing" from stdio.
        var bag = ValidateText(
            "version: 1.3.0\nmcpServers:\n  s:\n    type: sse\n    url: https://x.example.com/sse\n    headers:\n      X-Count: 3\n"
        );

        Assert.Equal(
            [
                "librechat.yaml(7,16): error CT2103: mcpServers.s.headers.X-Count: expected a string, found a number",
            ],
            Rendered(bag)
        );
    }

    [Fact]
    public void A_union_with_no_branch_of_the_right_shape_names_the_accepted_shapes()
    {
        var bag = ValidateText("version: 1.3.0\nmcpServers:\n  s: [1, 2]\n");

        var diagnostic = Assert.Single(bag.Items);
        Assert.Equal(DiagnosticCatalog.SchemaWrongType, diagnostic.Descriptor);
        Assert.Equal("mcpServers.s: expected a mapping, found an array", diagnostic.Message);
    }

    [Fact]
    public void Quoted_numbers_are_strings_and_plain_ones_are_not()
    {
        Assert.Empty(ValidateText("version: \"1.3\"\n").Items);
        Assert.Equal(
            "version: expected a string, found a number",
            Assert.Single(ValidateText("version: 1.3\n").Items).Message
        );
    }

    [Fact]
    public void Env_references_in_MCP_URLs_expand_through_the_given_environment()
    {
        const string yaml =
            "version: 1.3.0\nmcpServers:\n  r:\n    type: streamable-http\n    url: \"${MCP_URL}\"\n";

        Assert.Empty(
            ValidateText(
                yaml,
                name => name == "MCP_URL" ? "https://mcp.example.com/mcp" : null
            ).Items
        );
        Assert.Equal(
            DiagnosticCatalog.RefineMcpUrlProtocol,
            Assert.Single(ValidateText(yaml, _ => "wss://mcp.example.com/").Items).Descriptor
        );
        Assert.Equal(
            DiagnosticCatalog.SchemaInvalidString,
            Assert.Single(ValidateText(yaml).Items).Descriptor
        );
    }

    [Fact]
    public void LibreChat_never_expands_its_own_infrastructure_secrets()
    {
        const string yaml =
            "version: 1.3.0\nmcpServers:\n  r:\n    type: sse\n    url: \"${MONGO_URI}\"\n";

        var diagnostic = Assert.Single(
            ValidateText(yaml, _ => "https://would-leak.example.com/").Items
        );
        Assert.Equal(DiagnosticCatalog.SchemaInvalidString, diagnostic.Descriptor);
    }

    [Fact]
    public void Messages_never_quote_the_offending_value()
    {
        var bag = ValidateText(
            "version: 1.3.0\nendpoints:\n  custom:\n    - name: x\n      apiKey: 987654321987\n      baseURL: sk-secret-value\n"
        );

        var messages = string.Join("\n", bag.Items.Select(d => d.Message));
        Assert.Contains(
            "endpoints.custom[0].apiKey: expected a string, found a number",
            messages,
            StringComparison.Ordinal
        );
        Assert.DoesNotContain("987654321987", messages, StringComparison.Ordinal);
    }

    [Fact]
    public void Schema_records_the_LibreChat_version_it_was_generated_from()
    {
        Assert.Equal("0.8.524", LibreChatSchema.DataProviderVersion);
        Assert.Equal("1.3.17", LibreChatSchema.ConfigVersion);
    }
}
