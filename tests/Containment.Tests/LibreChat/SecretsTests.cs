using System.Text;
using Containment.Cli;
using Containment.Core.IO;
using Containment.Core.LibreChat;
using static Containment.Tests.Infrastructure.ReaderTestKit;

namespace Containment.Tests.LibreChat;

/// <summary>Every secret in full.yaml contains the word MARKER; none of them may leave the reader.</summary>
public class SecretsTests
{
    private const string Marker = "MARKER";

    [Fact]
    public void No_secret_reaches_the_model()
    {
        var (config, _) = ReadFixture("full.yaml");
        var dump = Dump(config!);
        Assert.Contains("api.groq.com", dump, StringComparison.Ordinal);
        Assert.DoesNotContain(Marker, dump, StringComparison.Ordinal);
    }

    [Fact]
    public void No_secret_reaches_a_diagnostic()
    {
        // Wrong types next to secrets, an unresolved variable and a URL with userinfo and query all produce messages.
        var yaml = File.ReadAllText(Fixture("full.yaml"))
            .Replace(
                "X-Org: \"MARKER_HEADER_VALUE\"",
                "X-Org: [MARKER_IN_LIST]",
                StringComparison.Ordinal
            );
        var (_, diagnostics) = Read(yaml);
        Assert.NotEmpty(diagnostics.Items);
        Assert.All(
            diagnostics.Items,
            d => Assert.DoesNotContain(Marker, d.Render(), StringComparison.Ordinal)
        );
    }

    [Fact]
    public void No_secret_reaches_lint_output()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var env = new Moq.Mock<IEnvironment>().Object;
        CliApp.Run(
            ["lint", "--config", Fixture("full.yaml"), "--format", "json"],
            stdout,
            stderr,
            PhysicalFileSystem.Instance,
            env
        );
        CliApp.Run(
            ["lint", "--config", Fixture("full.yaml")],
            stdout,
            stderr,
            PhysicalFileSystem.Instance,
            env
        );
        Assert.DoesNotContain(
            Marker,
            stdout.ToString() + stderr.ToString(),
            StringComparison.Ordinal
        );
    }

    /// <summary>Reflects over the whole model graph and concatenates every string in it.</summary>
    private static string Dump(object root)
    {
        var sb = new StringBuilder();
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        void Walk(object? value, int depth)
        {
            if (value is null || depth > 20)
            {
                return;
            }
            if (value is string s)
            {
                sb.Append(s).Append('\n');
                return;
            }
            var type = value.GetType();
            if (type.IsPrimitive || type.IsEnum || !seen.Add(value))
            {
                return;
            }
            if (value is System.Collections.IEnumerable items)
            {
                foreach (var item in items)
                {
                    Walk(item, depth + 1);
                }
                return;
            }
            foreach (var property in type.GetProperties())
            {
                if (property.GetIndexParameters().Length == 0)
                {
                    Walk(property.GetValue(value), depth + 1);
                }
            }
        }
        Walk(root, 0);
        return sb.ToString();
    }
}
