using System.Text;
using System.Text.Encodings.Web;

namespace Containment.Core.IO;

/// <summary>
/// <see cref="JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/> (non-ASCII stays readable, no HTML escaping) that also
/// writes <see cref="InvisibleCharacters"/> as <c>\uXXXX</c>. The relaxed encoder passes U+202E and the zero-width
/// characters through raw, so a name from librechat.yaml in a Terraform <c>"//"</c> comment could reorder what a
/// reviewer reads in the PR diff. JSON readers decode the escape to the same string.
/// </summary>
internal sealed class VisibleJsonEncoder : JavaScriptEncoder
{
    public static VisibleJsonEncoder Instance { get; } = new();

    private static readonly JavaScriptEncoder Relaxed = UnsafeRelaxedJsonEscaping;

    // "\uXXXX" twice for a scalar outside the BMP.
    public override int MaxOutputCharactersPerInputCharacter =>
        Math.Max(Relaxed.MaxOutputCharactersPerInputCharacter, 12);

    public override unsafe int FindFirstCharacterToEncode(char* text, int textLength)
    {
        var relaxed = Relaxed.FindFirstCharacterToEncode(text, textLength);
        var span = new ReadOnlySpan<char>(text, relaxed < 0 ? textLength : relaxed);
        for (var i = 0; i < span.Length; )
        {
            if (
                Rune.DecodeFromUtf16(span[i..], out var rune, out var used)
                != System.Buffers.OperationStatus.Done
            )
            {
                return i;
            }
            if (InvisibleCharacters.Is(rune.Value))
            {
                return i;
            }
            i += used;
        }
        return relaxed;
    }

    public override unsafe bool TryEncodeUnicodeScalar(
        int unicodeScalar,
        char* buffer,
        int bufferLength,
        out int numberOfCharactersWritten
    )
    {
        if (!InvisibleCharacters.Is(unicodeScalar))
        {
            return Relaxed.TryEncodeUnicodeScalar(
                unicodeScalar,
                buffer,
                bufferLength,
                out numberOfCharactersWritten
            );
        }
        var escaped = InvisibleCharacters.Escape(unicodeScalar);
        if (escaped.Length > bufferLength)
        {
            numberOfCharactersWritten = 0;
            return false;
        }
        escaped.AsSpan().CopyTo(new Span<char>(buffer, bufferLength));
        numberOfCharactersWritten = escaped.Length;
        return true;
    }

    public override bool WillEncode(int unicodeScalar) =>
        InvisibleCharacters.Is(unicodeScalar) || Relaxed.WillEncode(unicodeScalar);
}
