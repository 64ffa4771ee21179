using Containment.Core.LibreChat.Schema;

namespace Containment.Tests.LibreChat.Schema;

/// <summary>Expected values are what Node 20's <c>new URL(text)</c> does (throws = false).</summary>
public class WhatwgUrlTests
{
    [Theory]
    [InlineData("https://a.b/c", true)]
    [InlineData("localhost:3000", true)]
    [InlineData("mailto:x", true)]
    [InlineData("http:example.com", true)]
    [InlineData("  https://x.com  ", true)]
    [InlineData("file:", true)]
    [InlineData("ws://h/", true)]
    [InlineData("http://[::1]:80/", true)]
    [InlineData("http://0x7f.1/", true)]
    [InlineData("https://_under.example/", true)]
    [InlineData("https://host:/", true)]
    [InlineData("http://ex%41mple.com", true)]
    [InlineData("http://", false)]
    [InlineData("not a url", false)]
    [InlineData("http://1.2.3.256", false)]
    [InlineData("https://exa mple.com", false)]
    [InlineData("http://a:99999", false)]
    [InlineData("${MCP_URL}", false)]
    [InlineData("http://a%20b.com", false)]
    [InlineData("http://1.2.3.4.5/", false)]
    [InlineData("http://a@/x", false)]
    public void Agrees_with_Node(string text, bool parses)
    {
        Assert.Equal(parses, WhatwgUrl.IsValid(text));
    }
}
