namespace Containment.Core.Model;

/// <summary>Why a host is allowed: a librechat.yaml line, a catalogue entry, or a stack setting.</summary>
public abstract record Provenance
{
    /// <summary>Stable sort key so provenance lists print in the same order every run.</summary>
    public abstract string SortKey { get; }
}

/// <summary>A value in librechat.yaml (<c>{"file","path","line","column"}</c> in plan JSON).</summary>
public sealed record ConfigProvenance(string File, string Path, int Line, int Column) : Provenance
{
    public override string SortKey =>
        FormattableString.Invariant($"0|{File}|{Line:D9}|{Column:D9}|{Path}");
}

/// <summary>A catalogue entry (<c>{"catalogue","version"}</c> in plan JSON), e.g. the registries catalogue 2026-11.</summary>
public sealed record CatalogProvenance(string Catalogue, string Version, string Entry) : Provenance
{
    public override string SortKey => $"1|{Catalogue}|{Version}|{Entry}";
}

/// <summary>A stack setting (<c>{"setting"}</c> in plan JSON), e.g. extraDestinations or mcpPlatform. <paramref name="At"/> is
/// where a stack file wrote it, when it came from one (PULUMI_CONFIG has no lines).</summary>
public sealed record SettingProvenance(
    string Setting,
    string? Detail = null,
    Containment.Core.Diagnostics.SourceSpan? At = null
) : Provenance
{
    public override string SortKey => $"2|{Setting}|{Detail}";
}
