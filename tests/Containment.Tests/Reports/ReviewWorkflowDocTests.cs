using Containment.Core.Reports;
using Containment.Tests.Infrastructure;
using Containment.Tests.Reports.Diff;

namespace Containment.Tests.Reports;

/// <summary>The PR comment pasted in docs/review-workflow.md is the renderer's output, kept current by this test.</summary>
public class ReviewWorkflowDocTests
{
    private const string Start = "<!-- example:diff-provider-added:start -->\n";
    private const string End = "<!-- example:diff-provider-added:end -->";

    [Fact]
    public void The_example_comment_in_the_docs_is_the_generated_provider_added_comment()
    {
        var (b, h) = DiffCases.Get("provider-added");
        var comment = DiffMarkdownRenderer.Render(PolicyDiff.Compare(b, h));
        var docPath = Path.Combine(
            Baseline.RepositoryRoot()
                ?? throw new InvalidOperationException("Containment.sln not found"),
            "docs",
            "review-workflow.md"
        );
        var doc = File.ReadAllText(docPath).ReplaceLineEndings("\n");
        var start = doc.IndexOf(Start, StringComparison.Ordinal) + Start.Length;
        var end = doc.IndexOf(End, StringComparison.Ordinal);
        Assert.True(
            start >= Start.Length && end >= start,
            "docs/review-workflow.md lost its example markers"
        );

        if (Environment.GetEnvironmentVariable("CONTAINMENT_ACCEPT") == "1")
        {
            File.WriteAllText(docPath, doc[..start] + comment + doc[end..]);
            return;
        }
        Assert.Equal(comment, doc[start..end]);
    }
}
