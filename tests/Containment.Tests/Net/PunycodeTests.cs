using Containment.Core.Net;

namespace Containment.Tests.Net;

public class PunycodeTests
{
    // Expected values are RFC 3492 section 7.1 samples and Node's url.domainToASCII output.
    [Theory]
    [InlineData("bücher", "bcher-kva")]
    [InlineData("公司", "55qx5d")]
    [InlineData("münchen", "mnchen-3ya")]
    [InlineData("ليهمابتكلموشعربي؟", "egbpdaj6bu4bxfgehfvwxn")]
    [InlineData("😀", "e28h")]
    public void Encodes_and_decodes(string unicode, string encoded)
    {
        Assert.Equal(encoded, Punycode.Encode(unicode));
        Assert.Equal(unicode, Punycode.Decode(encoded));
    }

    [Theory]
    [InlineData("a-b-!")]
    [InlineData("99999999999999")]
    public void Rejects_what_is_not_punycode(string text)
    {
        Assert.Null(Punycode.Decode(text));
    }
}
