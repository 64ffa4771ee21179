using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Containment.Core.IO;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Containment.Core.Targets.AviatrixCrd;

/// <summary>
/// Prints the CRD target's manifests with YamlDotNet's low-level <see cref="Emitter"/> (events, no reflection: AOT-safe):
/// block style, 2-space indent with sequences indented under their key, "\n" line ends, no anchors, no tags, no line
/// folding. A string is written plain only when a YAML 1.1 or 1.2 reader could not take it for anything but that
/// string; otherwise it is double-quoted. Comments carry model text, so line breaks and control characters in them
/// become spaces: a comment can never end early and turn the rest of its text into YAML.
/// </summary>
public static partial class FirewallPolicyYamlPrinter
{
    [GeneratedRegex(@"^[A-Za-z_/][A-Za-z0-9_./-]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex PlainSafe();

    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "y",
        "n",
        "yes",
        "no",
        "true",
        "false",
        "on",
        "off",
        "null",
        "nan",
        "inf",
    };

    public static string Print(FirewallPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return Document(
            policy.Header,
            y =>
            {
                y.Map(() =>
                {
                    y.Entry("apiVersion", "networking.aviatrix.com/v1alpha1");
                    y.Entry("kind", "FirewallPolicy");
                    y.Key("metadata");
                    y.Map(() =>
                    {
                        y.Entry("name", policy.Name);
                        y.Entry("namespace", policy.Namespace);
                        y.Key("labels");
                        y.Labels(policy.Labels);
                    });
                    y.Key("spec");
                    y.Map(() =>
                    {
                        y.Comments(policy.OmittedRules);
                        y.Key("rules");
                        y.Seq(policy.Rules, rule => Rule(y, rule));
                        y.Key("smartGroups");
                        y.Seq(policy.SmartGroups, group => SmartGroup(y, group));
                        y.Key("webGroups");
                        y.Seq(policy.WebGroups, group => WebGroup(y, group));
                    });
                });
            }
        );
    }

    public static string Print(Kustomization kustomization)
    {
        ArgumentNullException.ThrowIfNull(kustomization);
        return Document(
            kustomization.Header,
            y =>
                y.Map(() =>
                {
                    y.Entry("apiVersion", "kustomize.config.k8s.io/v1beta1");
                    y.Entry("kind", "Kustomization");
                    y.Entry("namespace", kustomization.Namespace);
                    y.Key("resources");
                    y.Seq(kustomization.Resources, y.String);
                })
        );
    }

    /// <summary>Plain when nothing else can read it differently, else double-quoted.</summary>
    public static ScalarStyle StyleOf(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return PlainSafe().IsMatch(text) && !Reserved.Contains(text)
            ? ScalarStyle.Plain
            : ScalarStyle.DoubleQuoted;
    }

    private static void Rule(Events y, CrdRule rule)
    {
        y.Comments([rule.Comment]);
        y.Map(() =>
        {
            y.Entry("name", rule.Name);
            y.Entry("action", rule.Action);
            y.Entry("protocol", rule.Protocol);
            if (rule.Port is { } port)
            {
                y.Key("port");
                y.Integer(port);
            }

            if (rule.EndPort is { } endPort)
            {
                y.Key("endPort");
                y.Integer(endPort);
            }

            y.Key("selector");
            y.Map(() =>
            {
                y.Key("matchLabels");
                y.Labels(rule.MatchLabels);
            });
            y.Key("destinationSmartGroups");
            y.Seq(
                rule.Destinations,
                destination =>
                {
                    y.Comments(destination.Comment is null ? [] : [destination.Comment]);
                    y.Map(() =>
                    {
                        if (destination.Uuid is not null)
                        {
                            y.Entry("uuid", destination.Uuid);
                        }
                        else
                        {
                            y.Entry("name", destination.Name!);
                        }
                    });
                }
            );
            if (rule.WebGroups.Count > 0)
            {
                y.Key("webGroups");
                y.Seq(rule.WebGroups, name => y.Map(() => y.Entry("name", name)));
            }

            y.Key("logging");
            y.Boolean(rule.Logging);
            y.Key("watch");
            y.Boolean(rule.Watch);
            if (rule.DecryptPolicy is not null)
            {
                y.Entry("decryptPolicy", rule.DecryptPolicy);
            }
        });
    }

    private static void SmartGroup(Events y, CrdSmartGroup group)
    {
        y.Comments([group.Comment]);
        y.Map(() =>
        {
            y.Entry("name", group.Name);
            y.Key("selectors");
            y.Seq(
                group.Selectors,
                selector =>
                    y.Map(() =>
                    {
                        y.Entry("type", selector.Type);
                        if (selector.K8sClusterId is not null)
                        {
                            y.Entry("k8sClusterId", selector.K8sClusterId);
                        }

                        if (selector.K8sNamespace is not null)
                        {
                            y.Entry("k8sNamespace", selector.K8sNamespace);
                        }

                        if (selector.Tags.Pairs.Count > 0)
                        {
                            y.Key("tags");
                            y.Labels(selector.Tags);
                        }
                    })
            );
        });
    }

    private static void WebGroup(Events y, CrdWebGroup group)
    {
        y.Comments(group.Comments);
        y.Map(() =>
        {
            y.Entry("name", group.Name);
            y.Key("domains");
            y.Seq(
                group.Domains,
                domain =>
                {
                    y.Comments([domain.Comment]);
                    y.String(domain.Host);
                }
            );
        });
    }

    private static string Document(IReadOnlyList<string> header, Action<Events> body)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        var emitter = new Emitter(
            writer,
            new EmitterSettings(
                bestIndent: 2,
                bestWidth: int.MaxValue,
                isCanonical: false,
                maxSimpleKeyLength: int.MaxValue,
                indentSequences: true,
                newLine: "\n"
            )
        );
        var y = new Events(emitter);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart());
        y.Comments(header);
        body(y);
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return EscapeInvisible(writer.ToString());
    }

    /// <summary>
    /// YamlDotNet's Emitter writes printable non-ASCII as-is, in double-quoted scalars and in comments (Emitter.cs
    /// WriteDoubleQuotedScalar escapes only what IsPrintable refuses), so a bidi override (U+202E) or a zero-width
    /// joiner in an MCP server key would reorder or hide text in the reviewed manifest. Each such character becomes
    /// <c>\uXXXX</c> (<c>\UXXXXXXXX</c> above the BMP): inside double quotes the YAML escape decodes to the same
    /// string, in a comment it is shown; plain scalars are ASCII (<see cref="StyleOf"/>) and line breaks are structure.
    /// </summary>
    private static string EscapeInvisible(string document)
    {
        if (!document.EnumerateRunes().Any(IsEscaped))
        {
            return document;
        }
        var text = new StringBuilder(document.Length + 16);
        foreach (var rune in document.EnumerateRunes())
        {
            text.Append(
                !IsEscaped(rune) ? rune.ToString()
                : rune.IsBmp ? string.Create(CultureInfo.InvariantCulture, $"\\u{rune.Value:X4}")
                : string.Create(CultureInfo.InvariantCulture, $"\\U{rune.Value:X8}")
            );
        }
        return text.ToString();
    }

    private static bool IsEscaped(Rune rune) =>
        !Rune.IsControl(rune) && InvisibleCharacters.Is(rune.Value);

    /// <summary>The event vocabulary the manifests use, on top of the emitter.</summary>
    private sealed class Events(IEmitter emitter)
    {
        public void Comments(IEnumerable<string> comments)
        {
            foreach (var comment in comments)
            {
                foreach (var line in comment.Split('\n'))
                {
                    emitter.Emit(new Comment(Sanitize(line), isInline: false));
                }
            }
        }

        public void Key(string key) => String(key);

        public void Entry(string key, string value)
        {
            String(key);
            String(value);
        }

        public void String(string text) =>
            emitter.Emit(
                new Scalar(AnchorName.Empty, TagName.Empty, text, StyleOf(text), true, true)
            );

        public void Integer(int value) => Plain(value.ToString(CultureInfo.InvariantCulture));

        public void Boolean(bool value) => Plain(value ? "true" : "false");

        public void Map(Action entries)
        {
            emitter.Emit(
                new MappingStart(AnchorName.Empty, TagName.Empty, true, MappingStyle.Block)
            );
            entries();
            emitter.Emit(new MappingEnd());
        }

        public void Seq<T>(IEnumerable<T> items, Action<T> item)
        {
            emitter.Emit(
                new SequenceStart(AnchorName.Empty, TagName.Empty, true, SequenceStyle.Block)
            );
            foreach (var each in items)
            {
                item(each);
            }

            emitter.Emit(new SequenceEnd());
        }

        public void Labels(CrdLabels labels) =>
            Map(() =>
            {
                foreach (var (key, value) in labels.Pairs)
                {
                    Entry(key, value);
                }
            });

        private void Plain(string text) =>
            emitter.Emit(
                new Scalar(AnchorName.Empty, TagName.Empty, text, ScalarStyle.Plain, true, false)
            );

        /// <summary>Every break-like or control character becomes a space; trailing spaces go.</summary>
        private static string Sanitize(string line) =>
            new string([
                .. line.Select(c =>
                    char.IsControl(c) || c is '\u2028' or '\u2029' or '\uFEFF' ? ' ' : c
                ),
            ]).TrimEnd();
    }
}
