using System.Globalization;
using Containment.Core.Diagnostics;
using Containment.Core.Model;
using Containment.Core.Policy;
using Containment.Core.Targets.Aviatrix;

namespace Containment.Core.Targets.Terraform;

/// <summary>
/// Builds the <see cref="TerraformModule"/> for a policy: SmartGroups, WebGroups and one <c>aviatrix_dcf_ruleset</c>
/// attached through the <c>aviatrix_dcf_attachment_point</c> data source. Credentials and the cluster id are declared
/// variables, never values. Hosts with deploy-time tokens read data sources (aws_caller_identity, aws_region...).
/// Reports what the policy cannot express in Terraform (CT6010, CT6011, CT6013...) as it builds.
/// </summary>
public sealed class TerraformModuleBuilder
{
    public const string RulesetLocalName = "containment";
    public const string AttachmentPointLocalName = "containment";
    public const string ClusterIdVariable = "cluster_id";
    public const string AwsRegionVariable = "aws_region";

    private readonly PolicyModel _model;
    private readonly DiagnosticBag _diagnostics;
    private readonly AviatrixTerraformSchema _schema;
    private readonly TerraformNames _smartGroupNames;
    private readonly TerraformNames _webGroupNames;
    private readonly SortedDictionary<string, TerraformLookup> _lookups = new(
        StringComparer.Ordinal
    );
    private readonly string _providerVersion;

    private TerraformModuleBuilder(
        PolicyModel model,
        DiagnosticBag diagnostics,
        AviatrixTerraformSchema schema
    )
    {
        _model = model;
        _diagnostics = diagnostics;
        _schema = schema;
        _smartGroupNames = new TerraformNames(model.SmartGroups.Select(g => g.Name));
        _webGroupNames = new TerraformNames(model.WebGroups.Select(g => g.Name));

        if (schema.LowestReleaseFor(model.ControllerVersion) is { } release)
        {
            MinimumProvider = new Version(release.Major, release.Minor, 0);
        }
        else
        {
            MinimumProvider = schema.LatestRelease;
            diagnostics.Add(
                DiagnosticCatalog.TerraformProviderVersionUnknown,
                SourceSpan.FileOnly("versions.tf.json"),
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"No Aviatrix provider release for controller {model.ControllerVersion} in the schema facts; pinning the latest release, {schema.LatestRelease}."
                )
            );
        }

        _providerVersion = string.Create(
            CultureInfo.InvariantCulture,
            $"~> {MinimumProvider.Major}.{MinimumProvider.Minor}.{Math.Max(MinimumProvider.Build, 0)}"
        );

        foreach (var host in model.WebGroups.SelectMany(g => g.Hosts))
        {
            foreach (var token in TerraformLookups.TokensIn(host.Host))
            {
                if (_lookups.ContainsKey(token))
                {
                    continue;
                }

                var lookup = TerraformLookups.Resolve(token);
                _lookups[token] = lookup;
                if (lookup.VariableName is not null)
                {
                    diagnostics.Add(
                        DiagnosticCatalog.TerraformLookupAsVariable,
                        SpanOf(host),
                        $"Host '{host.Host}' needs {token}, which no Terraform data source answers; it reads variable '{lookup.VariableName}'."
                    );
                }
            }
        }

