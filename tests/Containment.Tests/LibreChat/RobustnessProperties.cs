using System.Text;
using Containment.Core.Diagnostics;
using Containment.Core.LibreChat;
using Containment.Core.Model;
using Containment.Core.Yaml;
using FsCheck.Xunit;
using static Containment.Tests.Infrastructure.ReaderTestKit;

namespace Containment.Tests.LibreChat;

/// <summary>Whatever the bytes, reading ends in a tree or in diagnostics: never an exception.</summary>
public class RobustnessProperties
{
    private static readonly string FullText = File.ReadAllText(Fixture("full.yaml"));

    [Property(MaxTest = 1000, Replay = "(9639289566101271980,6684054559392033343)")]
    public bool Arbitrary_bytes_never_throw(byte[] bytes)
    {
        var diagnostics = new DiagnosticBag();
        var root = YamlLoader.Load(bytes ?? [], "fuzz.yaml", diagnostics);
        if (root is not null)
        {
            LibreChatReader.Read(root, "fuzz.yaml", NoEnv, diagnostics);
        }
        return root is not null || diagnostics.HasErrors;
    }

    /// <summary>Mutating a realistic file (cut, duplicate, splice YAML punctuation) exercises the parser far more than random bytes.</summary>
    [Property(MaxTest = 1000, Replay = "(9639289566101271980,6684054559392033343)")]
    public bool Mutated_configs_never_throw(int position, int length, byte punctuation)
    {
        const string pieces = ":-[]{}&*!|>'\"#\t\n ,?%@`<";
        var at = (int)((uint)position % (uint)FullText.Length);
        var cut = Math.Min((int)((uint)length % 40u), FullText.Length - at);
        var insert = new string(pieces[punctuation % pieces.Length], 1 + (punctuation % 3));
        var text = FullText[..at] + insert + FullText[(at + cut)..];
        var diagnostics = new DiagnosticBag();
        var root = YamlLoader.Load(Encoding.UTF8.GetBytes(text), "fuzz.yaml", diagnostics);
        if (root is not null)
        {
            LibreChatReader.Read(root, "fuzz.yaml", NoEnv, diagnostics);
        }
        return root is not null || diagnostics.HasErrors;
    }
}
