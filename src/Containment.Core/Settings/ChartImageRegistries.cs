using Containment.Core.Diagnostics;

namespace Containment.Core.Settings;

/// <summary>A registry the LibreChat chart's values name for its images, as written, with where.</summary>
/// <param name="Value">The value as written: a registry host, maybe with a port or a repository prefix.</param>
/// <param name="At">Where the values file wrote it.</param>
/// <param name="Origin">Provenance text, <c>infra/values.yaml image.registry</c>.</param>
public sealed record ChartImageRegistry(string Value, SourceSpan At, string Origin);

/// <summary>
/// The registries the chart's values pull images from instead of the chart's public ones (issue 12 item 2).
/// </summary>
/// <param name="LibreChat">
/// <c>image.registry</c>: LibreChat's own image. helm/librechat/templates/deployment.yaml (danny-avila/LibreChat
/// @01f4caf3) renders <c>"{{ .Values.image.registry }}/{{ .Values.image.repository }}:..."</c>, so the value replaces
/// the chart's default registry and <c>global.imageRegistry</c> has no say over it.
/// </param>
/// <param name="Global">
/// <c>global.imageRegistry</c>: the Bitnami subcharts (mongodb, redis) render their images through
/// charts/mongodb/charts/common/templates/_images.tpl (@a7de06b2), <c>default .imageRoot.registry .global.imageRegistry</c>,
/// so a global registry wins over their docker.io default. The meilisearch chart ignores it
/// (meilisearch/meilisearch-kubernetes charts/meilisearch/templates/statefulset.yaml @03cca65c renders
/// <c>"{{ .Values.image.repository }}:{{ .Values.image.tag }}"</c>, a Docker Hub name).
/// </param>
public sealed record ChartImageRegistries(ChartImageRegistry? LibreChat, ChartImageRegistry? Global)
{
    /// <summary>The chart's defaults: nothing replaced.</summary>
    public static ChartImageRegistries None { get; } = new(null, null);
}
