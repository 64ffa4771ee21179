using Containment.Core.Diagnostics;
using Containment.Core.Model;
using Containment.Core.Policy;

namespace Containment.Core.Reports;

/// <summary>
/// Compares two policies (base and head) into an <see cref="EgressDiff"/>. Groups and rules are matched by
/// their stable names; hosts by their normalised name. A base without a policy is compared as an empty
/// policy, so every head permit shows up as added and the gate fails closed.
/// </summary>
public static class PolicyDiff
{
    public static EgressDiff Compare(PolicySnapshot baseSide, PolicySnapshot headSide)
    {
        ArgumentNullException.ThrowIfNull(baseSide);
        ArgumentNullException.ThrowIfNull(headSide);
        var diff = new EgressDiff
        {
            BaseLabel = baseSide.Label,
            HeadLabel = headSide.Label,
            BaseStack = baseSide.Model?.Stack ?? baseSide.Stack,
            HeadStack = headSide.Model?.Stack ?? headSide.Stack,
            BaseInvalid = baseSide.IsInvalid,
            HeadInvalid = headSide.IsInvalid,
            BaseErrorCount = baseSide.ErrorCount,
            HeadErrorCount = headSide.ErrorCount,
            NewDiagnostics = NewDiagnostics(baseSide.Diagnostics, headSide.Diagnostics),
        };
        if (headSide.Model is not { } head)
        {
            // Nothing would deploy from the head, so there is no egress to compare: its diagnostics say why.
            return diff;
        }
        var before = baseSide.Model ?? head with { SmartGroups = [], WebGroups = [], Rules = [] };
        return diff with
        {
            Mode = Change("mode", PolicyText.Word(before.Mode), PolicyText.Word(head.Mode)),
            Settings = ChangedSettings(before, head),
            WebGroups = WebGroupChanges(before, head),
            Rules = RuleChanges(before, head),
            SmartGroups = SmartGroupChanges(before, head),
            NewEgress = baseSide.IsInvalid
                ? [NewEgressItem.ForRule(NewEgressKind.BaseInvalid, "")]
                : NewEgressAnalysis.Reasons(before, head),
        };
    }

    /// <summary>Warnings and errors of the head not in the base, matched by identity (code, config path, message) as a
    /// multiset: lines move in every edit, the config path moves only when the value does.</summary>
    internal static IReadOnlyList<Diagnostic> NewDiagnostics(
        IReadOnlyList<Diagnostic> baseDiagnostics,
        IReadOnlyList<Diagnostic> headDiagnostics
    )
    {
        var remaining = new Dictionary<(string, string, string), int>();
        foreach (var d in baseDiagnostics)
        {
            var key = (d.Code, d.Span.ConfigPath ?? "", d.Message);
            remaining[key] = remaining.GetValueOrDefault(key) + 1;
        }
        var bag = new DiagnosticBag();
        bag.AddRange(headDiagnostics.Where(d => d.Severity >= Severity.Warning));
        var fresh = new List<Diagnostic>();
        foreach (var d in bag.Sorted())
        {
            var key = (d.Code, d.Span.ConfigPath ?? "", d.Message);
            if (remaining.GetValueOrDefault(key) is > 0 and var count)
            {
                remaining[key] = count - 1;
            }
            else
            {
                fresh.Add(d);
            }
        }
        return fresh;
    }

    private static ValueChange? Change(string name, string from, string to) =>
        string.Equals(from, to, StringComparison.Ordinal) ? null : new ValueChange(name, from, to);

    private static List<ValueChange> ChangedSettings(PolicyModel before, PolicyModel after)
    {
        // Stack and ruleset names differ by design between dev and prod, so a promotion diff leaves them out.
        ValueChange?[] changes =
        [
            Change(
                "decryption",
                PolicyText.Word(before.Decryption),
                PolicyText.Word(after.Decryption)
            ),
            Change(
                "cloudProvider",
                PolicyText.Word(before.CloudProvider),
                PolicyText.Word(after.CloudProvider)
            ),
            Change(
                "controllerVersion",
                before.ControllerVersion.ToString(),
                after.ControllerVersion.ToString()
            ),
            Change(
                "agentGuard",
                PolicyText.Word(before.AgentGuard),
                PolicyText.Word(after.AgentGuard)
            ),
            Change("attachmentPoint", before.AttachmentPoint, after.AttachmentPoint),
            Change("namespace", before.Namespace, after.Namespace),
        ];
        return [.. changes.OfType<ValueChange>()];
    }

