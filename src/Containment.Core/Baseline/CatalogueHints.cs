using Containment.Core.Catalog;

namespace Containment.Core.Baseline;

/// <summary>
/// For each catalogue entry, what a person would recognise and what switches it on in LibreChat. Keyed by entry id:
/// the hosts themselves stay in the catalogue (Catalog/ProviderCatalog.cs, RegistryCatalog.cs) and are matched
/// with <see cref="Policy.HostMatcher"/>. Env names from shared/reference/librechat-env-egress.md, yaml paths from
/// librechat-egress-surface.md. A test checks every catalogue entry has a hint, so new entries cannot be missed.
/// </summary>
public static class CatalogueHints
{
    public sealed record Hint(string Looks, string Enable);

    private static readonly Dictionary<string, Hint> Hints = new(StringComparer.Ordinal)
    {
        [Key(ProviderCatalog.Name, "openai")] = new(
            "OpenAI's API",
            "OPENAI_API_KEY / endpoints.openAI (or speech with provider openai)"
        ),
        [Key(ProviderCatalog.Name, "anthropic")] = new(
            "Anthropic's API",
            "ANTHROPIC_API_KEY / endpoints.anthropic"
        ),
        [Key(ProviderCatalog.Name, "google-gemini")] = new(
            "Google's Gemini API",
            "GOOGLE_KEY / endpoints.google"
        ),
        [Key(ProviderCatalog.Name, "google-vertex")] = new(
            "Google Vertex AI",
            "GOOGLE_LOC with a service key / endpoints.google, or ANTHROPIC_USE_VERTEX with ANTHROPIC_VERTEX_REGION"
        ),
        [Key(ProviderCatalog.Name, "google-vertex-global")] = new(
            "Google Vertex AI (global)",
            "GOOGLE_LOC=global / endpoints.google, or ANTHROPIC_USE_VERTEX"
        ),
        [Key(ProviderCatalog.Name, "google-vertex-multiregion")] = new(
            "Google Vertex AI (multi-region)",
            "GOOGLE_LOC=us|eu / endpoints.google"
        ),
        [Key(ProviderCatalog.Name, "google-oauth")] = new(
            "Google's OAuth token endpoint",
            "a Vertex AI service key (endpoints.google, ANTHROPIC_USE_VERTEX, Mistral OCR on Vertex)"
        ),
        [Key(ProviderCatalog.Name, "azure-openai")] = new(
            "Azure OpenAI",
            "AZURE_API_KEY with AZURE_OPENAI_API_INSTANCE_NAME / endpoints.azureOpenAI.groups[].instanceName"
        ),
        [Key(ProviderCatalog.Name, "bedrock-runtime")] = new(
            "Amazon Bedrock",
            "BEDROCK_AWS_DEFAULT_REGION / endpoints.bedrock"
        ),
        [Key(ProviderCatalog.Name, "bedrock-mantle")] = new(
            "OpenAI models on Amazon Bedrock",
            "an openai.* model in BEDROCK_AWS_MODELS / endpoints.bedrock.models"
        ),
        [Key(ProviderCatalog.Name, "serper")] = new(
            "Serper web search",
            "SERPER_API_KEY / webSearch.searchProvider: serper"
        ),
        [Key(ProviderCatalog.Name, "serper-scrape")] = new(
            "Serper's scraper",
            "SERPER_API_KEY / webSearch.scraperProvider: serper"
        ),
        [Key(ProviderCatalog.Name, "firecrawl")] = new(
            "Firecrawl",
            "FIRECRAWL_API_KEY / webSearch.scraperProvider: firecrawl"
        ),
        [Key(ProviderCatalog.Name, "tavily")] = new(
            "Tavily search",
            "TAVILY_API_KEY / webSearch.searchProvider: tavily"
        ),
        [Key(ProviderCatalog.Name, "keenable")] = new(
            "Keenable search",
            "webSearch.keenableApiKey / webSearch.searchProvider: keenable"
        ),
        [Key(ProviderCatalog.Name, "jina")] = new(
            "Jina's reranker",
            "JINA_API_KEY / webSearch.rerankerType: jina"
        ),
        [Key(ProviderCatalog.Name, "cohere")] = new(
            "Cohere's API",
            "COHERE_API_KEY / webSearch.rerankerType: cohere"
        ),
        [Key(ProviderCatalog.Name, "elevenlabs")] = new(
            "ElevenLabs speech",
            "speech.tts.elevenlabs / speech.stt.elevenlabs"
        ),
        [Key(ProviderCatalog.Name, "mistral-ocr")] = new(
            "Mistral's API (OCR)",
            "ocr.strategy: mistral_ocr (OCR_API_KEY, OCR_BASEURL)"
        ),
        [Key(ProviderCatalog.Name, "identity-google")] = new(
            "Google login",
            "GOOGLE_CLIENT_ID (social login)"
        ),
        [Key(ProviderCatalog.Name, "identity-github")] = new(
            "GitHub login",
            "GITHUB_CLIENT_ID (social login)"
        ),
        [Key(ProviderCatalog.Name, "identity-discord")] = new(
            "Discord login",
            "DISCORD_CLIENT_ID (social login)"
        ),
        [Key(ProviderCatalog.Name, "identity-facebook")] = new(
            "Facebook login",
            "FACEBOOK_CLIENT_ID (social login)"
        ),
        [Key(ProviderCatalog.Name, "identity-apple")] = new(
            "Apple login",
            "APPLE_CLIENT_ID (social login)"
        ),
        [Key(ProviderCatalog.Name, "firebase-storage")] = new(
            "Firebase storage",
            "fileStrategy: firebase (FIREBASE_* variables)"
        ),
        [Key(ProviderCatalog.Name, "npm")] = new(
            "the npm registry",
            "an mcpServers entry with command: npx"
        ),
        [Key(ProviderCatalog.Name, "npm-git-github")] = new(
            "a GitHub repository fetched by npm",
            "an mcpServers entry with command: npx and a github: (or owner/repo) package"
        ),
        [Key(ProviderCatalog.Name, "npm-git-gitlab")] = new(
            "a GitLab repository fetched by npm",
            "an mcpServers entry with command: npx and a gitlab: package"
        ),
        [Key(ProviderCatalog.Name, "npm-git-bitbucket")] = new(
            "a Bitbucket repository fetched by npm",
            "an mcpServers entry with command: npx and a bitbucket: package"
        ),
        [Key(ProviderCatalog.Name, "pypi")] = new("PyPI", "an mcpServers entry with command: uvx"),
        [Key(RegistryCatalog.Name, "librechat")] = new(
            "LibreChat's image registry",
            "nothing in LibreChat: image pulls come from librechat-nodes, whose registries permit already allows it"
        ),
        [Key(RegistryCatalog.Name, "docker-hub")] = new(
            "Docker Hub",
            "nothing in LibreChat: image pulls come from librechat-nodes, whose registries permit already allows it"
        ),
        [Key(RegistryCatalog.Name, "ghcr")] = new(
            "GitHub's container registry",
            "nothing in LibreChat: image pulls come from librechat-nodes, whose registries permit already allows it"
        ),
        [Key(RegistryCatalog.Name, "aws-ecr")] = new(
            "Amazon ECR",
            "cloudProvider: aws (and registry.awsAccountId / awsRegion)"
        ),
        [Key(RegistryCatalog.Name, "azure-acr")] = new(
            "Azure Container Registry",
            "cloudProvider: azure (and registry.azureRegistryName)"
        ),
        [Key(RegistryCatalog.Name, "gcp-artifact-registry")] = new(
            "Google Artifact Registry",
            "cloudProvider: gcp (and registry.gcpLocation)"
        ),
    };

    public static Hint? For(string catalogue, string entryId) =>
        Hints.GetValueOrDefault(Key(catalogue, entryId));

    private static string Key(string catalogue, string entryId) => catalogue + "/" + entryId;
}
