using Containment.Core.LibreChat.Schema;

namespace Containment.Tests.LibreChat.Schema;

/// <summary>Expected values are what Node 20 does with the same text.</summary>
public class JsRegexTests
{
    [Theory]
    [InlineData("^image/(jpeg|png)$", true)]
    [InlineData("(?:a|b)", true)]
    [InlineData("(?<=x)y", true)]
    [InlineData("(?<kind>image)/.*", true)]
    [InlineData("^image/(jpeg|png$", false)]
    [InlineData("(?i)image", false)]
    [InlineData("[z-a]", false)]
    public void Regex_syntax_is_judged_like_new_RegExp(string pattern, bool valid)
    {
        Assert.Equal(valid, JsRegex.IsValidJavaScriptRegex(pattern));
    }

    [Theory]
    [InlineData("  x \t", "x")]
    [InlineData("\uFEFFx\u3000", "x")]
    [InlineData("\u0085x", "\u0085x")]
    public void Trim_matches_String_prototype_trim(string text, string trimmed)
    {
        Assert.Equal(trimmed, JsRegex.Trim(text));
    }

    [Theory]
    [InlineData(@"^[a-f\d]{24}$", "^[a-f0-9]{24}$")]
    [InlineData(@"\d+\.\d", @"[0-9]+\.[0-9]")]
    [InlineData(@"\\d", @"\\d")]
    public void Digit_class_becomes_ASCII_only(string javascript, string dotnet)
    {
        Assert.Equal(dotnet, JsRegex.ToDotNet(javascript));
    }
}
