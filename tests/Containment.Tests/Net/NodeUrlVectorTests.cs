using System.Text.Json;
using Containment.Core.Net;

namespace Containment.Tests.Net;

/// <summary>
/// Differential test: the host gate reads every vector exactly as Node's <c>new URL()</c> did when
/// tools/uts46/generate-vectors.mjs wrote the fixture (hostname and port, or failure).
/// </summary>
public class NodeUrlVectorTests
{
    private static readonly string FixturePath = Path.Combine(
        AppContext.BaseDirectory,
        "Fixtures",
        "net",
        "node-url-hosts.jsonl"
    );

    [Fact]
    public void Every_vector_parses_as_node_parsed_it()
    {
        var mismatches = new List<string>();
        var count = 0;
        var conservative = 0;
        foreach (var line in File.ReadLines(FixturePath).Skip(1))
        {
            using var json = JsonDocument.Parse(line);
            var input = json.RootElement.GetProperty("input").GetString()!;
            var expected = json.RootElement.GetProperty("host").GetString();
            var expectedPort = json.RootElement.GetProperty("port").GetString();
            var (url, problem) = WhatwgHost.ParseUrl(input);
            var actualPort = url?.Port is { } p
                ? p.ToString(System.Globalization.CultureInfo.InvariantCulture)
                : "";
            count++;
            if (
                url is null
                && expected is not null
                && (
                    ConservativeRefusal(expected)
                    || MarksInARow(input)
                    || HasInnerTabOrNewline(input)
                )
            )
            {
                conservative++;
                continue;
            }
            if (
                expected is null
                    ? url is not null
                    : url is null || url.Host != expected || actualPort != expectedPort
            )
            {
                mismatches.Add(
                    $"{JsonSerializer.Serialize(input)}: node {expected ?? "FAIL"}:{expectedPort}, gate {url?.Host ?? problem.ToString()}:{actualPort}"
                );
            }
        }
        Assert.True(count > 1500, $"only {count} vectors");
        Assert.True(conservative < count / 4, $"{conservative} conservative refusals");
        Assert.True(
            mismatches.Count == 0,
            $"{mismatches.Count} of {count} differ from Node:\n"
                + string.Join("\n", mismatches.Take(40))
        );
    }

    /// <summary>
    /// The two documented cases where the gate refuses a host Node accepts (never the other way round): a
    /// right-to-left label (ada's bidi rule is not implemented) and two combining marks in a row (NFC reordering
    /// needs combining classes the build does not carry). Read from Node's own result, decoded.
    /// </summary>
    private static bool ConservativeRefusal(string nodeHost)
    {
        foreach (var label in nodeHost.Split('.'))
        {
            if (
                !label.StartsWith("xn--", StringComparison.Ordinal)
                || Punycode.Decode(label[4..]) is not { } decoded
            )
            {
                continue;
            }
            var previousMark = false;
            foreach (var c in decoded)
            {
                if (
                    c
                    is >= '\u0590'
                        and <= '\u08FF'
                        or >= '\uFB1D'
                        and <= '\uFDFF'
                        or >= '\uFE70'
                        and <= '\uFEFF'
                )
                {
                    return true;
                }
                var mark =
                    System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c)
                    is System.Globalization.UnicodeCategory.NonSpacingMark
                        or System.Globalization.UnicodeCategory.SpacingCombiningMark
                        or System.Globalization.UnicodeCategory.EnclosingMark;
                if (mark && previousMark)
                {
                    return true;
                }
                previousMark = mark;
            }
        }
        return false;
    }

    private static bool MarksInARow(string input)
    {
        var previousMark = false;
        foreach (var c in input.Replace("\u00AD", "", StringComparison.Ordinal))
        {
            var mark =
                System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c)
                is System.Globalization.UnicodeCategory.NonSpacingMark
                    or System.Globalization.UnicodeCategory.SpacingCombiningMark
                    or System.Globalization.UnicodeCategory.EnclosingMark;
            if (mark && previousMark)
            {
                return true;
            }
            previousMark = mark;
        }
        return false;
    }

    /// <summary>Node drops tabs and newlines inside a URL; the gate refuses them (a reviewer would read another host).</summary>
    private static bool HasInnerTabOrNewline(string input) =>
        input.Trim().AsSpan().IndexOfAny('\t', '\n', '\r') >= 0;
}
