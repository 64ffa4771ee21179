using Containment.Core.Diagnostics;
using Containment.Core.Model;
using Containment.Core.Policy;
using Containment.Core.Targets.Aviatrix;
using Containment.Core.Targets.Pulumi.Checks;
using P = Containment.Core.Targets.Pulumi.PulumiValue;

namespace Containment.Core.Targets.Pulumi;

/// <summary>
/// Turns a <see cref="PolicyModel"/> into a Pulumi program: one SmartGroup and WebGroup resource per group,
/// one DCF ruleset attached through an attachment-point look-up, invokes for deploy-time values, and the
/// decryption tier when the policy asks for it. Print the result with <see cref="PulumiProgramWriter"/>.
/// </summary>
public static partial class PulumiProgramBuilder
{
    public const string ProjectName = "containment";

    /// <summary>Builds the program or throws <see cref="PulumiTargetException"/> with CT5xxx diagnostics.</summary>
    public static PulumiProgram Build(PolicyModel model)
    {
        var diagnostics = new DiagnosticBag();
        var program = TryBuild(model, diagnostics);
        return program ?? throw new PulumiTargetException(diagnostics.Sorted());
    }

    /// <summary>Builds the program, or returns null after adding CT5xxx errors to <paramref name="diagnostics"/>.</summary>
    public static PulumiProgram? TryBuild(PolicyModel model, DiagnosticBag diagnostics)
    {
        var context = new BuildContext(model, diagnostics);
        var program = context.Build();
        if (diagnostics.HasErrors)
        {
            return null;
        }

        foreach (var problem in PulumiSchemaCheck.Check(program, AviatrixSchemaFacts.Default))
        {
            diagnostics.Add(DiagnosticBuilder.At(context.Span).PulumiSchemaMismatch(problem));
        }

        // The printed text, as Pulumi will read it, against pulumi-yaml's own rules (names, references, options).
        if (!diagnostics.HasErrors)
        {
            PulumiProgramGate.Accept(
                PulumiProgramWriter.Write(program),
                PulumiConfigKeys.None,
                diagnostics,
                context.Span
            );
        }

        return diagnostics.HasErrors ? null : program;
    }

    private sealed class BuildContext(PolicyModel model, DiagnosticBag diagnostics)
    {
        private readonly Dictionary<string, string> _smartGroupNames = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _webGroupNames = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<PulumiValue>> _webGroupHosts = new(
            StringComparer.Ordinal
        );
        private readonly HashSet<string> _logicalNames = new(StringComparer.Ordinal);
        private readonly SortedDictionary<string, PulumiConfigDeclaration> _config = new(
            StringComparer.Ordinal
        );
        private readonly SortedDictionary<string, PulumiVariable> _variables = new(
            StringComparer.Ordinal
        );

        public SourceSpan Span { get; } = SourceSpan.FileOnly($"stack {model.Stack}");

        public PulumiProgram Build()
        {
            var smartGroups = model
                .SmartGroups.OrderBy(g => g.Name, StringComparer.Ordinal)
                .Select(SmartGroupResource)
                .ToList();
            var webGroups = model
                .WebGroups.OrderBy(g => g.Name, StringComparer.Ordinal)
                .Select(WebGroupResource)
                .ToList();
            var decryption = DecryptionResources();
            _variables[PulumiLogicalNames.AttachmentPoint] = new PulumiVariable(
                PulumiLogicalNames.AttachmentPoint,
                new PulumiInvoke(
                    PulumiTokens.GetDcfAttachmentPoint,
                    new PulumiObject([("name", P.Text(model.AttachmentPoint))])
                )
            );
            var ruleset = RulesetResource(decryption);

            return new PulumiProgram
            {
                Name = ProjectName,
                Description =
                    $"Containment: Aviatrix DCF egress policy for LibreChat, stack {model.Stack} ({ModeText}). Generated; edit librechat.yaml or Pulumi.{model.Stack}.yaml instead.",
                Config = [.. _config.Values],
                Variables = [.. _variables.Values],
                Resources = [.. smartGroups, .. webGroups, .. decryption, ruleset],
                Outputs = Outputs(),
            };
        }

        private string ModeText => model.Mode == EnforcementMode.Enforce ? "enforce" : "monitor";

        private string ControllerName(string name) => ControllerNames.Of(model, name);

        private string Claim(string logicalName, string what)
        {
            if (!_logicalNames.Add(logicalName))
            {
                diagnostics.Add(
                    DiagnosticBuilder.At(Span).PulumiDuplicateLogicalName(what, logicalName)
                );
            }

            return logicalName;
        }

