namespace Containment.Core.Catalog;

/// <summary>
/// Default hosts of LLM providers and of the services LibreChat calls (web search, speech, OCR, identity,
/// package registries for stdio MCP launchers). Sources are the ones cited in
/// shared/reference/llm-provider-hosts.md and librechat-egress-surface.md. Placeholders in braces
/// (<c>{awsRegion}</c>, <c>{gcpRegion}</c>, <c>{instanceName}</c>) are filled from the config by the inventory,
/// each only with a value of its <see cref="PlaceholderShapes"/> shape.
/// </summary>
public static class ProviderCatalog
{
    public const string Name = "providers";

    private const string LibreChatSurface = "shared/reference/librechat-egress-surface.md";

    public static Catalogue Instance { get; } =
        new(
            Name,
            CatalogVersion.Version,
            CatalogVersion.Date,
            [
                // LLM providers (built-in endpoints).
                new(
                    "openai",
                    ["api.openai.com"],
                    "openai/openai-python:src/openai/_client.py (default https://api.openai.com/v1)"
                ),
                new(
                    "anthropic",
                    ["api.anthropic.com"],
                    "anthropics/anthropic-sdk-python:src/anthropic/_client.py"
                ),
                new(
                    "google-gemini",
                    ["generativelanguage.googleapis.com"],
                    "googleapis/python-genai:google/genai/_api_client.py"
                ),
                new(
                    "google-vertex",
                    ["{gcpRegion}-aiplatform.googleapis.com"],
                    "googleapis/python-genai:google/genai/_api_client.py; anthropic-sdk-python lib/vertex/_client.py"
                ),
                new("google-vertex-global", ["aiplatform.googleapis.com"], "same, region 'global'"),
                new(
                    "google-vertex-multiregion",
                    ["aiplatform.{gcpMultiRegion}.rep.googleapis.com"],
                    "googleapis/python-genai _MULTI_REGIONAL_LOCATIONS {us, eu}"
                ),
                new(
                    "google-oauth",
                    ["oauth2.googleapis.com"],
                    "LibreChat packages/api/src/files/mistral/crud.ts exchangeJWTForAccessToken (google-auth token endpoint)"
                ),
                new(
                    "azure-openai",
                    ["{instanceName}.openai.azure.com"],
                    "LibreChat packages/api/src/utils/azure.ts genAzureEndpoint; MicrosoftDocs endpoints.md"
                ),
                new(
                    "bedrock-runtime",
                    ["bedrock-runtime.{awsRegion}.amazonaws.com"],
                    "https://docs.aws.amazon.com/bedrock/latest/userguide/endpoints.html"
                ),
                new(
                    "bedrock-mantle",
                    ["bedrock-mantle.{awsRegion}.api.aws"],
                    "danny-avila/LibreChat packages/api/src/endpoints/bedrock/mantle.ts@1ee32b29 getBedrockMantleBaseURL (openai.* models except gpt-oss)"
                ),
                // Web search, scrapers, rerankers (danny-avila/agents src/tools/search/*).
                new(
                    "serper",
                    ["google.serper.dev"],
                    "danny-avila/agents:src/tools/search/search.ts createSerperAPI"
                ),
                new(
                    "serper-scrape",
                    ["scrape.serper.dev"],
                    "danny-avila/agents:src/tools/search/serper-scraper.ts"
                ),
                new(
                    "firecrawl",
                    ["api.firecrawl.dev"],
                    "danny-avila/agents:src/tools/search/firecrawl.ts"
                ),
                new(
                    "tavily",
                    ["api.tavily.com"],
                    "danny-avila/agents:src/tools/search/tavily-search.ts"
                ),
                new(
                    "keenable",
                    ["api.keenable.ai"],
                    "danny-avila/agents:src/tools/search/keenable-search.ts"
                ),
                new("jina", ["api.jina.ai"], "danny-avila/agents:src/tools/search/rerankers.ts"),
                new(
                    "cohere",
                    ["api.cohere.com"],
                    "danny-avila/agents:src/tools/search/rerankers.ts; cohere-ai/cohere-python environment.py"
                ),
                // Speech and OCR.
                new(
                    "elevenlabs",
                    ["api.elevenlabs.io"],
                    "LibreChat api/server/services/Files/Audio/TTSService.js elevenLabsProvider"
                ),
                new(
                    "mistral-ocr",
                    ["api.mistral.ai"],
                    "LibreChat packages/api/src/files/mistral/crud.ts DEFAULT_MISTRAL_BASE_URL"
                ),
                // Identity (passport strategies; hosts per " + LibreChatSurface + " §3.15).
                new(
                    "identity-google",
                    ["accounts.google.com", "oauth2.googleapis.com", "www.googleapis.com"],
                    LibreChatSurface + " §3.15 (passport-google-oauth20)"
                ),
                new(
                    "identity-github",
                    ["github.com", "api.github.com"],
                    LibreChatSurface + " §3.15 (passport-github2)"
                ),
                new(
                    "identity-discord",
                    ["discord.com"],
                    "LibreChat api/strategies/discordStrategy.js authorizationURL"
                ),
                new(
                    "identity-facebook",
                    ["graph.facebook.com"],
                    LibreChatSurface + " §3.15 (passport-facebook)"
                ),
                new(
                    "identity-apple",
                    ["appleid.apple.com"],
                    LibreChatSurface + " §3.15 (passport-apple)"
                ),
                // File storage.
                new(
                    "firebase-storage",
                    ["firebasestorage.googleapis.com"],
                    LibreChatSurface + " §3.13 (Firebase JS SDK default; unverified)"
                ),
                // Package registries for stdio MCP launchers.
                new(
                    "npm",
                    ["registry.npmjs.org"],
                    LibreChatSurface + " §3.9 (npx -y downloads from the npm registry)"
                ),
                new(
                    "pypi",
                    ["pypi.org", "files.pythonhosted.org"],
                    LibreChatSurface + " §3.9 (uvx/pip download from PyPI)"
                ),
                new(
                    "npm-git-github",
                    ["github.com", "codeload.github.com"],
                    "npm/hosted-git-info lib/hosts.js (github tarballtemplate codeload.github.com, httpstemplate github.com) + npm/pacote lib/git.js (git ls-remote)"
                ),
                new(
                    "npm-git-gitlab",
                    ["gitlab.com"],
                    "npm/hosted-git-info lib/hosts.js (gitlab tarballtemplate and httpstemplate on gitlab.com)"
                ),
                new(
                    "npm-git-bitbucket",
                    ["bitbucket.org"],
                    "npm/hosted-git-info lib/hosts.js (bitbucket tarballtemplate and httpstemplate on bitbucket.org)"
                ),
            ]
        );
}