        var clusterIds = model
            .SmartGroups.SelectMany(g => g.Selectors)
            .Select(s => s.ClusterId)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (clusterIds.Count > 1)
        {
            diagnostics.Add(
                DiagnosticCatalog.TerraformSeveralClusterIds,
                SourceSpan.FileOnly("variables.tf.json"),
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"The SmartGroups name {clusterIds.Count} cluster ids; every k8s selector uses var.{ClusterIdVariable}."
                )
            );
        }

        ClusterIdFromSettings = clusterIds.Count == 1 ? clusterIds[0] : null;
    }

    /// <summary>
    /// The module for <paramref name="model"/> and the lowest provider version its pin allows (arguments newer than
    /// that must not be written; the check reads it).
    /// </summary>
    public static (TerraformModule Module, Version MinimumProvider) Build(
        PolicyModel model,
        DiagnosticBag diagnostics,
        AviatrixTerraformSchema schema
    )
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(diagnostics);
        ArgumentNullException.ThrowIfNull(schema);
        var builder = new TerraformModuleBuilder(model, diagnostics, schema);
        var files = new List<TerraformFile>
        {
            builder.Main(),
            builder.Variables(),
            builder.Providers(),
            builder.Versions(),
        };
        if (builder.Outputs() is { } outputs)
        {
            files.Add(outputs);
        }

        return (new TerraformModule(files), builder.MinimumProvider);
    }

    private Version MinimumProvider { get; }

    private string? ClusterIdFromSettings { get; }

    private string Generated =>
        $"Generated by Containment from the egress policy of stack '{_model.Stack}'. Do not edit: change librechat.yaml or the stack settings and run `containment emit --target terraform` again.";

    private IEnumerable<string> DataSourcesUsed =>
        _lookups
            .Values.Select(l => l.DataSourceType)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);

    /// <summary>The AWS look-ups (aws_caller_identity, aws_region) need a configured AWS provider: its region.</summary>
    private bool UsesAws => DataSourcesUsed.Any(d => _schema.DataSourceProvider[d] == "aws");

    private bool UsesMitmCa => _model.DecryptionCa is { UseMitmCa: true };

    private TerraformFile Versions()
    {
        var providers = new List<TerraformRequiredProvider>
        {
            new("aviatrix", _schema.ProviderSource, _providerVersion),
        };
        foreach (
            var provider in DataSourcesUsed
                .Select(d => _schema.DataSourceProvider[d])
                .Distinct(StringComparer.Ordinal)
        )
        {
            var (source, version) = _schema.LookupProviders[provider];
            providers.Add(new(provider, source, version));
        }

        return new TerraformFile
        {
            Name = "versions.tf.json",
            Comment =
                Generated
                + " The Aviatrix provider version follows the controller version (from 8.0).",
            RequiredProviders = providers,
        };
    }

    // The credentials are required variables without defaults, so they must be given as variables (TF_VAR_*);
    // the provider's own AVIATRIX_* environment defaults never apply to arguments that are set.
    private TerraformFile Providers()
    {
        var providers = new List<TerraformProvider>
        {
            new(
                "aviatrix",
                TerraformValue.Object(
                    ("controller_ip", TerraformValue.Expression("var.aviatrix_controller_ip")),
                    ("username", TerraformValue.Expression("var.aviatrix_username")),
                    ("password", TerraformValue.Expression("var.aviatrix_password"))
                )
            ),
        };
        if (UsesAws)
        {
            providers.Add(
                new(
                    "aws",
                    TerraformValue.Object(
                        ("region", TerraformValue.Expression($"var.{AwsRegionVariable}"))
                    )
                )
            );
        }

        return new TerraformFile
        {
            Name = "providers.tf.json",
            Comment =
                Generated
                + " Credentials come from variables (-var or TF_VAR_aviatrix_password); never write them here.",
            Providers = providers,
        };
    }

    private TerraformFile Variables()
    {
        var clusterDescription =
            "Aviatrix cluster id of the LibreChat cluster (EKS ARN, lower-cased AKS resource id, or the id it was registered with).";
        if (ClusterIdFromSettings is not null)
        {
            clusterDescription += $" The stack settings name '{ClusterIdFromSettings}'.";
        }

        var variables = new List<TerraformVariable>
        {
            Variable("aviatrix_controller_ip", "Aviatrix Controller IP address or host name."),
            new("aviatrix_password", "string", "Aviatrix Controller password.", Sensitive: true),
            Variable("aviatrix_username", "Aviatrix Controller user name."),
            // A value the stack settings give becomes the default.
            Variable(ClusterIdVariable, clusterDescription, ClusterIdFromSettings),
        };
        if (UsesAws)
        {
            variables.Add(
                Variable(
                    AwsRegionVariable,
                    "AWS region of the provider the registry look-ups (aws_caller_identity, aws_region) use."
                )
            );
        }

        if (UsesMitmCa)
        {
            variables.Add(
                Variable(
                    "decryption_ca_name",
                    "Name of the active DCF MITM CA (aviatrix_dcf_mitm_ca) whose certificate LibreChat must trust."
                )
            );
        }

        foreach (var lookup in _lookups.Values.Where(l => l.VariableName is not null))
        {
            var description =
                _model.Lookups.FirstOrDefault(l => l.Token == lookup.Token)?.Description
                ?? $"Value of {lookup.Token}.";
            variables.Add(
                Variable(
                    lookup.VariableName!,
                    $"{description} (deploy-time lookup {lookup.Token})."
                )
            );
        }

        return new TerraformFile
        {
            Name = "variables.tf.json",
            Comment = Generated,
            Variables = variables,
        };
    }

    private static TerraformVariable Variable(
        string name,
        string description,
        string? defaultValue = null
    ) => new(name, "string", description, defaultValue);

    private TerraformFile? Outputs()
    {
        if (_model.DecryptionCa is not { } ca)
        {
            return null;
        }

        var where =
            $"ConfigMap '{ca.ConfigMapName}' in namespace '{ca.Namespace}', key '{ca.FileName}', mounted at '{ca.MountPath}' (NODE_EXTRA_CA_CERTS)";
        _diagnostics.Add(
            DiagnosticCatalog.TerraformDecryptionCaConfigMap,
            SourceSpan.FileOnly("outputs.tf.json"),
            $"Decryption is on: create {where} from the output 'decryption_ca_certificate_chain'."
        );
        if (!UsesMitmCa)
        {
            return new TerraformFile
            {
                Name = "outputs.tf.json",
                Comment =
                    $"Decryption CA: this controller version has no aviatrix_dcf_mitm_ca; export the proxy CA from the controller and create {where}.",
            };
        }

        return new TerraformFile
        {
            Name = "outputs.tf.json",
            Outputs =
            [
                new(
                    "decryption_ca_certificate_chain",
                    $"Certificate chain of the active decryption CA: create {where} from it.",
                    TerraformValue.Expression(
                        "data.aviatrix_dcf_mitm_ca.decryption.certificate_chain"
                    )
                ),
            ],
        };
    }

    private TerraformFile Main()
    {
        var data = new List<TerraformBlock>
        {
            new(
                "aviatrix_dcf_attachment_point",
                AttachmentPointLocalName,
                TerraformValue.Object(("name", TerraformValue.Text(_model.AttachmentPoint)))
            ),
        };
        if (UsesMitmCa)
        {
            data.Add(
                new(
                    "aviatrix_dcf_mitm_ca",
                    "decryption",
                    TerraformValue.Object(
                        ("name", TerraformValue.Expression("var.decryption_ca_name"))
                    )
                )
            );
        }

        foreach (var dataSource in DataSourcesUsed)
        {
            data.Add(new(dataSource, TerraformLookups.DataSourceInstance, TerraformValue.Object()));
        }

        var resources = new List<TerraformBlock>
        {
            new("aviatrix_dcf_ruleset", RulesetLocalName, Ruleset()),
        };
        resources.AddRange(SmartGroups());
        resources.AddRange(WebGroups());
        return new TerraformFile
        {
            Name = "main.tf.json",
            Comment = Generated,
            DataSources = data,
            Resources = resources,
        };
    }

    private IEnumerable<TerraformBlock> SmartGroups()
    {
        foreach (var group in _model.SmartGroups)
        {
            var expressions = new List<TerraformValue>();
            foreach (var selector in group.Selectors)
            {
                var expression = new List<(string, TerraformValue)>
                {
                    ("type", TerraformValue.Text(selector.Type)),
                };
                if (selector.Type is "k8s" or "k8s_node")
                {
                    expression.Add(
                        ("k8s_cluster_id", TerraformValue.Expression($"var.{ClusterIdVariable}"))
                    );
                }

                if (selector.Namespace is not null)
                {
                    expression.Add(("k8s_namespace", TerraformValue.Text(selector.Namespace)));
                }

                if (selector.Labels.Count > 0)
                {
                    var tags = selector
                        .Labels.OrderBy(l => l.Key, StringComparer.Ordinal)
                        .Select(l => (l.Key, (TerraformValue)TerraformValue.Text(l.Value)));
                    expression.Add(("tags", new TerraformObject([.. tags])));
                }

                expressions.Add(new TerraformObject(expression));
            }

            yield return new TerraformBlock(
                "aviatrix_smart_group",
                _smartGroupNames.Find(group.Name)!,
                new TerraformObject(
                    [
                        ("name", TerraformValue.Text(ControllerNames.Of(_model, group.Name))),
                        ("selector", Selector(expressions)),
                    ],
                    $"SmartGroup for the {group.Role} role; selectors are ORed, the fields of each ANDed."
                )
            );
        }
    }

    private IEnumerable<TerraformBlock> WebGroups()
    {
        foreach (var group in _model.WebGroups)
        {
            var expressions = group
                .Hosts.OrderBy(h => h.Host, StringComparer.Ordinal)
                .Select(host =>
                    (TerraformValue)
                        new TerraformObject(
                            [("snifilter", TerraformLookups.Template(host.Host))],
                            ProvenanceText.Describe(host.Sources)
                        )
                );

            yield return new TerraformBlock(
                "aviatrix_web_group",
                _webGroupNames.Find(group.Name)!,
                new TerraformObject(
                    [
                        ("name", TerraformValue.Text(ControllerNames.Of(_model, group.Name))),
                        ("selector", Selector(expressions)),
                    ],
                    $"WebGroup ({group.Purpose}): SNI domains, never URLs."
                )
            );
        }
    }

    private static TerraformList Selector(IEnumerable<TerraformValue> expressions) =>
        TerraformValue.List([
            TerraformValue.Object(("match_expressions", TerraformValue.List(expressions))),
        ]);

    private TerraformObject Ruleset()
    {
        var rules = new List<TerraformValue>();
        foreach (var rule in _model.Rules.OrderBy(r => r.Priority))
        {
            var arguments = new List<(string, TerraformValue)>
            {
                ("name", TerraformValue.Text(rule.Name)),
                ("priority", TerraformValue.Number(rule.Priority)),
                (
                    "action",
                    TerraformValue.Text(rule.Action == RuleAction.Permit ? "PERMIT" : "DENY")
                ),
                (
                    "protocol",
                    TerraformValue.Text(
                        rule.Protocol switch
                        {
                            RuleProtocol.Tcp => "TCP",
                            RuleProtocol.Udp => "UDP",
                            _ => "ANY",
                        }
                    )
                ),
            };
            if (rule.Ports.Count > 0)
            {
                arguments.Add(("port_ranges", TerraformValue.List(rule.Ports.Select(PortRange))));
            }

            arguments.Add(("src_smart_groups", GroupRefs(rule.Sources, rule)));
            arguments.Add(("dst_smart_groups", GroupRefs(rule.Destinations, rule)));
            if (rule.WebGroups.Count > 0)
            {
                arguments.Add(
                    (
                        "web_groups",
                        TerraformValue.List(rule.WebGroups.Select(w => WebGroupRef(w, rule)))
                    )
                );
            }

            arguments.Add(("watch", TerraformValue.Bool(rule.Watch)));
            arguments.Add(("logging", TerraformValue.Bool(rule.Logging)));
            arguments.Add(
                (
                    "decrypt_policy",
                    TerraformValue.Text(
                        rule.Decrypt switch
                        {
                            DecryptPolicy.Allowed => "DECRYPT_ALLOWED",
                            DecryptPolicy.NotAllowed => "DECRYPT_NOT_ALLOWED",
                            _ => "DECRYPT_UNSPECIFIED",
                        }
                    )
                )
            );
            rules.Add(new TerraformObject(arguments, rule.Description));
        }

        return new TerraformObject(
            [
                ("name", TerraformValue.Text(_model.RulesetName)),
                (
                    "attach_to",
                    TerraformValue.Expression(
                        $"data.aviatrix_dcf_attachment_point.{AttachmentPointLocalName}.id"
                    )
                ),
                ("rules", TerraformValue.List(rules)),
            ],
            $"Attached to '{_model.AttachmentPoint}'; only one object may attach to an attachment point. Rule names are stable: the provider keys rule identity by name."
        );
    }

    private static TerraformValue PortRange(PortRange range)
    {
        var arguments = new List<(string, TerraformValue)>
        {
            ("lo", TerraformValue.Number(range.Low)),
        };
        if (range.High is { } high && high != range.Low)
        {
            arguments.Add(("hi", TerraformValue.Number(high)));
        }

        return new TerraformObject(arguments);
    }

    private TerraformList GroupRefs(IEnumerable<string> names, PolicyRule rule)
    {
        var refs = new List<TerraformValue>();
        foreach (var name in names)
        {
            if (PredefinedGroupUuids.Of(name) is { } uuid)
            {
                refs.Add(TerraformValue.Text(uuid));
            }
            else if (_smartGroupNames.Find(name) is { } local)
            {
                refs.Add(TerraformValue.Expression($"aviatrix_smart_group.{local}.uuid"));
            }
            else
            {
                ReportUnknown("SmartGroup", name, rule);
            }
        }

        return TerraformValue.List(refs);
    }

    private TerraformString WebGroupRef(string name, PolicyRule rule)
    {
        if (_webGroupNames.Find(name) is { } local)
        {
            return TerraformValue.Expression($"aviatrix_web_group.{local}.uuid");
        }

        ReportUnknown("WebGroup", name, rule);
        return TerraformValue.Text(name);
    }

    private void ReportUnknown(string kind, string name, PolicyRule rule) =>
        _diagnostics.Add(
            DiagnosticCatalog.TargetSchemaViolation,
            SourceSpan.FileOnly("main.tf.json"),
            $"Rule '{rule.Name}' names {kind} '{name}', which the policy does not define."
        );

    private static SourceSpan SpanOf(WebGroupHost host) =>
        host
            .Sources.OfType<ConfigProvenance>()
            .OrderBy(p => p.SortKey, StringComparer.Ordinal)
            .FirstOrDefault()
            is { } config
            ? new SourceSpan(config.File, config.Line, config.Column)
            : SourceSpan.FileOnly("main.tf.json");
}
