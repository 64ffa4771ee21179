using Containment.Core.Diagnostics;

namespace Containment.Core.LibreChat;

/// <summary>
/// A value that decides a host but holds a variable with no value. The reader only records it: whether an
/// unknown host is a warning (monitor mode) or an error (enforce mode) is the policy stage's call, so the
/// reader never needs the enforcement mode (EgressInventoryBuilder reports these at the mode's severity).
/// </summary>
public sealed record UnresolvedValue(Diagnostic Finding)
{
    public SourceSpan Span => Finding.Span;
}
