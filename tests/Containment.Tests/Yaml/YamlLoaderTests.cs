using System.Text;
using Containment.Core.Diagnostics;
using Containment.Core.IO;
using Containment.Core.Yaml;
using Containment.Tests.Infrastructure;
using Moq;
using static Containment.Tests.Infrastructure.ReaderTestKit;

namespace Containment.Tests.Yaml;

public class YamlLoaderTests
{
    // Verdicts checked against js-yaml 4.3.2 (LibreChat's parser).
    [Theory]
    [InlineData("", YScalarKind.Null)]
    [InlineData("~", YScalarKind.Null)]
    [InlineData("null", YScalarKind.Null)]
    [InlineData("Null", YScalarKind.Null)]
    [InlineData("NULL", YScalarKind.Null)]
    [InlineData("nULL", YScalarKind.String)]
    [InlineData("true", YScalarKind.Bool)]
    [InlineData("True", YScalarKind.Bool)]
    [InlineData("FALSE", YScalarKind.Bool)]
    [InlineData("tRue", YScalarKind.String)]
    [InlineData("yes", YScalarKind.String)]
    [InlineData("0x1F", YScalarKind.Int)]
    [InlineData("-0x1F", YScalarKind.Int)]
    [InlineData("0o17", YScalarKind.Int)]
    [InlineData("0b101", YScalarKind.Int)]
    [InlineData("017", YScalarKind.Int)]
    [InlineData("+1", YScalarKind.Int)]
    [InlineData("-0", YScalarKind.Int)]
    [InlineData("1_000", YScalarKind.String)]
    [InlineData("0x", YScalarKind.String)]
    [InlineData("1.0", YScalarKind.Float)]
    [InlineData("1.", YScalarKind.Float)]
    [InlineData(".5", YScalarKind.Float)]
    [InlineData("-.5", YScalarKind.String)]
    [InlineData("1e5", YScalarKind.Float)]
    [InlineData("0.5e+3", YScalarKind.Float)]
    [InlineData("1e", YScalarKind.String)]
    [InlineData(".inf", YScalarKind.Float)]
    [InlineData("-.Inf", YScalarKind.Float)]
    [InlineData(".NaN", YScalarKind.Float)]
    [InlineData("1.2.3", YScalarKind.String)]
    [InlineData("2024-01-01", YScalarKind.Timestamp)]
    [InlineData("https://api.example.com", YScalarKind.String)]
    public void Plain_scalars_are_typed_as_js_yaml_types_them(string text, YScalarKind expected)
    {
        var diagnostics = new DiagnosticBag();
        var root = (YMapping)Parse("a: " + text + "\n", diagnostics)!;
        Assert.Equal(expected, ((YScalar)root["a"]!).Kind);
    }

    [Theory]
    [InlineData("\"1.0\"")]
    [InlineData("'true'")]
    [InlineData("!!str 1.0")]
    [InlineData("|\n  null\n")]
    public void Quoted_block_and_str_tagged_scalars_are_strings(string text)
    {
        var root = (YMapping)Parse("a: " + text + "\n", new DiagnosticBag())!;
        Assert.Equal(YScalarKind.String, ((YScalar)root["a"]!).Kind);
    }

    [Fact]
    public void Nodes_carry_one_based_line_and_column()
    {
        var root = (YMapping)Parse("a:\n  b: [x, y]\n", new DiagnosticBag())!;
        var b = ((YMapping)root["a"]!).Find("b")!;
        Assert.Equal((2, 3), (b.Key.Line, b.Key.Column));
        var y = ((YSequence)b.Value).Items[1];
        Assert.Equal((2, 10), (y.Line, y.Column));
    }

