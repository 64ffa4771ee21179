using System.Text;
using Containment.Core.Diagnostics;
using Containment.Core.IO;
using Containment.Core.Pipeline;
using Containment.Core.Policy;
using Containment.Core.Settings;
using Containment.Core.Targets;
using Containment.Tests.Cli;
using Containment.Tests.Infrastructure;

namespace Containment.Tests.EndToEnd;

/// <summary>
/// One end-to-end case: Baselines/e2e-&lt;name&gt;/ holds its inputs (librechat.yaml and Pulumi.&lt;stack&gt;.yaml) and the
/// outputs the real CLI produced from them. The inputs are served from memory under their plain names (so paths in
/// outputs read <c>librechat.yaml</c>, never a machine's folder), and under <see cref="ProjectRoot"/> for compile.
/// </summary>
internal sealed record E2eCase(string Name, string Stack)
{
    public const string ConfigFile = "librechat.yaml";

    public const string FolderPrefix = "e2e-";

    /// <summary>
    /// Every Baselines/e2e-&lt;name&gt;/ folder is a case: adding a folder with librechat.yaml and one
    /// Pulumi.&lt;stack&gt;.yaml adds a case with no code change (accept its outputs with CONTAINMENT_ACCEPT=1).
    /// </summary>
    public static IReadOnlyList<E2eCase> All { get; } = Discover(Baseline.CaseFolder(""));

    /// <summary>The cases under <paramref name="baselinesRoot"/>, ordered by name; the stack comes from the one stack file.</summary>
    public static IReadOnlyList<E2eCase> Discover(string baselinesRoot) =>
        [
            .. Directory
                .EnumerateDirectories(baselinesRoot, FolderPrefix + "*")
                .Select(dir => new E2eCase(
                    Path.GetFileName(dir)[FolderPrefix.Length..],
                    StackOf(dir)
                ))
                .OrderBy(c => c.Name, StringComparer.Ordinal),
        ];

    // The stack file is the case's only description of its stack: exactly one Pulumi.<stack>.yaml, or the case is malformed.
    private static string StackOf(string caseFolder)
    {
        var stackFiles = Directory.GetFiles(caseFolder, "Pulumi.*.yaml");
        if (stackFiles.Length != 1)
        {
            throw new InvalidOperationException(
                $"{caseFolder} must hold exactly one Pulumi.<stack>.yaml, found {stackFiles.Length}."
            );
        }

        var name = Path.GetFileName(stackFiles[0]);
        return name["Pulumi.".Length..^".yaml".Length];
    }

    /// <summary>The project root compile is told about (PULUMI_ROOT_DIRECTORY); it exists only in the in-memory file system.</summary>
    public static string ProjectRoot { get; } =
        Path.GetFullPath(Path.Combine(Path.GetTempPath(), "containment-e2e-project"));

    public static E2eCase ByName(string name) => All.Single(c => c.Name == name);

    public string Folder => FolderPrefix + Name;

    public string StackFile => $"Pulumi.{Stack}.yaml";

    public string Read(string file) =>
        File.ReadAllText(Path.Combine(Baseline.CaseFolder(Folder), file));

    public InMemoryFileSystem FileSystem()
    {
        var fs = new InMemoryFileSystem();
        foreach (var file in new[] { ConfigFile, StackFile })
        {
            var bytes = Encoding.UTF8.GetBytes(Read(file));
            fs.With(file, bytes).With(Path.Combine(ProjectRoot, file), bytes);
        }

        return fs.WithDirectory(ProjectRoot);
    }

    /// <summary>PULUMI_CONFIG as Pulumi builds it from this stack file and the repository's Pulumi.yaml defaults.</summary>
    public string PulumiConfig() =>
        PulumiConfigJson.FromStackFile(
            Read(StackFile),
            File.ReadAllText(
                Path.Combine(Baseline.RepositoryRoot() ?? AppContext.BaseDirectory, "Pulumi.yaml")
            )
        );

    public CliResult Plan(string format) =>
        CliRunner.Run(
            FileSystem(),
            "plan",
            "--settings",
            StackFile,
            "--config",
            ConfigFile,
            "--format",
            format
        );

    public CliResult Compile(IFileSystem? fs = null) =>
        CliRunner.Run(
            fs ?? FileSystem(),
            CliRunner.Environment(
                ("PULUMI_STACK", Stack),
                ("PULUMI_ORGANIZATION", "acme"),
                ("PULUMI_PROJECT", "containment"),
                ("PULUMI_CONFIG", PulumiConfig()),
                ("PULUMI_ROOT_DIRECTORY", ProjectRoot)
            ),
            "compile"
        );

    /// <summary>Runs <c>emit</c> into <paramref name="outDir"/> and returns what it wrote (the ownership manifest aside).</summary>
    public (CliResult Result, SortedDictionary<string, byte[]> Files) Emit(
        string target,
        string outDir
    )
    {
        var result = CliRunner.Run(
            FileSystem(),
            "emit",
            "--settings",
            StackFile,
            "--config",
            ConfigFile,
            "--target",
            target,
            "--out",
            outDir
        );
        return (result, ReadFolder(outDir));
    }

    public static SortedDictionary<string, byte[]> ReadFolder(string dir)
    {
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        if (Directory.Exists(dir))
        {
            foreach (var file in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(dir, file).Replace('\\', '/');
                if (relative != AtomicDirectoryWriter.ManifestFileName)
                {
                    files[relative] = File.ReadAllBytes(file);
                }
            }
        }

        return files;
    }

    public static TargetOutput AsOutput(string target, IReadOnlyDictionary<string, byte[]> files) =>
        new(target, files.Select(f => new TargetFile(f.Key, Encoding.UTF8.GetString(f.Value))));

    /// <summary>The policy model the same pipeline derives, for comparing the targets with.</summary>
    public PolicyModel Model()
    {
        var diagnostics = new DiagnosticBag();
        var fs = FileSystem();
        var settings = StackSettingsLoader.LoadStackFile(fs, StackFile, Stack, diagnostics)!;
        var model = PolicyPipeline
            .Run(settings, ConfigFile, ConfigFile, fs, null, diagnostics)
            .Model;
        Assert.False(diagnostics.HasErrors, Baseline.RenderDiagnostics(diagnostics));
        return model!;
    }
}

/// <summary>A fresh folder under the temp directory, deleted afterwards.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } =
        System.IO.Path.Combine(
            System.IO.Path.GetTempPath(),
            "containment-test-" + Guid.NewGuid().ToString("N")
        );

    public string Sub(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
