namespace Containment.Tests.EndToEnd;

/// <summary>The e2e cases come from the Baselines folders, not from a list in code.</summary>
public sealed class E2eCaseDiscoveryTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_committed_case_folders_are_all_found()
    {
        // Guards against discovery silently finding nothing, which would leave the baseline theories empty.
        Assert.Equal(
            [
                "azure-mcp/staging",
                "enforce-decryption/prod",
                "obot/dev",
                "ports/dev",
                "upstream/dev",
            ],
            E2eCase.All.Select(c => $"{c.Name}/{c.Stack}")
        );
    }

    [Fact]
    public void A_new_folder_is_a_new_case_named_after_the_folder_and_its_stack_file()
    {
        CaseFolder("e2e-fresh", "librechat.yaml", "Pulumi.qa.yaml");
        CaseFolder("not-e2e", "librechat.yaml", "Pulumi.dev.yaml");

        var cases = E2eCase.Discover(_temp.Path);

        Assert.Equal([new E2eCase("fresh", "qa")], cases);
    }

    [Fact]
    public void A_folder_with_two_stack_files_is_refused_rather_than_guessed()
    {
        CaseFolder("e2e-ambiguous", "librechat.yaml", "Pulumi.dev.yaml", "Pulumi.prod.yaml");

        var error = Assert.Throws<InvalidOperationException>(() => E2eCase.Discover(_temp.Path));
        Assert.Contains(
            "exactly one Pulumi.<stack>.yaml, found 2",
            error.Message,
            StringComparison.Ordinal
        );
    }

    private void CaseFolder(string name, params string[] files)
    {
        var dir = Directory.CreateDirectory(_temp.Sub(name)).FullName;
        foreach (var file in files)
        {
            File.WriteAllText(Path.Combine(dir, file), "");
        }
    }
}
