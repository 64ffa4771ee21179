using System.Globalization;

namespace Containment.Core.Baseline;

/// <summary>Times in reports: ISO 8601 UTC to the second, so output is the same on every machine.</summary>
internal static class BaselineTime
{
    public static string? Format(long? unixSeconds) =>
        unixSeconds is { } s
            ? DateTimeOffset
                .FromUnixTimeSeconds(s)
                .UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
            : null;
}
