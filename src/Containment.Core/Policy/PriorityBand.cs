namespace Containment.Core.Policy;

/// <summary>
/// A range of rule priorities reserved for one kind of rule (lower numbers are evaluated first). Rules the layout
/// names get a fixed home; any other rule's home is a stable hash of its name into
/// [<see cref="HashedFirst"/>, <see cref="HashedFirst"/> + <see cref="HashedCount"/>). The rest of the band up to
/// <see cref="Last"/> is room for collisions to spill into.
/// </summary>
public sealed record PriorityBand(
    string Kind,
    int First,
    int Last,
    int HashedFirst,
    int HashedCount
)
{
    public long HomeOf(string ruleName) =>
        HashedFirst + (long)(StableHash.Fnv1a64(ruleName) % (ulong)HashedCount);
}
