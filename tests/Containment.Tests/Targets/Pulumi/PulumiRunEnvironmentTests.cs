using Containment.Core.IO;
using Containment.Core.Targets.Pulumi;
using Moq;

namespace Containment.Tests.Targets.Pulumi;

public class PulumiRunEnvironmentTests
{
    [Fact]
    public void No_PULUMI_CONFIG_means_discovery_even_when_CI_exports_PULUMI_STACK()
    {
        var environment = Environment(("PULUMI_STACK", "acme/containment/dev"));

        Assert.Null(PulumiRunEnvironment.Read(environment));
    }

    [Fact]
    public void A_run_reads_stack_project_config_and_root()
    {
        var environment = Environment(
            ("PULUMI_STACK", "acme/containment/prod"),
            ("PULUMI_PROJECT", "containment"),
            ("PULUMI_CONFIG", "{\"containment:mode\":\"enforce\"}"),
            ("PULUMI_ROOT_DIRECTORY", "/src/repo")
        );

        var run = PulumiRunEnvironment.Read(environment);

        Assert.Equal(
            new PulumiRunEnvironment(
                "prod",
                "containment",
                "{\"containment:mode\":\"enforce\"}",
                "/src/repo"
            ),
            run
        );
    }

    [Fact]
    public void Older_hosts_without_root_directory_still_run()
    {
        var run = PulumiRunEnvironment.Read(
            Environment(
                ("PULUMI_STACK", "dev"),
                ("PULUMI_CONFIG", "{}"),
                ("PULUMI_ROOT_DIRECTORY", "")
            )
        );

        Assert.Equal("dev", run!.Stack);
        Assert.Null(run.RootDirectory);
        Assert.Null(run.Project);
    }

    private static IEnvironment Environment(params (string Name, string Value)[] variables)
    {
        var mock = new Mock<IEnvironment>(MockBehavior.Strict);
        mock.Setup(e => e.GetVariable(It.IsAny<string>()))
            .Returns<string>(name => variables.FirstOrDefault(v => v.Name == name).Value);
        return mock.Object;
    }
}
