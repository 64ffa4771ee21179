using Containment.Core.Diagnostics;
using Containment.Core.LibreChat;
using Containment.Core.Model;
using static Containment.Tests.Infrastructure.ReaderTestKit;

namespace Containment.Tests.LibreChat;

public class InterpolationTests
{
    [Theory]
    [InlineData("${HOST}", "https://a.example", new string[0])]
    [InlineData("  ${HOST}  ", "https://a.example", new string[0])]
    [InlineData("${HOST}/v1", "https://a.example/v1", new string[0])]
    [InlineData(
        "https://${SUB}.example.com/${NOPE}",
        "https://api.example.com/${NOPE}",
        new[] { "NOPE" }
    )]
    [InlineData("${NOPE}", "${NOPE}", new[] { "NOPE" })]
    [InlineData("${EMPTY}", "${EMPTY}", new[] { "EMPTY" })]
    [InlineData("https://plain.example", "https://plain.example", new string[0])]
    public void Expand_matches_librechat(string value, string expected, string[] unresolved)
    {
        var env = Env(("HOST", "https://a.example"), ("SUB", "api"), ("EMPTY", ""));
        var result = EnvInterpolation.Expand(value, env);
        Assert.Equal(expected, result.Value);
        Assert.Equal(unresolved, result.Unresolved);
    }

    [Fact]
    public void Two_whole_value_variables_are_one_odd_name_and_stay_literal_as_in_librechat()
    {
        // LibreChat's /^\${(.+)}$/ is greedy: "${A}/${B}" is the single variable "A}/${B", never set.
        var result = EnvInterpolation.Expand(
            "${A}/${B}",
            Env(("A", "https://a.example"), ("B", "x"))
        );
        Assert.Equal("${A}/${B}", result.Value);
        Assert.Equal(["A}/${B"], result.Unresolved);
    }

    [Fact]
    public void The_schema_check_and_the_reader_share_one_expansion_of_two_whole_value_variables()
    {
        // Issue 12 item 12: the schema path used to expand ${A}/${B} to a valid URL while the reader kept the
        // literal. LibreChat keeps the literal (packages/data-provider/src/utils.ts extractEnvVariable), so the
        // URL is invalid to both.
        var yaml = "version: \"1\"\nmcpServers:\n  m:\n    url: \"${A}/${B}\"\n";
        var (config, diagnostics) = Read(yaml, Env(("A", "https://a.example"), ("B", "mcp")));
        Assert.Null(config!.McpServers.Single().Url!.Host);
        var schema = new DiagnosticBag();
        Containment.Core.LibreChat.Schema.LibreChatSchema.Validate(
            Parse(yaml, new DiagnosticBag()),
            "t.yaml",
            schema,
            name =>
                name switch
                {
                    "A" => "https://a.example",
                    "B" => "mcp",
                    _ => null,
                }
        );
        Assert.Contains(schema.Items, d => d.Code == "CT2107");
        Assert.Contains("CT2008", Codes(diagnostics));
    }

    [Theory]
    [InlineData("${MONGO_URI}")]
    [InlineData("https://${REDIS_URI}/x")]
    public void Sensitive_variables_are_never_expanded(string value)
    {
        var env = Env(("MONGO_URI", "mongodb://secret"), ("REDIS_URI", "redis-secret"));
        var result = EnvInterpolation.Expand(value, env);
        Assert.Equal(value.Trim(), result.Value);
        Assert.NotEmpty(result.Sensitive);
    }

    [Theory]
    [InlineData(EnforcementMode.Monitor, Severity.Warning)]
    [InlineData(EnforcementMode.Enforce, Severity.Error)]
    public void An_unresolved_url_variable_is_a_diagnostic_by_mode_never_a_silent_drop(
        EnforcementMode mode,
        Severity severity
    )
    {
        var yaml = "version: \"1\"\nmcpServers:\n  m:\n    url: \"https://${MCP_HOST}/sse\"\n";
        var (config, diagnostics) = Read(yaml, mode: mode);
        var d = Single(diagnostics);
        Assert.Equal(("CT2008", severity, 4, 10), (d.Code, d.Severity, d.Span.Line, d.Span.Column));
        var url = config!.McpServers.Single().Url!;
        Assert.Equal(UrlState.Unresolved, url.State);
        Assert.Equal(["MCP_HOST"], url.UnresolvedVariables);
        Assert.Null(url.Host);
    }

    [Fact]
    public void Env_values_resolve_custom_base_urls()
    {
        var (config, diagnostics) = Read(
            "version: \"1\"\nendpoints:\n  custom:\n    - name: x\n      apiKey: k\n      baseURL: \"${BASE}\"\n      models: {default: [m]}\n",
            Env(("BASE", "https://openrouter.ai/api/v1"))
        );
        Assert.Empty(diagnostics.Items);
        Assert.Equal(
            ("openrouter.ai", UrlState.Resolved),
            (config!.Endpoints.Custom[0].BaseUrl.Host, config.Endpoints.Custom[0].BaseUrl.State)
        );
    }

    [Fact]
    public void Sensitive_variable_in_a_url_is_reported()
    {
        var (config, diagnostics) = Read(
            "version: \"1\"\nocr:\n  baseURL: \"${MONGO_URI}\"\n",
            Env(("MONGO_URI", "https://leak.example"))
        );
        Assert.Contains("CT2015", Codes(diagnostics));
        Assert.Equal(UrlState.Unresolved, config!.Ocr!.BaseUrl!.State);
    }

    [Fact]
    public void Web_search_literal_urls_are_ignored_with_a_warning()
    {
        var (config, diagnostics) = Read(
            "version: \"1\"\nwebSearch:\n  jinaApiUrl: \"https://api.jina.example\"\n"
        );
        Assert.Equal("CT2013", Single(diagnostics).Code);
        Assert.Equal(UrlState.Invalid, config!.WebSearch!.Urls["jinaApiUrl"].State);
    }

    [Fact]
    public void Web_search_variable_urls_take_the_variable_value()
    {
        var (config, diagnostics) = Read(
            "version: \"1\"\nwebSearch:\n  jinaApiUrl: \"${JINA_API_URL}\"\n",
            Env(("JINA_API_URL", "https://rerank.example.com"))
        );
        Assert.Empty(diagnostics.Items);
        Assert.Equal("rerank.example.com", config!.WebSearch!.Urls["jinaApiUrl"].Host);
    }
}
