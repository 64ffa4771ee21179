using Containment.Core.Diagnostics;

namespace Containment.Core.Settings;

/// <summary>
/// A settings value independent of where it came from (a YAML stack file or PULUMI_CONFIG JSON), so one
/// binder checks types for both sources and reports positions when the source has them.
/// </summary>
internal abstract record SettingNode(SourceSpan Span)
{
    public abstract string Kind { get; }
}

internal sealed record SettingScalar(string Value, SourceSpan Span) : SettingNode(Span)
{
    public override string Kind => "a scalar";
}

internal sealed record SettingMap(
    IReadOnlyList<KeyValuePair<string, SettingNode>> Entries,
    SourceSpan Span
) : SettingNode(Span)
{
    public override string Kind => "a mapping";
}

internal sealed record SettingList(IReadOnlyList<SettingNode> Items, SourceSpan Span)
    : SettingNode(Span)
{
    public override string Kind => "a list";
}

/// <summary>A Pulumi secret (<c>secure:</c> in a stack file, or a key in PULUMI_CONFIG_SECRET_KEYS). Its value is never kept.</summary>
internal sealed record SettingSecret(SourceSpan Span) : SettingNode(Span)
{
    public override string Kind => "a secret";
}

internal sealed record SettingNull(SourceSpan Span) : SettingNode(Span)
{
    public override string Kind => "null";
}
