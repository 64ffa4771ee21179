using System.Text;

namespace Containment.Core.Targets.Terraform;

/// <summary>Terraform local names (<c>resource "type" "NAME"</c>): letters, digits, <c>_</c> and <c>-</c>, not starting with a digit; unique per type.</summary>
internal sealed class TerraformNames
{
    private readonly Dictionary<string, string> _byModelName = new(StringComparer.Ordinal);
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);

    /// <summary>Assigns names in the order given (the model's sorted order), so the same model always gets the same names.</summary>
    public TerraformNames(IEnumerable<string> modelNames)
    {
        foreach (var modelName in modelNames)
        {
            var baseName = Sanitize(modelName);
            var name = baseName;
            for (var n = 2; !_taken.Add(name); n++)
            {
                name = $"{baseName}_{n}";
            }

            _byModelName[modelName] = name;
        }
    }

    public string? Find(string modelName) => _byModelName.GetValueOrDefault(modelName);

    public static string Sanitize(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            sb.Append(char.IsAsciiLetterOrDigit(c) || c is '_' ? char.ToLowerInvariant(c) : '_');
        }

        if (sb.Length == 0 || char.IsAsciiDigit(sb[0]))
        {
            sb.Insert(0, "g_");
        }

        return sb.ToString();
    }
}