        private PulumiResource SmartGroupResource(SmartGroup group)
        {
            var logicalName = Claim(
                PulumiLogicalNames.SmartGroup(group.Name),
                $"SmartGroup '{group.Name}'"
            );
            _smartGroupNames[group.Name] = logicalName;
            var expressions = group.Selectors.Select(SelectorExpression);
            return new PulumiResource
            {
                LogicalName = logicalName,
                Type = PulumiTokens.SmartGroup,
                Properties = new PulumiObject([
                    ("name", P.Text(ControllerName(group.Name))),
                    ("selector", P.Object(("matchExpressions", P.List(expressions)))),
                ]),
            };
        }

        private static PulumiValue SelectorExpression(SmartGroupSelector selector)
        {
            var properties = new List<(string, PulumiValue)> { ("type", P.Text(selector.Type)) };
            if (selector.ClusterId is not null)
            {
                properties.Add(("k8sClusterId", P.Text(selector.ClusterId)));
            }

            if (selector.Namespace is not null)
            {
                properties.Add(("k8sNamespace", P.Text(selector.Namespace)));
            }

            if (selector.Labels.Count > 0)
            {
                properties.Add(
                    (
                        "tags",
                        P.Object(
                            selector
                                .Labels.OrderBy(l => l.Key, StringComparer.Ordinal)
                                .Select(l => (l.Key, P.Text(l.Value)))
                        )
                    )
                );
            }

            return P.Object(properties);
        }

        private PulumiResource WebGroupResource(WebGroup group)
        {
            var logicalName = Claim(
                PulumiLogicalNames.WebGroup(group.Name),
                $"WebGroup '{group.Name}'"
            );
            _webGroupNames[group.Name] = logicalName;
            if (group.Hosts.Count == 0)
            {
                diagnostics.Add(DiagnosticBuilder.At(Span).PulumiEmptyWebGroup(group.Name));
            }

            var hosts = Hosts(group);
            _webGroupHosts[group.Name] = hosts;
            var expressions = hosts.Select(host => P.Object(("snifilter", host)));
            return new PulumiResource
            {
                LogicalName = logicalName,
                Type = PulumiTokens.WebGroup,
                Properties = new PulumiObject([
                    ("name", P.Text(ControllerName(group.Name))),
                    ("selector", P.Object(("matchExpressions", P.List(expressions)))),
                ]),
            };
        }

        /// <summary>Hosts sorted and de-duplicated; lookup tokens become references to invoke results.</summary>
        private List<PulumiValue> Hosts(WebGroup group) =>
            group
                .Hosts.Select(h => h.Host)
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal)
                .Select(HostValue)
                .ToList();

        private PulumiValue HostValue(string host)
        {
            var parts = new List<TextPart>();
            foreach (var (text, isToken) in PulumiLookups.Split(host))
            {
                if (!isToken)
                {
                    parts.Add(new LiteralPart(text));
                    continue;
                }

                var lookup = PulumiLookups.Find(text);
                if (lookup is null)
                {
                    diagnostics.Add(
                        DiagnosticBuilder.At(Span).PulumiUnknownLookupToken(host, text)
                    );
                    parts.Add(new LiteralPart(text));
                    continue;
                }

                UseLookup(lookup);
                parts.Add(lookup.Reference);
            }

            return new PulumiText(parts);
        }

        private void UseLookup(PulumiLookup lookup)
        {
            _variables[lookup.Variable] = new PulumiVariable(
                lookup.Variable,
                new PulumiInvoke(
                    lookup.Function,
                    lookup.Arguments,
                    PulumiPackages.VersionFor(lookup.Function)
                )
            );
            foreach (
                var reference in lookup.Arguments.Properties.SelectMany(p =>
                    ((PulumiText)p.Value).References
                )
            )
            {
                _config[reference.Root] = new PulumiConfigDeclaration(reference.Root, "object");
            }
        }

