namespace Containment.Core.Reports;

/// <summary>The exit code of <c>diff</c>: 1 when the head has errors (it cannot deploy) or when the new-egress gate is on and fires.</summary>
public static class DiffGate
{
    public static int ExitCode(EgressDiff diff, bool failOnNewEgress)
    {
        ArgumentNullException.ThrowIfNull(diff);
        if (diff.HeadInvalid || diff.HeadErrorCount > 0)
        {
            return 1;
        }
        return failOnNewEgress && diff.HasNewEgress ? 1 : 0;
    }
}
