namespace Containment.Core.Baseline;

/// <summary>
/// Puts a logged 5-tuple the client-to-server way round. DCF rules are bidirectional and the data plane logs
/// either direction (shared/reference/aviatrix-dcf-logs.md §1.6: a sample logs <c>SRC_PORT=80 DST_PORT=46580</c>),
/// so the same connection would otherwise count as two flows. [Inferred, not documented] the endpoint with the
/// lower port is the server (service ports sit below the ephemeral range, and two high ports keep the lower one
/// as the listener); equal ports (ICMP logs 0 and 0) keep the order the line gives.
/// </summary>
public static class FlowDirection
{
    public static (string ClientIp, string ServerIp, int ServerPort) Normalize(
        string srcIp,
        int srcPort,
        string dstIp,
        int dstPort
    ) => srcPort < dstPort ? (dstIp, srcIp, srcPort) : (srcIp, dstIp, dstPort);
}
