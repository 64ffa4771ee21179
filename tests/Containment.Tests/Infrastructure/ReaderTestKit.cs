using System.Text;
using Containment.Core.Diagnostics;
using Containment.Core.Egress;
using Containment.Core.IO;
using Containment.Core.LibreChat;
using Containment.Core.Model;
using Containment.Core.Yaml;

namespace Containment.Tests.Infrastructure;

/// <summary>Helpers shared by the reader and CLI tests: fixtures, an in-memory file system, one-call reads.</summary>
internal static class ReaderTestKit
{
    public static string Fixture(string name) =>
        Path.Combine(AppContext.BaseDirectory, "Fixtures", "reader", name);

    public static readonly IReadOnlyDictionary<string, string> NoEnv = new Dictionary<
        string,
        string
    >(StringComparer.Ordinal);

    public static Dictionary<string, string> Env(params (string Name, string Value)[] values) =>
        values.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);

    public static YNode? Parse(string yaml, DiagnosticBag diagnostics, YamlLimits? limits = null) =>
        YamlLoader.Load(Encoding.UTF8.GetBytes(yaml), "t.yaml", diagnostics, limits);

    public static (LibreChatConfig? Config, DiagnosticBag Diagnostics) Read(
        string yaml,
        IReadOnlyDictionary<string, string>? env = null,
        EnforcementMode mode = EnforcementMode.Monitor
    )
    {
        var diagnostics = new DiagnosticBag();
        var root = Parse(yaml, diagnostics);
        var config = root is null
            ? null
            : LibreChatReader.Read(root, "t.yaml", env ?? NoEnv, diagnostics);
        ReportUnknownHosts(config, mode, diagnostics);
        return (config, diagnostics);
    }

    public static (LibreChatConfig? Config, DiagnosticBag Diagnostics) ReadFixture(
        string name,
        IReadOnlyDictionary<string, string>? env = null,
        EnforcementMode mode = EnforcementMode.Monitor
    )
    {
        var diagnostics = new DiagnosticBag();
        var config = LibreChatLoader.Load(
            Fixture(name),
            PhysicalFileSystem.Instance,
            env ?? NoEnv,
            diagnostics,
            name
        );
        ReportUnknownHosts(config, mode, diagnostics);
        return (config, diagnostics);
    }

    /// <summary>The reader only records unknown hosts; the policy stage reports them at the mode's severity, as here.</summary>
    private static void ReportUnknownHosts(
        LibreChatConfig? config,
        EnforcementMode mode,
        DiagnosticBag diagnostics
    )
    {
        if (config is not null)
        {
            UnknownHosts.Report(config, mode, diagnostics);
        }
    }

    public static Diagnostic Single(DiagnosticBag diagnostics)
    {
        Assert.Single(diagnostics.Items);
        return diagnostics.Items[0];
    }

    public static IEnumerable<string> Codes(DiagnosticBag diagnostics) =>
        diagnostics.Items.Select(d => d.Code);
}

/// <summary>Files held in memory, so tests can stage directories, odd lengths and bytes without the disk.</summary>
internal sealed class InMemoryFileSystem : IFileSystem
{
    private readonly Dictionary<string, byte[]> _files = new(StringComparer.Ordinal);
    private readonly HashSet<string> _directories = new(StringComparer.Ordinal);

    public InMemoryFileSystem With(string path, string text) =>
        With(path, Encoding.UTF8.GetBytes(text));

    public InMemoryFileSystem With(string path, byte[] bytes)
    {
        _files[path] = bytes;
        return this;
    }

    public InMemoryFileSystem WithDirectory(string path)
    {
        _directories.Add(path);
        return this;
    }

    public bool FileExists(string path) => _files.ContainsKey(path);

    public bool DirectoryExists(string path) => _directories.Contains(path);

    public long GetFileLength(string path) => _files[path].LongLength;

    // Like the disk reader: at most one byte past the limit, whatever the file holds.
    public byte[] ReadAtMost(string path, long maxBytes) =>
        _files[path].Length > maxBytes ? _files[path][..(int)(maxBytes + 1)] : _files[path];
}