    private static List<WebGroupChange> WebGroupChanges(PolicyModel before, PolicyModel after)
    {
        var oldGroups = before.WebGroups.ToDictionary(g => g.Name, StringComparer.Ordinal);
        var newGroups = after.WebGroups.ToDictionary(g => g.Name, StringComparer.Ordinal);
        var changes = new List<WebGroupChange>();
        foreach (var name in oldGroups.Keys.Union(newGroups.Keys).Order(StringComparer.Ordinal))
        {
            var old = oldGroups.GetValueOrDefault(name);
            var now = newGroups.GetValueOrDefault(name);
            var oldHosts = (old?.Hosts ?? []).ToDictionary(h => h.Host, StringComparer.Ordinal);
            var newHosts = (now?.Hosts ?? []).ToDictionary(h => h.Host, StringComparer.Ordinal);
            var added = newHosts
                .Values.Where(h => !oldHosts.ContainsKey(h.Host))
                .OrderBy(h => h.Host, StringComparer.Ordinal)
                .ToList();
            var removed = oldHosts
                .Values.Where(h => !newHosts.ContainsKey(h.Host))
                .OrderBy(h => h.Host, StringComparer.Ordinal)
                .ToList();
            var ported = newHosts
                .Values.Where(h =>
                    oldHosts.TryGetValue(h.Host, out var o)
                    && !o.Ports.Order().SequenceEqual(h.Ports.Order())
                )
                .OrderBy(h => h.Host, StringComparer.Ordinal)
                .Select(h => new HostPortChange(
                    h.Host,
                    [.. oldHosts[h.Host].Ports.Order()],
                    [.. h.Ports.Order()],
                    h.Sources
                ))
                .ToList();
            if (
                old is not null
                && now is not null
                && added.Count == 0
                && removed.Count == 0
                && ported.Count == 0
            )
            {
                continue;
            }
            var kind =
                old is null ? ChangeKind.Added
                : now is null ? ChangeKind.Removed
                : ChangeKind.Changed;
            var group = now ?? old!;
            var users = (now is null ? before : after)
                .Rules.Where(r =>
                    r.Action == RuleAction.Permit
                    && r.WebGroups.Contains(name, StringComparer.Ordinal)
                )
                .OrderBy(r => r.Priority)
                .Select(r => new RuleReference(
                    r.Name,
                    r.Priority,
                    r.Action,
                    r.Sources,
                    PolicyText.Ports(r.Ports)
                ))
                .ToList();
            changes.Add(
                new WebGroupChange(name, group.Purpose, kind, added, removed, ported, users)
            );
        }
        return changes;
    }

    private static List<RuleChange> RuleChanges(PolicyModel before, PolicyModel after)
    {
        var oldRules = before.Rules.ToDictionary(r => r.Name, StringComparer.Ordinal);
        var newRules = after.Rules.ToDictionary(r => r.Name, StringComparer.Ordinal);
        var changes = new List<RuleChange>();
        foreach (var name in oldRules.Keys.Union(newRules.Keys))
        {
            var old = oldRules.GetValueOrDefault(name);
            var now = newRules.GetValueOrDefault(name);
            if (old is null || now is null)
            {
                changes.Add(
                    new RuleChange(
                        name,
                        old is null ? ChangeKind.Added : ChangeKind.Removed,
                        old,
                        now,
                        []
                    )
                );
                continue;
            }
            var fields = RuleFieldChanges(old, now);
            if (fields.Count > 0)
            {
                changes.Add(new RuleChange(name, ChangeKind.Changed, old, now, fields));
            }
        }
        return
        [
            .. changes.OrderBy(c => c.Rule.Priority).ThenBy(c => c.Name, StringComparer.Ordinal),
        ];
    }

    private static List<ValueChange> RuleFieldChanges(PolicyRule old, PolicyRule now)
    {
        ValueChange?[] changes =
        [
            Change("action", PolicyText.Word(old.Action), PolicyText.Word(now.Action)),
            Change("priority", PolicyText.Number(old.Priority), PolicyText.Number(now.Priority)),
            Change("sources", SortedList(old.Sources), SortedList(now.Sources)),
            Change("destinations", SortedList(old.Destinations), SortedList(now.Destinations)),
            Change("webGroups", SortedList(old.WebGroups), SortedList(now.WebGroups)),
            Change("protocol", PolicyText.Word(old.Protocol), PolicyText.Word(now.Protocol)),
            Change("ports", PolicyText.Ports(old.Ports), PolicyText.Ports(now.Ports)),
            Change("watch", PolicyText.Word(old.Watch), PolicyText.Word(now.Watch)),
            Change("logging", PolicyText.Word(old.Logging), PolicyText.Word(now.Logging)),
            Change("decrypt", PolicyText.Word(old.Decrypt), PolicyText.Word(now.Decrypt)),
        ];
        return [.. changes.OfType<ValueChange>()];
    }

    private static string SortedList(IReadOnlyList<string> items) =>
        PolicyText.List([.. items.Order(StringComparer.Ordinal)]);

    private static List<SmartGroupChange> SmartGroupChanges(PolicyModel before, PolicyModel after)
    {
        var oldGroups = before.SmartGroups.ToDictionary(g => g.Name, StringComparer.Ordinal);
        var newGroups = after.SmartGroups.ToDictionary(g => g.Name, StringComparer.Ordinal);
        var changes = new List<SmartGroupChange>();
        foreach (var name in oldGroups.Keys.Union(newGroups.Keys).Order(StringComparer.Ordinal))
        {
            var old = oldGroups.GetValueOrDefault(name);
            var now = newGroups.GetValueOrDefault(name);
            var oldSelectors = (old?.Selectors ?? [])
                .Select(PolicyText.Selector)
                .ToHashSet(StringComparer.Ordinal);
            var newSelectors = (now?.Selectors ?? [])
                .Select(PolicyText.Selector)
                .ToHashSet(StringComparer.Ordinal);
            var added = newSelectors.Except(oldSelectors).Order(StringComparer.Ordinal).ToList();
            var removed = oldSelectors.Except(newSelectors).Order(StringComparer.Ordinal).ToList();
            var role =
                old is not null && now is not null
                    ? Change("role", PolicyText.Word(old.Role), PolicyText.Word(now.Role))
                    : null;
            if (
                old is not null
                && now is not null
                && added.Count == 0
                && removed.Count == 0
                && role is null
            )
            {
                continue;
            }
            var kind =
                old is null ? ChangeKind.Added
                : now is null ? ChangeKind.Removed
                : ChangeKind.Changed;
            changes.Add(new SmartGroupChange(name, kind, added, removed, role));
        }
        return changes;
    }
}
