using Containment.Core.LibreChat.Schema;

namespace Containment.Tests.LibreChat.Schema;

public class AllowedAddressTests
{
    [Theory]
    [InlineData("localhost:11434")]
    [InlineData("10.1.2.3:80")]
    [InlineData("192.168.0.10:443")]
    [InlineData("172.16.0.1:5432")]
    [InlineData("[::1]:11434")]
    [InlineData("[fd00::1]:8080")]
    [InlineData("[::ffff:10.0.0.1]:80")]
    [InlineData("ollama.internal:11434")]
    [InlineData("HOST.Example:0080")]
    public void Accepts_private_host_port_pairs(string entry)
    {
        Assert.Null(Refinements.AllowedAddressProblem(entry));
    }

    [Theory]
    [InlineData("", "must be non-empty")]
    [InlineData("   ", "must be non-empty")]
    [InlineData("http://10.0.0.1:80", "host:port pairs")]
    [InlineData("10.0.0.0/8", "host:port pairs")]
    [InlineData("localhost", "must include a port")]
    [InlineData("localhost:0", "must include a port")]
    [InlineData("localhost:70000", "must include a port")]
    [InlineData("::1:80", "must include a port")]
    [InlineData("8.8.8.8:53", "private IP space")]
    [InlineData("[2001:db8::1]:443", "private IP space")]
    [InlineData("[::ffff:8.8.8.8]:80", "private IP space")]
    public void Rejects_what_LibreChat_rejects(string entry, string reason)
    {
        Assert.Contains(reason, Refinements.AllowedAddressProblem(entry), StringComparison.Ordinal);
    }
}