    [Theory]
    [InlineData("a: 1\na: 2\n", "a")]
    [InlineData("a: 1\n\"a\": 2\n", "a")]
    [InlineData("m: {k: 1, k: 2}\n", "k")]
    [InlineData("1: x\n\"1\": y\n", "1")]
    public void Duplicated_keys_are_one_error_at_the_second_key(string yaml, string key)
    {
        var diagnostics = new DiagnosticBag();
        Assert.Null(Parse(yaml, diagnostics));
        var d = Single(diagnostics);
        Assert.Equal("CT1009", d.Code);
        Assert.Contains($"\"{key}\"", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Merge_keys_follow_js_yaml_explicit_keys_win_and_merged_keys_can_be_overridden()
    {
        var yaml =
            "base: &b {p: 1, q: 2}\nafter:\n  <<: *b\n  p: 9\nbefore:\n  p: 8\n  <<: *b\nlist:\n  <<: [*b, {r: 3}]\n";
        var root = (YMapping)Parse(yaml, new DiagnosticBag())!;
        string Value(string map, string key) => ((YScalar)((YMapping)root[map]!)[key]!).Value;
        Assert.Equal("9", Value("after", "p"));
        Assert.Equal("2", Value("after", "q"));
        Assert.Equal("8", Value("before", "p"));
        Assert.Equal("3", Value("list", "r"));
        Assert.Null(((YMapping)root["after"]!)["<<"]);
    }

    [Fact]
    public void A_quoted_merge_key_is_an_ordinary_key()
    {
        var root = (YMapping)Parse("m:\n  \"<<\": 5\n", new DiagnosticBag())!;
        Assert.NotNull(((YMapping)root["m"]!)["<<"]);
    }

    [Fact]
    public void Merging_a_scalar_is_an_error()
    {
        var diagnostics = new DiagnosticBag();
        Assert.Null(Parse("m:\n  <<: 5\n", diagnostics));
        Assert.Equal("CT1014", Single(diagnostics).Code);
    }

    [Fact]
    public void Aliases_share_the_anchored_node()
    {
        var root = (YMapping)Parse("a: &x {k: v}\nb: *x\n", new DiagnosticBag())!;
        Assert.Same(root["a"], root["b"]);
    }

    [Fact]
    public void An_alias_before_its_anchor_is_an_error()
    {
        var diagnostics = new DiagnosticBag();
        Assert.Null(Parse("a: *x\nb: &x 1\n", diagnostics));
        var d = Single(diagnostics);
        Assert.Equal(("CT1013", 1), (d.Code, d.Span.Line));
    }

    [Fact]
    public void A_billion_laughs_file_is_refused_with_one_diagnostic()
    {
        var diagnostics = new DiagnosticBag();
        Assert.Null(
            YamlLoader.LoadFile(
                Fixture("alias-bomb.yaml"),
                PhysicalFileSystem.Instance,
                diagnostics,
                "alias-bomb.yaml"
            )
        );
        var d = Single(diagnostics);
        Assert.Equal("CT1011", d.Code);
        Assert.True(d.Span.HasPosition);
    }

    [Fact]
    public void Alias_budget_counts_expanded_nodes()
    {
        var limits = new YamlLimits { MaxAliasNodes = 10 };
        var ok = new DiagnosticBag();
        Assert.NotNull(Parse("a: &x [1, 2, 3]\nb: *x\nc: *x\n", ok, limits));
        var tooMany = new DiagnosticBag();
        Assert.Null(Parse("a: &x [1, 2, 3]\nb: *x\nc: *x\nd: *x\n", tooMany, limits));
        Assert.Equal("CT1011", Single(tooMany).Code);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Deep_nesting_is_refused_without_overflowing_the_stack(bool flow)
    {
        const int depth = 100_000;
        var yaml = flow
            ? "a: " + new string('[', depth) + new string(']', depth) + "\n"
            : string.Concat(
                Enumerable.Range(0, 2_000).Select(i => new string(' ', i * 2) + "k:\n")
            );
        var diagnostics = new DiagnosticBag();
        Assert.Null(Parse(yaml, diagnostics));
        var d = Single(diagnostics);
        Assert.Equal("CT1012", d.Code);
        Assert.True(d.Span.HasPosition);
    }

    [Fact]
    public void Nesting_through_aliases_counts_too()
    {
        var limits = new YamlLimits { MaxDepth = 5 };
        var diagnostics = new DiagnosticBag();
        Assert.Null(Parse("a: &x [[[1]]]\nb: [[*x]]\n", diagnostics, limits));
        Assert.Equal("CT1012", Single(diagnostics).Code);
    }

    [Fact]
    public void A_second_document_is_an_error_at_its_start()
    {
        var diagnostics = new DiagnosticBag();
        Assert.Null(Parse("a: 1\n---\nb: 2\n", diagnostics));
        var d = Single(diagnostics);
        Assert.Equal(("CT1008", 2), (d.Code, d.Span.Line));
    }

    [Fact]
    public void One_document_with_explicit_markers_is_fine()
    {
        Assert.NotNull(Parse("---\na: 1\n...\n", new DiagnosticBag()));
    }

    [Theory]
    [InlineData("a:\n\tb: 1\n", 2)]
    [InlineData("a:\n  b: 1\n\tc: 2\n", 3)]
    [InlineData("a: >\n\tfolded\n", 2)]
    public void Tabs_in_indentation_give_a_clear_error(string yaml, int line)
    {
        var diagnostics = new DiagnosticBag();
        Assert.Null(Parse(yaml, diagnostics));
        var d = Single(diagnostics);
        Assert.Equal(("CT1010", line), (d.Code, d.Span.Line));
    }

    [Theory]
    [InlineData("a: {b: 1,\n\tc: 2}\n")]
    [InlineData("a:\t1\n")]
    [InlineData("a: |\n  x\n  \ty\n")]
    [InlineData("a: 1\n\t# a comment after a tab\n")]
    [InlineData("a:\n  - x\n  -\ty\n")]
    public void Tabs_js_yaml_accepts_are_accepted(string yaml)
    {
        var diagnostics = new DiagnosticBag();
        Assert.NotNull(Parse(yaml, diagnostics));
        Assert.Empty(diagnostics.Items);
    }

    [Theory]
    [InlineData("a:\n  - \"first\nsecond\"\n", "first second")]
    [InlineData("a:\n  b: 'one\n\ttwo'\n", "one two")]
    [InlineData("a:\n    b: \"x\n  y\"\n    c: z\n", "x y")]
    public void Quoted_continuation_lines_at_any_indentation_are_accepted_as_in_js_yaml(
        string yaml,
        string value
    )
    {
        var diagnostics = new DiagnosticBag();
        var root = (YMapping)Parse(yaml, diagnostics)!;
        Assert.Empty(diagnostics.Items);
        var a = root["a"]!;
        var scalar = a is YSequence seq
            ? (YScalar)seq.Items[0]
            : (YScalar)((YMapping)a).Entries[0].Value;
        Assert.Equal(value, scalar.Value);
    }

    [Fact]
    public void A_syntax_error_is_one_diagnostic_with_a_position_and_no_yamldotnet_prefix()
    {
        var diagnostics = new DiagnosticBag();
        Assert.Null(
            YamlLoader.LoadFile(
                Fixture("syntax-error.yaml"),
                PhysicalFileSystem.Instance,
                diagnostics,
                "syntax-error.yaml"
            )
        );
        var d = Single(diagnostics);
        Assert.Equal("CT1007", d.Code);
        Assert.Equal(5, d.Span.Line);
        Assert.DoesNotContain("Idx:", d.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a:\n    b: 1\n  c: 2\n")]
    [InlineData("a: [1, 2\n")]
    [InlineData("a: \"unterminated\n")]
    [InlineData("- a\nb: c\n")]
    [InlineData(": 1\n")]
    public void Malformed_yaml_never_throws(string yaml)
    {
        var diagnostics = new DiagnosticBag();
        Assert.Null(Parse(yaml, diagnostics));
        Assert.Single(diagnostics.Items);
        Assert.True(diagnostics.Items[0].Span.HasPosition);
    }

    [Fact]
    public void A_yamldotnet_internal_failure_is_still_one_syntax_error_with_position()
    {
        // An unclosed flow sequence followed by a key makes YamlDotNet throw InvalidOperationException;
        // js-yaml says "missed comma between flow collection entries (3:1)".
        var diagnostics = new DiagnosticBag();
        Assert.Null(Parse("# c\nversion: [\"1.3.1\"\ncache: true\n", diagnostics));
        var d = Single(diagnostics);
        Assert.Equal(("CT1007", 3, 1), (d.Code, d.Span.Line, d.Span.Column));
    }

    [Fact]
    public void Unknown_tags_are_errors()
    {
        var diagnostics = new DiagnosticBag();
        Assert.Null(Parse("a: !!python/object foo\n", diagnostics));
        Assert.Equal("CT1015", Single(diagnostics).Code);
    }

    [Fact]
    public void A_list_key_becomes_its_comma_joined_string_as_in_js_yaml()
    {
        var root = (YMapping)Parse("? [a, b]\n: 1\n", new DiagnosticBag())!;
        Assert.NotNull(root["a,b"]);
    }

    [Fact]
    public void Bom_and_crlf_are_accepted()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }
            .Concat(Encoding.UTF8.GetBytes("a: 1\r\nb:\r\n  c: x\r\n"))
            .ToArray();
        var diagnostics = new DiagnosticBag();
        var root = (YMapping)YamlLoader.Load(bytes, "t.yaml", diagnostics)!;
        Assert.Empty(diagnostics.Items);
        var c = ((YMapping)root["b"]!)["c"]!;
        Assert.Equal(("x", 3, 6), (((YScalar)c).Value, c.Line, c.Column));
    }

    [Fact]
    public void Nul_bytes_are_binary_data()
    {
        var diagnostics = new DiagnosticBag();
        Assert.Null(
            YamlLoader.Load([(byte)'a', (byte)':', 0, 1, 2, 0xFF], "bin.yaml", diagnostics)
        );
        Assert.Equal("CT1005", Single(diagnostics).Code);
    }

    [Fact]
    public void Invalid_utf8_is_one_diagnostic_with_its_line()
    {
        var diagnostics = new DiagnosticBag();
        Assert.Null(
            YamlLoader.Load(
                [.. Encoding.UTF8.GetBytes("a: 1\nb: "), 0xC3, 0x28, (byte)'\n'],
                "bad.yaml",
                diagnostics
            )
        );
        var d = Single(diagnostics);
        Assert.Equal(("CT1006", 2), (d.Code, d.Span.Line));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n")]
    [InlineData("# only a comment\n")]
    [InlineData("---\n")]
    public void Empty_files_are_one_diagnostic_with_the_file_name_only(string text)
    {
        var diagnostics = new DiagnosticBag();
        Assert.Null(YamlLoader.Load(Encoding.UTF8.GetBytes(text), "empty.yaml", diagnostics));
        var d = Single(diagnostics);
        Assert.Equal("CT1003", d.Code);
        Assert.False(d.Span.HasPosition);
        Assert.Equal("empty.yaml", d.Span.ToString());
    }

    [Fact]
    public void A_missing_file_is_one_diagnostic_with_the_file_name_only()
    {
        var diagnostics = new DiagnosticBag();
        Assert.Null(YamlLoader.LoadFile("nope.yaml", new InMemoryFileSystem(), diagnostics));
        var d = Single(diagnostics);
        Assert.Equal(
            ("CT1001", "nope.yaml: error CT1001: the file was not found"),
            (d.Code, d.Render())
        );
    }

    [Fact]
    public void A_directory_is_one_diagnostic()
    {
        var diagnostics = new DiagnosticBag();
        Assert.Null(
            YamlLoader.LoadFile(
                "infra",
                new InMemoryFileSystem().WithDirectory("infra"),
                diagnostics
            )
        );
        Assert.Equal("CT1002", Single(diagnostics).Code);
    }

    [Fact]
    public void An_oversized_file_is_refused_before_it_is_read()
    {
        var fs = new Mock<IFileSystem>(MockBehavior.Strict);
        fs.Setup(f => f.DirectoryExists("big.yaml")).Returns(false);
        fs.Setup(f => f.FileExists("big.yaml")).Returns(true);
        fs.Setup(f => f.GetFileLength("big.yaml")).Returns(17L * 1024 * 1024);
        var diagnostics = new DiagnosticBag();
        Assert.Null(YamlLoader.LoadFile("big.yaml", fs.Object, diagnostics));
        Assert.Equal("CT1004", Single(diagnostics).Code);
        fs.Verify(f => f.ReadAtMost(It.IsAny<string>(), It.IsAny<long>()), Times.Never);
    }

    [Fact]
    public void An_unreadable_file_is_a_diagnostic_not_an_exception()
    {
        var fs = new Mock<IFileSystem>();
        fs.Setup(f => f.FileExists("locked.yaml")).Returns(true);
        fs.Setup(f => f.GetFileLength("locked.yaml")).Returns(10);
        fs.Setup(f => f.ReadAtMost("locked.yaml", It.IsAny<long>()))
            .Throws(new UnauthorizedAccessException("denied"));
        var diagnostics = new DiagnosticBag();
        Assert.Null(YamlLoader.LoadFile("locked.yaml", fs.Object, diagnostics));
        Assert.Equal("CT1017", Single(diagnostics).Code);
    }
}
