using Containment.Core.Model;

namespace Containment.Core.Catalog;

/// <summary>
/// Registry hosts the cluster's nodes need to pull LibreChat's images: the Helm chart's public images and
/// the cloud's own registry. Exact hosts from shared/reference/registry-hosts.md. Account, region and
/// registry name are lookup tokens when the stack settings do not give them.
/// </summary>
public static class RegistryCatalog
{
    public const string Name = "registries";

    public static Catalogue Instance { get; } =
        new(
            Name,
            CatalogVersion.Version,
            CatalogVersion.Date,
            [
                new(
                    "librechat",
                    ["registry.librechat.ai"],
                    "danny-avila/LibreChat:helm/librechat/values.yaml@045ff2bf image.registry"
                ),
                new(
                    "docker-hub",
                    [
                        "registry-1.docker.io",
                        "auth.docker.io",
                        "index.docker.io",
                        "production.cloudfront.docker.com",
                    ],
                    "docker/docs allow-list.md; PR #25108 (2026-05-19, CloudFront added), PR #25304 (2026-06-08, Cloudflare hosts removed)"
                ),
                new(
                    "ghcr",
                    ["ghcr.io", "pkg-containers.githubusercontent.com"],
                    "aquasecurity/trivy:docs/docs/references/troubleshooting.md"
                ),
                new(
                    "aws-ecr",
                    [
                        "{aws.accountId}.dkr.ecr.{aws.region}.amazonaws.com",
                        "api.ecr.{aws.region}.amazonaws.com",
                        "prod-{aws.region}-starport-layer-bucket.s3.{aws.region}.amazonaws.com",
                    ],
                    "https://docs.aws.amazon.com/general/latest/gr/ecr.html; ECR user guide vpc-endpoints.html (starport layer bucket)"
                ),
                new(
                    "azure-acr",
                    [
                        "{azure.registryName}.azurecr.io",
                        "{azure.registryName}.{azure.region}.data.azurecr.io",
                    ],
                    "https://learn.microsoft.com/en-us/azure/container-registry/container-registry-firewall-rules; container-registry-dedicated-data-endpoints"
                ),
                new(
                    "gcp-artifact-registry",
                    ["{gcp.location}-docker.pkg.dev"],
                    "https://docs.cloud.google.com/artifact-registry/docs/gke-private-clusters"
                ),
            ]
        );

    /// <summary>The chart's public images, needed on every cloud.</summary>
    public static IReadOnlyList<string> PublicEntryIds { get; } =
    ["docker-hub", "ghcr", "librechat"];

    /// <summary>The registry entry of a cloud, or null when no cloud is set.</summary>
    public static string? CloudEntryId(CloudProvider cloud) =>
        cloud switch
        {
            CloudProvider.Aws => "aws-ecr",
            CloudProvider.Azure => "azure-acr",
            CloudProvider.Gcp => "gcp-artifact-registry",
            _ => null,
        };
}
