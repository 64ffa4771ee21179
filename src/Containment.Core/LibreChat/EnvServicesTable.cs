namespace Containment.Core.LibreChat;

/// <summary>
/// One non-LLM service LibreChat's pod calls because of its environment, whose hosts do not fit
/// <see cref="EnvFeature"/>: they come from a URL variable (an issuer, a server URL) or need every one of several
/// variables before LibreChat registers the service.
/// </summary>
/// <param name="Id">Stable name, used in provenance and tests.</param>
/// <param name="RequiredAll">LibreChat registers the service only when every one of these is set.</param>
/// <param name="UrlVariable">A URL variable whose host replaces <paramref name="DefaultHosts"/> (or is the only host) when set.</param>
/// <param name="DefaultHosts">The vendor hosts the pod calls when <paramref name="UrlVariable"/> is unset (port 443).</param>
/// <param name="Source">Where LibreChat decides this (repository path, commit read) and which calls are the pod's.</param>
/// <param name="AvatarHosts">
/// Where the provider serves the user's picture. With a file strategy other than <c>local</c> the pod downloads it at
/// sign-in to store it (api/strategies/process.js handleExistingUser/createSocialUser, resizeAvatar fetches the URL);
/// a failed fetch fails the sign-in.
/// </param>
public sealed record EnvService(
    string Id,
    IReadOnlyList<string> RequiredAll,
    string? UrlVariable,
    IReadOnlyList<string> DefaultHosts,
    string Source,
    IReadOnlyList<string>? AvatarHosts = null
);

/// <summary>
/// Logins LibreChat registers from its environment, whatever <c>registration.socialLogins</c> shows: that list only
/// picks the buttons (danny-avila/LibreChat api/server/socialLogins.js at 00b3bc32 registers each passport strategy
/// when its variables are set). Only calls the pod makes are hosts here: the authorize page is the user's browser
/// following a redirect, so accounts.google.com, www.facebook.com and a SAML IdP's sign-in page are not the pod's
/// egress; the token exchange, the profile fetch, OpenID discovery and JWKS are.
/// </summary>
public static class EnvServicesTable
{
    /// <summary>The LibreChat commit the login rows were read at.</summary>
    public const string LibreChatCommit = "danny-avila/LibreChat@00b3bc32";

    public const string Saml = "login-saml";

    public static IReadOnlyList<EnvService> Logins { get; } =
    [
        new(
            "login-google",
            ["GOOGLE_CLIENT_ID", "GOOGLE_CLIENT_SECRET"],
            null,
            ["www.googleapis.com"],
            LibreChatCommit
                + " api/server/socialLogins.js (GOOGLE_CLIENT_ID && GOOGLE_CLIENT_SECRET); jaredhanson/passport-google-oauth2 lib/strategy.js: tokenURL www.googleapis.com/oauth2/v4/token, userProfileURL www.googleapis.com/oauth2/v3/userinfo (authorize on accounts.google.com is the browser's)",
            // The userinfo 'picture' Google returns is served from lh3.googleusercontent.com.
            ["lh3.googleusercontent.com"]
        ),
        new(
            "login-github",
            ["GITHUB_CLIENT_ID", "GITHUB_CLIENT_SECRET"],
            "GITHUB_ENTERPRISE_BASE_URL",
            ["github.com", "api.github.com"],
            LibreChatCommit
                + " api/server/socialLogins.js; api/strategies/githubStrategy.js (GITHUB_ENTERPRISE_BASE_URL replaces tokenURL, userProfileURL, userEmailURL); passport-github2: token github.com/login/oauth/access_token, profile api.github.com/user",
            // GitHub's avatar_url (profile.photos[0]) is on avatars.githubusercontent.com.
            ["avatars.githubusercontent.com"]
        ),
        new(
            "login-discord",
            ["DISCORD_CLIENT_ID", "DISCORD_CLIENT_SECRET"],
            null,
            ["discord.com"],
            LibreChatCommit
                + " api/server/socialLogins.js; api/strategies/discordStrategy.js (token and profile on discord.com/api; the avatar URL is built on cdn.discordapp.com)",
            ["cdn.discordapp.com"]
        ),
        new(
            "login-facebook",
            ["FACEBOOK_CLIENT_ID", "FACEBOOK_CLIENT_SECRET"],
            null,
            ["graph.facebook.com"],
            LibreChatCommit
                + " api/server/socialLogins.js; passport-facebook: token and profile on graph.facebook.com (authorize on www.facebook.com is the browser's)"
        ),
        new(
            "login-apple",
            ["APPLE_CLIENT_ID", "APPLE_PRIVATE_KEY_PATH"],
            null,
            ["appleid.apple.com"],
            LibreChatCommit
                + " api/server/socialLogins.js (APPLE_CLIENT_ID && APPLE_PRIVATE_KEY_PATH); passport-apple: token appleid.apple.com/auth/token"
        ),
        new(
            "login-openid",
            [
                "OPENID_CLIENT_ID",
                "OPENID_CLIENT_SECRET",
                "OPENID_ISSUER",
                "OPENID_SCOPE",
                "OPENID_SESSION_SECRET",
            ],
            "OPENID_ISSUER",
            [],
            LibreChatCommit
                + " api/server/socialLogins.js (all five set); api/strategies/openidStrategy.js (openid-client discovery at OPENID_ISSUER; token, userinfo and JWKS assumed on the issuer's host)"
        ),
        new(
            Saml,
            ["SAML_ENTRY_POINT", "SAML_ISSUER", "SAML_CERT", "SAML_SESSION_SECRET"],
            null,
            [],
            LibreChatCommit
                + " api/server/socialLogins.js; api/strategies/samlStrategy.js (entryPoint is a browser redirect, the IdP posts back through the browser, SAML_CERT is read locally: the pod calls no IdP host)"
        ),
        new(
            "login-ldap",
            ["LDAP_URL", "LDAP_USER_SEARCH_BASE"],
            "LDAP_URL",
            [],
            LibreChatCommit
                + " api/strategies/ldapStrategy.js (null unless LDAP_URL && LDAP_USER_SEARCH_BASE; passport-ldapauth binds to LDAP_URL from the pod: ldap:// 389, ldaps:// 636)"
        ),
    ];

    /// <summary>The login rows LibreChat registers: every required variable present.</summary>
    public static IReadOnlyList<EnvService> Registered(Func<string, bool> isPresent)
    {
        ArgumentNullException.ThrowIfNull(isPresent);
        return [.. Logins.Where(l => l.RequiredAll.All(isPresent))];
    }
}
