using System.Text;
using System.Text.RegularExpressions;
using Containment.Core.Catalog;
using Containment.Core.Diagnostics;

namespace Containment.Core.Egress;

/// <summary>A value for one host placeholder and the field it came from (errors name the field, never the value).</summary>
internal sealed record PlaceholderValue(string Placeholder, string Value, string Field);

/// <summary>Filling host templates: every value must have its placeholder's shape, and the result must still be the template's host.</summary>
public sealed partial class EgressInventoryBuilder
{
    /// <summary>
    /// Fills <paramref name="template"/>; returns null after reporting when a value lacks its shape or the filled
    /// host no longer matches the template. A '*' can therefore only come from the template's own text.
    /// </summary>
    /// <summary>The schemes that reach a host over the network from LibreChat's pod.</summary>
    private static readonly string[] WebSchemes = ["http", "https", "ws", "wss"];

    private string? Fill(
        string template,
        IEnumerable<PlaceholderValue> values,
        SourceSpan span,
        string what
    )
    {
        var host = template;
        foreach (var v in values)
        {
            var token = "{" + v.Placeholder + "}";
            if (!host.Contains(token, StringComparison.Ordinal))
            {
                continue;
            }
            if (!PlaceholderShapes.Fits(v.Placeholder, v.Value))
            {
                _diagnostics.Add(
                    DiagnosticBuilder
                        .At(span)
                        .PlaceholderShape(
                            what,
                            v.Field,
                            PlaceholderShapes.Describe(v.Placeholder),
                            $"{token} in {template}"
                        )
                );
                return null;
            }
            host = host.Replace(token, v.Value, StringComparison.Ordinal);
        }
        if (!TemplateRegex(template, host).IsMatch(host))
        {
            _diagnostics.Add(DiagnosticBuilder.At(span).FilledHostOutsideTemplate(what, template));
            return null;
        }
        return host;
    }

    /// <summary>
    /// An env value that is a whole URL (OPENID_ISSUER, AWS_ENDPOINT_URL): parsed as Node parses it; a value that is
    /// not an http(s)/ws(s) URL or whose host holds '*' is an error naming the variable, never its value.
    /// </summary>
    private Net.UrlParts? EnvUrl(string name, string value, SourceSpan span, string what)
    {
        var parts = Net.UrlParts.TryParseUrl(value, out var problem);
        switch (problem)
        {
            case Net.UrlProblem.WildcardHost:
                _diagnostics.Add(DiagnosticBuilder.At(span).WildcardInConcreteHost(what, name));
                return null;
            case Net.UrlProblem.NoScheme or Net.UrlProblem.UnsupportedScheme:
                _diagnostics.Add(
                    DiagnosticBuilder.At(span).UnsupportedUrlScheme(what, name, WebSchemes)
                );
                return null;
            case Net.UrlProblem.Invalid:
                _diagnostics.Add(
                    DiagnosticBuilder.At(span).InvalidUrl(what, name, bareHostExpected: false)
                );
                return null;
        }
        return parts;
    }

    /// <summary>
    /// The template as a pattern: literal text (a '*' included) must appear as written, a filled placeholder is
    /// one DNS label, a placeholder still unfilled (a deploy-time look-up token) must appear as written.
    /// </summary>
    private static Regex TemplateRegex(string template, string filled)
    {
        var pattern = new StringBuilder("^");
        var i = 0;
        while (i < template.Length)
        {
            var close = template[i] == '{' ? template.IndexOf('}', i) : -1;
            if (close > i)
            {
                var token = template[i..(close + 1)];
                pattern.Append(
                    filled.Contains(token, StringComparison.Ordinal)
                        ? Regex.Escape(token)
                        : "[a-z0-9](?:[a-z0-9-]*[a-z0-9])?"
                );
                i = close + 1;
                continue;
            }
            pattern.Append(Regex.Escape(template[i].ToString()));
            i++;
        }
        return new Regex(
            pattern.Append('$').ToString(),
            RegexOptions.CultureInvariant,
            TimeSpan.FromSeconds(1)
        );
    }
}
