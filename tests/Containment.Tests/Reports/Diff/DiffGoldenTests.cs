using Containment.Core.Reports;
using Containment.Tests.Infrastructure;

namespace Containment.Tests.Reports.Diff;

/// <summary>One golden Markdown comment per pull-request case, plus JSON and text for a few; read them rendered.</summary>
public class DiffGoldenTests
{
    public static TheoryData<string> Cases => new(DiffCases.Names);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Markdown_comment_matches_its_golden_file(string name)
    {
        var (baseSide, head) = DiffCases.Get(name);
        Baseline.Match(
            $"diff-{name}",
            "expected.md",
            DiffMarkdownRenderer.Render(PolicyDiff.Compare(baseSide, head))
        );
    }

    [Theory]
    [InlineData("provider-added")]
    [InlineData("mcp-added")]
    [InlineData("base-invalid")]
    public void Json_matches_its_golden_file(string name)
    {
        var (baseSide, head) = DiffCases.Get(name);
        Baseline.Match(
            $"diff-{name}",
            "expected.json",
            DiffJsonWriter.Write(PolicyDiff.Compare(baseSide, head))
        );
    }

    [Theory]
    [InlineData("provider-added")]
    [InlineData("mode-flipped")]
    public void Text_matches_its_golden_file(string name)
    {
        var (baseSide, head) = DiffCases.Get(name);
        Baseline.Match(
            $"diff-{name}",
            "expected.txt",
            DiffTextRenderer.Render(PolicyDiff.Compare(baseSide, head))
        );
    }

    [Theory]
    [InlineData("provider-added", true)]
    [InlineData("provider-removed", false)]
    [InlineData("mcp-added", true)]
    [InlineData("mode-flipped", false)]
    [InlineData("decryption-on", false)]
    [InlineData("registry-changed", true)]
    [InlineData("empty", false)]
    [InlineData("base-invalid", true)]
    public void New_egress_gate_fires_only_when_something_new_is_permitted(
        string name,
        bool expected
    )
    {
        var (baseSide, head) = DiffCases.Get(name);
        Assert.Equal(expected, PolicyDiff.Compare(baseSide, head).HasNewEgress);
    }
}
