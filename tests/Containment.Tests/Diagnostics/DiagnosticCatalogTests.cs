using Containment.Core.Diagnostics;

namespace Containment.Tests.Diagnostics;

public class DiagnosticCatalogTests
{
    [Fact]
    public void Reader_codes_are_unique_in_range_and_documented()
    {
        var mine = DiagnosticCatalog
            .All.Where(d =>
                d.Code.StartsWith("CT1", StringComparison.Ordinal)
                || string.CompareOrdinal(d.Code, "CT2100") < 0
                    && d.Code.StartsWith("CT2", StringComparison.Ordinal)
            )
            .ToList();
        Assert.True(mine.Count >= 30);
        Assert.Equal(mine.Count, mine.Select(d => d.Code).Distinct(StringComparer.Ordinal).Count());
        Assert.All(
            mine,
            d =>
            {
                Assert.Matches("^CT(1[0-9]{3}|20[0-9]{2})$", d.Code);
                Assert.False(string.IsNullOrWhiteSpace(d.Title));
                Assert.False(string.IsNullOrWhiteSpace(d.Help));
            }
        );
    }
}
