using System.Text;
using System.Text.RegularExpressions;

namespace Containment.Core.Targets.Terraform;

/// <summary>How a deploy-time lookup token in a host (e.g. <c>{aws.accountId}</c>) becomes a Terraform expression.</summary>
/// <param name="Token">The token with braces.</param>
/// <param name="Expression">The Terraform reference, without <c>${ }</c>.</param>
/// <param name="DataSourceType">The data source the reference reads, or null when the token becomes a variable.</param>
/// <param name="VariableName">The variable the user must set, when no data source can tell the value.</param>
public sealed record TerraformLookup(
    string Token,
    string Expression,
    string? DataSourceType,
    string? VariableName
);

/// <summary>
/// The deploy-time lookups Terraform can answer itself: the caller's AWS account and region, the Google project and
/// region. Any other token becomes a declared variable (never a guessed value) and a CT6010 warning.
/// </summary>
public static partial class TerraformLookups
{
    /// <summary>Data source instances are all named <c>current</c>: they describe the provider's own account.</summary>
    public const string DataSourceInstance = "current";

    private static readonly Dictionary<string, (string DataSource, string Attribute)> Known = new(
        StringComparer.Ordinal
    )
    {
        ["{aws.accountId}"] = ("aws_caller_identity", "account_id"),
        ["{aws.region}"] = ("aws_region", "region"),
        ["{gcp.project}"] = ("google_client_config", "project"),
        ["{gcp.region}"] = ("google_client_config", "region"),
    };

    [GeneratedRegex(@"\{[A-Za-z0-9_.\-]+\}", RegexOptions.CultureInvariant)]
    public static partial Regex TokenPattern();

    public static IReadOnlyList<string> TokensIn(string host) =>
        [.. TokenPattern().Matches(host).Select(m => m.Value)];

    public static TerraformLookup Resolve(string token)
    {
        if (Known.TryGetValue(token, out var known))
        {
            return new TerraformLookup(
                token,
                $"data.{known.DataSource}.{DataSourceInstance}.{known.Attribute}",
                known.DataSource,
                null
            );
        }

        var variable = VariableNameFor(token);
        return new TerraformLookup(token, $"var.{variable}", null, variable);
    }

    /// <summary>
    /// <paramref name="host"/> as a Terraform string: its deploy-time tokens (<c>{aws.accountId}</c>) become the
    /// expressions that answer them, the rest stays literal text.
    /// </summary>
    public static TerraformString Template(string host)
    {
        var parts = new List<TerraformTextPart>();
        var at = 0;
        foreach (Match token in TokenPattern().Matches(host))
        {
            if (token.Index > at)
            {
                parts.Add(new TerraformLiteral(host[at..token.Index]));
            }

            parts.Add(new TerraformExpression(Resolve(token.Value).Expression));
            at = token.Index + token.Length;
        }

        if (at < host.Length || parts.Count == 0)
        {
            parts.Add(new TerraformLiteral(host[at..]));
        }

        return new TerraformString(parts);
    }

    /// <summary>Replaces every token in <paramref name="host"/> with a Terraform interpolation, as printed.</summary>
    public static string Interpolate(string host) => TerraformModuleWriter.Render(Template(host));

    /// <summary>The inverse of <see cref="Interpolate"/> (for tests and drift checks): <c>${data…}</c> back to <c>{token}</c>.</summary>
    public static string Deinterpolate(string value, IEnumerable<string> tokens)
    {
        var result = value;
        foreach (var token in tokens)
        {
            result = result.Replace(
                "${" + Resolve(token).Expression + "}",
                token,
                StringComparison.Ordinal
            );
        }

        return result;
    }

    /// <summary><c>{azure.registryLoginServer}</c> → <c>lookup_azure_registry_login_server</c>.</summary>
    public static string VariableNameFor(string token)
    {
        var inner = token.Trim('{', '}');
        var sb = new StringBuilder("lookup_");
        for (var i = 0; i < inner.Length; i++)
        {
            var c = inner[i];
            if (char.IsUpper(c))
            {
                if (i > 0 && sb[^1] != '_')
                {
                    sb.Append('_');
                }

                sb.Append(char.ToLowerInvariant(c));
            }
            else if (char.IsAsciiLetterOrDigit(c))
            {
                sb.Append(c);
            }
            else if (sb[^1] != '_')
            {
                sb.Append('_');
            }
        }

        return sb.ToString();
    }
}
