using Containment.Tests.Infrastructure;
using static Containment.Tests.Cli.CliRunner;

namespace Containment.Tests.Cli;

/// <summary>
/// Issue 12 "Done when": lint reports the variables that decide egress but are unset, and env-only features, instead
/// of allowing nothing silently. Each row is one way an unset variable leaves a host unknown.
/// </summary>
public class LintUnsetVariablesTests
{
    private const string Minimal = "version: \"1.3.17\"\n";

    [Theory]
    // A custom endpoint's baseURL from an unset variable (LibreChat's extractEnvVariable keeps the literal).
    [InlineData(
        "version: \"1.3.17\"\nendpoints:\n  custom:\n    - name: litellm\n      apiKey: \"${LITELLM_KEY}\"\n      baseURL: \"${LITELLM_BASE_URL}\"\n      models:\n        default: [gpt-4o]\n",
        "",
        "CT2008",
        "LITELLM_BASE_URL"
    )]
    // A reverse proxy that names another, unset variable.
    [InlineData(Minimal, "OPENAI_API_KEY=sk-x\nOPENAI_REVERSE_PROXY=${X}\n", "CT3003", "${X}")]
    // Bedrock switched on by its keys with no region anywhere.
    [InlineData(
        Minimal,
        "BEDROCK_AWS_ACCESS_KEY_ID=a\nBEDROCK_AWS_SECRET_ACCESS_KEY=b\n",
        "CT3026",
        "the region would come from BEDROCK_AWS_DEFAULT_REGION"
    )]
    // The Azure env form without its instance name.
    [InlineData(Minimal, "AZURE_API_KEY=x\n", "CT3003", "AZURE_OPENAI_API_INSTANCE_NAME")]
    // An OCR key with no ocr section: an env-only feature the config cannot show.
    [InlineData(Minimal, "OCR_API_KEY=x\n", "CT2320", "no 'ocr' section")]
    // A login with some of the variables socialLogins.js needs: LibreChat registers nothing.
    [InlineData(
        Minimal,
        "OPENID_CLIENT_ID=a\nOPENID_CLIENT_SECRET=b\n",
        "CT3230",
        "OPENID_ISSUER, OPENID_SCOPE, OPENID_SESSION_SECRET unset"
    )]
    [InlineData(
        Minimal,
        "LDAP_URL=ldaps://ldap.example.com\n",
        "CT3230",
        "LDAP_USER_SEARCH_BASE unset"
    )]
    public void Lint_names_the_unset_variable_that_decides_egress(
        string yaml,
        string env,
        string code,
        string words
    )
    {
        var fs = new InMemoryFileSystem().With("c.yaml", yaml).With(".env", env);

        var result = Run(fs, "lint", "--config", "c.yaml", "--env-file", ".env");

        Assert.Equal(0, result.ExitCode);
        var line = Assert.Single(
            result.Stderr.Split('\n'),
            l =>
                l.Contains(code, StringComparison.Ordinal)
                && l.Contains(words, StringComparison.Ordinal)
        );
        Assert.DoesNotContain("sk-x", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_partial_login_names_variables_never_their_values()
    {
        var fs = new InMemoryFileSystem()
            .With("c.yaml", Minimal)
            .With(".env", "GOOGLE_CLIENT_SECRET=very-secret-value\n");

        var result = Run(fs, "lint", "--config", "c.yaml", "--env-file", ".env");

        Assert.Contains(
            "login-google: GOOGLE_CLIENT_SECRET set but GOOGLE_CLIENT_ID unset",
            result.Stderr,
            StringComparison.Ordinal
        );
        Assert.DoesNotContain("very-secret-value", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_complete_login_is_not_reported_as_partial()
    {
        var fs = new InMemoryFileSystem()
            .With("c.yaml", Minimal)
            .With(
                ".env",
                "OPENID_CLIENT_ID=a\nOPENID_CLIENT_SECRET=b\nOPENID_ISSUER=https://idp.example.com\nOPENID_SCOPE=openid\nOPENID_SESSION_SECRET=s\n"
            );

        var result = Run(fs, "lint", "--config", "c.yaml", "--env-file", ".env");

        Assert.DoesNotContain("CT3230", result.Stderr, StringComparison.Ordinal);
    }
}
