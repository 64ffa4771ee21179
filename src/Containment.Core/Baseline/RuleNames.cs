using System.Text.Json;

namespace Containment.Core.Baseline;

/// <summary>
/// Rule UUID to rule name, from whichever export the user has. Logs name rules by UUID only (L4 <c>POLICY=</c>,
/// L7 <c>decided_by</c>). Every source keeps rules as objects with <c>name</c> and <c>uuid</c> in an array:
/// <list type="bullet">
/// <item><c>terraform show -json</c>: <c>aviatrix_dcf_ruleset</c> state <c>rules[].{name,uuid}</c>
/// (AviatrixSystems/terraform-provider-aviatrix docs/resources/aviatrix_dcf_ruleset.md: "uuid - (Computed) UUID for
/// the Rule"), and <c>aviatrix_distributed_firewalling_policy_list</c> <c>policies[]</c>.</item>
/// <item>The controller's <c>GET microseg/policy-list</c>: <c>{"policies":[{"name","uuid",...}]}</c>
/// (goaviatrix/distributed_firewalling_policy_list.go, <c>DistributedFirewallingPolicy</c> json tags
/// <c>name</c>, <c>uuid</c>); <c>policy-list3</c> has the same <c>policies[]</c> (goaviatrix/dcf_policy_list.go).</item>
/// <item><c>pulumi stack export</c>: the bridged resource's outputs keep <c>rules[].name</c> and <c>rules[].uuid</c>
/// (shared/reference/aviatrix-pulumi-naming.md: already-plural names stay).</item>
/// </list>
/// So the reader walks the whole document and takes name/uuid pairs from arrays named <c>rules</c> or
/// <c>policies</c>, wherever they sit. SmartGroups and WebGroups also have name and uuid but live elsewhere.
/// </summary>
public sealed class RuleNames
{
    private const int MaxNameLength = 128;
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);

    public static RuleNames None { get; } = new();

    public int Count => _names.Count;

    /// <summary>The rule's name, or the UUID as it is when the export does not have it.</summary>
    public string Display(string uuid) => _names.TryGetValue(uuid, out var name) ? name : uuid;

    public bool Knows(string uuid) => _names.ContainsKey(uuid);

    public static RuleNames? Load(byte[] json, out string? problem)
    {
        problem = null;
        var names = new RuleNames();
        try
        {
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 128 });
            names.Walk(doc.RootElement);
        }
        catch (JsonException)
        {
            problem =
                "is not JSON (expected pulumi stack export, terraform show -json or the controller's policy list)";
            return null;
        }
        return names;
    }

    private void Walk(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Walk(item);
            }
            return;
        }
        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }
        foreach (var property in element.EnumerateObject())
        {
            var isRuleList =
                property.Value.ValueKind == JsonValueKind.Array
                && (property.NameEquals("rules") || property.NameEquals("policies"));
            if (isRuleList)
            {
                foreach (var rule in property.Value.EnumerateArray())
                {
                    TakeRule(rule);
                }
            }
            Walk(property.Value);
        }
    }

    private void TakeRule(JsonElement rule)
    {
        if (
            rule.ValueKind != JsonValueKind.Object
            || !rule.TryGetProperty("uuid", out var uuid)
            || uuid.ValueKind != JsonValueKind.String
            || !rule.TryGetProperty("name", out var name)
            || name.ValueKind != JsonValueKind.String
            || !Guid.TryParse(uuid.GetString(), out var parsed)
        )
        {
            return;
        }
        var text = name.GetString() ?? "";
        // The export comes from a pull request too: a name that could smuggle terminal escapes or markup is not shown.
        if (
            text.Length is 0 or > MaxNameLength
            || text.Any(c => char.IsControl(c) || c is '<' or '>' or '`' or '|')
        )
        {
            return;
        }
        _names.TryAdd(parsed.ToString("D"), text);
    }
}