        private List<PulumiResource> DecryptionResources()
        {
            if (model.DecryptionCa is not { } ca)
            {
                return [];
            }

            _config[PulumiLogicalNames.DecryptionCaCertConfig] = new PulumiConfigDeclaration(
                PulumiLogicalNames.DecryptionCaCertConfig,
                "string"
            );
            var resources = new List<PulumiResource>
            {
                new()
                {
                    LogicalName = Claim(
                        PulumiLogicalNames.DecryptionCaConfigMap,
                        "The decryption CA ConfigMap"
                    ),
                    Type = PulumiTokens.ConfigMap,
                    Properties = new PulumiObject([
                        (
                            "metadata",
                            P.Object(
                                ("name", P.Text(ca.ConfigMapName)),
                                ("namespace", P.Text(ca.Namespace)),
                                (
                                    "labels",
                                    P.Object(("app.kubernetes.io/managed-by", P.Text(ProjectName)))
                                )
                            )
                        ),
                        (
                            "data",
                            P.Object(
                                (ca.FileName, P.Ref(PulumiLogicalNames.DecryptionCaCertConfig))
                            )
                        ),
                    ]),
                    Options = new PulumiResourceOptions { Version = PulumiPackages.Kubernetes },
                },
            };

            if (!ca.UseMitmCa)
            {
                return resources;
            }

            if (model.ControllerVersion < new Version(9, 0))
            {
                diagnostics.Add(
                    DiagnosticBuilder
                        .At(Span)
                        .PulumiMitmCaNeedsController90(model.ControllerVersion)
                );
                return resources;
            }

            _config[PulumiLogicalNames.DecryptionCaKeyConfig] = new PulumiConfigDeclaration(
                PulumiLogicalNames.DecryptionCaKeyConfig,
                "string",
                Secret: true
            );
            resources.Add(
                new PulumiResource
                {
                    LogicalName = Claim(
                        PulumiLogicalNames.DecryptionMitmCa,
                        "The decryption MITM CA"
                    ),
                    Type = PulumiTokens.DcfMitmCa,
                    Properties = new PulumiObject([
                        ("name", P.Text(model.RulesetName + "-decryption-ca")),
                        ("key", P.Ref(PulumiLogicalNames.DecryptionCaKeyConfig)),
                        ("certificateChain", P.Ref(PulumiLogicalNames.DecryptionCaCertConfig)),
                    ]),
                }
            );
            resources.Add(
                new PulumiResource
                {
                    LogicalName = Claim(
                        PulumiLogicalNames.DecryptionMitmCaSelection,
                        "The decryption MITM CA selection"
                    ),
                    Type = PulumiTokens.DcfMitmCaSelection,
                    Properties = new PulumiObject([
                        ("caId", P.Ref(PulumiLogicalNames.DecryptionMitmCa, "caId")),
                    ]),
                }
            );
            return resources;
        }

        private PulumiResource RulesetResource(List<PulumiResource> decryption)
        {
            ReportDuplicates(model.Rules.Select(r => r.Name), "name");
            ReportDuplicates(
                model.Rules.Select(r =>
                    r.Priority.ToString(System.Globalization.CultureInfo.InvariantCulture)
                ),
                "priority"
            );
            var rules = model
                .Rules.OrderBy(r => r.Priority)
                .ThenBy(r => r.Name, StringComparer.Ordinal)
                .Select(RuleValue)
                .ToList();
            return new PulumiResource
            {
                LogicalName = Claim(PulumiLogicalNames.Ruleset, "The ruleset"),
                Type = PulumiTokens.DcfRuleset,
                Properties = new PulumiObject([
                    ("name", P.Text(model.RulesetName)),
                    ("attachTo", P.Ref(PulumiLogicalNames.AttachmentPoint, "attachmentPointId")),
                    ("rules", P.List(rules)),
                ]),

                // Decrypting before clients trust the CA breaks every TLS call: the CA must be in LibreChat's
                // namespace and active on the controller before decrypting rules land.
                Options = new PulumiResourceOptions
                {
                    DependsOn = [.. decryption.Select(r => r.LogicalName)],
                },
            };
        }

        private void ReportDuplicates(IEnumerable<string> values, string what)
        {
            foreach (
                var duplicate in values
                    .GroupBy(v => v, StringComparer.Ordinal)
                    .Where(g => g.Count() > 1)
                    .Select(g => g.Key)
                    .Order(StringComparer.Ordinal)
            )
            {
                diagnostics.Add(DiagnosticBuilder.At(Span).PulumiDuplicateRule(what, duplicate));
            }
        }

        private PulumiValue RuleValue(PolicyRule rule)
        {
            var properties = new List<(string, PulumiValue)>
            {
                ("name", P.Text(rule.Name)),
                ("priority", P.Int(rule.Priority)),
                ("action", P.Text(ActionText(rule.Action))),
                ("protocol", P.Text(ProtocolText(rule.Protocol))),
                ("srcSmartGroups", P.List(rule.Sources.Select(s => SmartGroupReference(rule, s)))),
                (
                    "dstSmartGroups",
                    P.List(rule.Destinations.Select(d => SmartGroupReference(rule, d)))
                ),
            };
            if (rule.WebGroups.Count > 0)
            {
                properties.Add(
                    ("webGroups", P.List(rule.WebGroups.Select(w => WebGroupReference(rule, w))))
                );
            }

            if (rule.Ports.Count > 0)
            {
                properties.Add(("portRanges", P.List(rule.Ports.Select(PortRangeValue))));
            }

            properties.Add(("watch", P.Bool(rule.Watch)));
            properties.Add(("logging", P.Bool(rule.Logging)));
            properties.Add(("decryptPolicy", P.Text(DecryptText(rule.Decrypt))));
            return P.Object(properties);
        }

