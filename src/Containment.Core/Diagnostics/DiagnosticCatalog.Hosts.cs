namespace Containment.Core.Diagnostics;

/// <summary>CT2200-CT2219 and CT3100-CT3119: the host gate (URL schemes, wildcards, public suffixes, placeholders, look-up tokens).</summary>
public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticDescriptor UnsupportedUrlScheme = new(
        "CT2200",
        Severity.Error,
        "URL field with a scheme LibreChat cannot call over the network",
        "Write an http://, https://, ws:// or wss:// URL. file:, javascript:, mailto:, gopher: and scheme-less values name no host a firewall rule could allow."
    );

    public static readonly DiagnosticDescriptor WildcardOverPublicSuffix = new(
        "CT3100",
        Severity.Error,
        "Wildcard over a public suffix",
        "Anyone can register a name under a public suffix (co.uk, s3.amazonaws.com, github.io, vercel.app ...), so a wildcard over one lets strangers receive traffic. Name the registrable domain (*.example.co.uk) or the exact hosts."
    );

    public static readonly DiagnosticDescriptor PlaceholderShape = new(
        "CT3101",
        Severity.Error,
        "Value does not have the shape its host placeholder needs",
        "A value that fills a host (Azure instance name, AWS region, GCP location, account id, storage account) must be exactly that: one DNS label of the documented shape, with no '*', dots, slashes or other URL syntax."
    );

    public static readonly DiagnosticDescriptor FilledHostOutsideTemplate = new(
        "CT3102",
        Severity.Error,
        "Filled host no longer matches its catalogue template",
        "A filled value changed the shape of the catalogue host; fix the value so the host stays the vendor's host."
    );

    public static readonly DiagnosticDescriptor LookupTokenOutsideCatalogue = new(
        "CT3103",
        Severity.Error,
        "Look-up token outside the catalogue",
        "Tokens such as {aws.accountId} are resolved at deploy time, unseen by review; only the built-in catalogue may use them. Write the value itself."
    );

    public static readonly DiagnosticDescriptor WildcardInConcreteHost = new(
        "CT3104",
        Severity.Error,
        "Wildcard in a host that must be concrete",
        "A URL or an environment value names one host; a '*' in it would become a WebGroup wildcard. Write the concrete host, or list a wildcard under 'extraDestinations' where it is reviewed as one."
    );
}

public sealed partial class DiagnosticBuilder
{
    /// <param name="subject">What holds the URL: "the value", a variable's name. Never the value: it may hold a secret.</param>
    /// <param name="schemes">The schemes accepted there ("http", "https", "ws", "wss").</param>
    public Diagnostic UnsupportedUrlScheme(
        string what,
        string subject,
        IEnumerable<string> schemes
    ) =>
        Make(
            DiagnosticCatalog.UnsupportedUrlScheme,
            $"{what}: {subject} is not a URL with one of the schemes {string.Join(", ", schemes.Select(s => s + "://"))}, so it names no host."
        );

    /// <param name="where">"the public suffix com", or "example.co, which holds the public suffix co".</param>
    public Diagnostic WildcardOverPublicSuffix(
        string what,
        string domain,
        string where,
        string listDate
    ) =>
        Make(
            DiagnosticCatalog.WildcardOverPublicSuffix,
            $"{what}: '*.{domain}' covers {where} (Public Suffix List, {listDate}), where anyone can register a name; name the registrable domain or exact hosts."
        );

    /// <param name="field">The setting or variable whose value does not fit ("'instanceName'", "AZURE_OPENAI_API_INSTANCE_NAME").</param>
    /// <param name="shape">What it must be, in words.</param>
    /// <param name="template">The host it fills, with its placeholder ("{instance}.openai.azure.com").</param>
    public Diagnostic PlaceholderShape(string what, string field, string shape, string template) =>
        Make(
            DiagnosticCatalog.PlaceholderShape,
            $"{what}: {field} is not {shape}, so it cannot fill {template}; no host is allowed for it."
        );

    public Diagnostic FilledHostOutsideTemplate(string what, string template) =>
        Make(
            DiagnosticCatalog.FilledHostOutsideTemplate,
            $"{what}: the filled host is not of the form {template}; no host is allowed for it."
        );

    public Diagnostic LookupTokenOutsideCatalogue(string what, string pattern) =>
        Make(
            DiagnosticCatalog.LookupTokenOutsideCatalogue,
            $"{what}: '{pattern}' holds a look-up token; only the built-in catalogue may use them (a token here would be resolved at deploy time, unreviewed). Write the value itself."
        );

    /// <param name="subject">What holds the host ("this value", a variable's name); the value is never shown.</param>
    public Diagnostic WildcardInConcreteHost(string what, string subject) =>
        Make(
            DiagnosticCatalog.WildcardInConcreteHost,
            $"{what}: the host in {subject} holds '*', but {subject} names one concrete host; no host is allowed for it."
        );
}