        private static PulumiValue PortRangeValue(PortRange range) =>
            range.High is { } high && high != range.Low
                ? P.Object(("lo", P.Int(range.Low)), ("hi", P.Int(high)))
                : P.Object(("lo", P.Int(range.Low)));

        private PulumiValue SmartGroupReference(PolicyRule rule, string name)
        {
            if (PredefinedGroupUuids.Of(name) is { } uuid)
            {
                return P.Text(uuid);
            }

            if (_smartGroupNames.TryGetValue(name, out var logicalName))
            {
                return P.Ref(logicalName, "uuid");
            }

            diagnostics.Add(
                DiagnosticBuilder.At(Span).PulumiUnknownGroup(rule.Name, "SmartGroup", name)
            );
            return P.Text(name);
        }

        private PulumiValue WebGroupReference(PolicyRule rule, string name)
        {
            if (_webGroupNames.TryGetValue(name, out var logicalName))
            {
                return P.Ref(logicalName, "uuid");
            }

            diagnostics.Add(
                DiagnosticBuilder.At(Span).PulumiUnknownGroup(rule.Name, "WebGroup", name)
            );
            return P.Text(name);
        }

        private List<PulumiOutput> Outputs()
        {
            var webGroups = model
                .WebGroups.OrderBy(g => g.Name, StringComparer.Ordinal)
                .Select(g => (g.Name, P.List(_webGroupHosts[g.Name])));
            var rules = model
                .Rules.OrderBy(r => r.Priority)
                .ThenBy(r => r.Name, StringComparer.Ordinal)
                .Select(r =>
                    P.Object(
                        ("name", P.Text(r.Name)),
                        ("priority", P.Int(r.Priority)),
                        ("action", P.Text(ActionText(r.Action))),
                        ("watch", P.Bool(r.Watch))
                    )
                );
            var outputs = new List<PulumiOutput>
            {
                new("mode", P.Text(ModeText)),
                new("rules", P.List(rules)),
                new("webGroups", P.Object(webGroups)),
            };
            if (Warnings() is { Count: > 0 } warnings)
            {
                outputs.Insert(
                    0,
                    new PulumiOutput(PulumiLogicalNames.WarningsOutput, P.List(warnings))
                );
            }

            return outputs;
        }

        /// <summary>
        /// pulumi-yaml drops a successful compiler's stderr (run.go LoadFromCompiler), so warnings travel in the program
        /// itself: a stack output every preview and <c>pulumi stack output</c> shows. The Aviatrix resources have no
        /// description field to carry them (aviatrix-dcf-schema.json: smart_group, web_group, dcf_ruleset and its rules).
        /// Diagnostic messages never hold secret values, so they may be printed.
        /// </summary>
        private List<PulumiValue> Warnings() =>
            [
                .. diagnostics
                    .Sorted()
                    .Where(d => d.Severity == Severity.Warning)
                    .Select(d => d.Render())
                    .Distinct(StringComparer.Ordinal)
                    .Select(P.Text),
            ];
    }

    internal static string ActionText(RuleAction action) =>
        action switch
        {
            RuleAction.Permit => "PERMIT",
            RuleAction.Deny => "DENY",
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
        };

    internal static string ProtocolText(RuleProtocol protocol) =>
        protocol switch
        {
            RuleProtocol.Tcp => "TCP",
            RuleProtocol.Udp => "UDP",
            RuleProtocol.Any => "ANY",
            _ => throw new ArgumentOutOfRangeException(nameof(protocol), protocol, null),
        };

    internal static string DecryptText(DecryptPolicy decrypt) =>
        decrypt switch
        {
            DecryptPolicy.Unspecified => "DECRYPT_UNSPECIFIED",
            DecryptPolicy.Allowed => "DECRYPT_ALLOWED",
            DecryptPolicy.NotAllowed => "DECRYPT_NOT_ALLOWED",
            _ => throw new ArgumentOutOfRangeException(nameof(decrypt), decrypt, null),
        };
}
