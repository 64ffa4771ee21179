using Containment.Core.Diagnostics;
using Containment.Core.IO;
using Containment.Core.Model;
using Containment.Core.Settings;
using Moq;

namespace Containment.Tests.Settings;

public class StackSettingsLoaderTests
{
    private const string FullStackFile = """
        encryptionsalt: v1:abc
        config:
          aviatrix:controllerIp: 10.0.0.1
          aviatrix:password:
            secure: AAABAHunter2
          containment:librechatConfig: infra/librechat.yaml
          containment:cloudProvider: aws
          containment:mode: enforce
          containment:controllerVersion: "9.0"
          containment:decryption: permits
          containment:agentGuard: "on"
          containment:cluster:
            id: arn:aws:eks:eu-central-1:123456789012:cluster/chat
            namespace: chat
            podLabels:
              app.kubernetes.io/name: librechat-librechat
            dataStores:
              - name: mongodb
                labels: {app.kubernetes.io/name: mongodb}
                port: 27017
          containment:registry:
            awsAccountId: "123456789012"
            awsRegion: eu-central-1
          containment:mcpPlatform: obot
          containment:obotEndpoint: https://obot.example.com
          containment:env:
            OCR_BASEURL: https://ocr.example.com
          containment:extraDestinations:
            - host: status.example.com
              reason: health checks
              port: 8443
          containment:attachmentPoint: TEAM_SLOT
          containment:catalogOverrides:
            - catalog: docker-hub
              add: [mirror.gcr.io]
              remove: [index.docker.io]
        """;

    private static StackSettings? Yaml(string text, DiagnosticBag bag) =>
        StackSettingsLoader.ParseStackFile(text, "Pulumi.prod.yaml", "prod", bag);

    [Fact]
    public void Stack_file_with_every_key_binds_all_of_them()
    {
        var bag = new DiagnosticBag();

        var s = Yaml(FullStackFile, bag);

        Assert.Empty(bag.Items);
        Assert.NotNull(s);
        Assert.Equal("prod", s!.Stack);
        Assert.Equal("Pulumi.prod.yaml", s.Source);
        Assert.Equal("infra/librechat.yaml", s.LibreChatConfig);
        Assert.Equal(CloudProvider.Aws, s.CloudProvider);
        Assert.Equal(EnforcementMode.Enforce, s.Mode);
        Assert.Equal(new Version(9, 0), s.ControllerVersion);
        Assert.Equal(DecryptionMode.Permits, s.Decryption);
        Assert.True(s.AgentGuard);
        Assert.Equal("chat", s.Cluster.Namespace);
        Assert.Equal("librechat-librechat", s.Cluster.PodLabels["app.kubernetes.io/name"]);
        var store = Assert.Single(s.Cluster.DataStores);
        Assert.Equal(("mongodb", 27017), (store.Name, store.Port));
        Assert.Equal("123456789012", s.Registry.AwsAccountId);
        Assert.Equal(McpPlatform.Obot, s.McpPlatform);
        Assert.Equal("https://obot.example.com", s.ObotEndpoint);
        Assert.Equal("https://ocr.example.com", s.Env["OCR_BASEURL"]);
        Assert.Equal(
            new ExtraDestination(
                "status.example.com",
                "health checks",
                8443,
                new("Pulumi.prod.yaml", 29, 13)
            ),
            Assert.Single(s.ExtraDestinations)
        );
        Assert.Equal("TEAM_SLOT", s.AttachmentPoint);
        var o = Assert.Single(s.CatalogOverrides);
        Assert.Equal(
            ("docker-hub", "mirror.gcr.io", "index.docker.io"),
            (o.Catalog, o.Add.Single(), o.Remove.Single())
        );
    }

    [Fact]
    public void Pulumi_config_json_binds_object_values_given_as_json_text_and_ignores_other_namespaces()
    {
        const string json = """
            {"containment:mode":"enforce","containment:cloudProvider":"gcp",
             "containment:cluster":"{\"id\":\"chat-gke\",\"namespace\":\"chat\",\"podLabels\":{\"app\":\"librechat\"}}",
             "containment:extraDestinations":"[{\"host\":\"a.example.com\",\"reason\":\"r\"}]",
             "aviatrix:password":"hunter2-secret-value"}
            """;
        var bag = new DiagnosticBag();

        var s = StackSettingsLoader.ParsePulumiConfig(json, "prod", bag);

        Assert.NotNull(s);
        Assert.Equal(EnforcementMode.Enforce, s!.Mode);
        Assert.Equal(CloudProvider.Gcp, s.CloudProvider);
        Assert.Equal("chat-gke", s.Cluster.Id);
        Assert.Equal("librechat", s.Cluster.PodLabels["app"]);
        Assert.Equal(443, Assert.Single(s.ExtraDestinations).Port);
        Assert.Equal("PULUMI_CONFIG", s.Source);
        Assert.DoesNotContain(
            bag.Items,
            d => d.Message.Contains("hunter2", StringComparison.Ordinal)
        );
    }

    [Fact]
    public void Secrets_are_never_echoed_even_when_the_file_is_wrong()
    {
        const string text = """
            config:
              aviatrix:password: hunter2-secret-value
              containment:mode: enforcee
              containment:env:
                TOKEN: [hunter3-secret-value]
            """;
        var bag = new DiagnosticBag();

        Assert.Null(Yaml(text, bag));

        Assert.NotEmpty(bag.Items);
        Assert.DoesNotContain(
            bag.Items,
            d => d.Message.Contains("hunter", StringComparison.Ordinal)
        );
    }

    [Fact]
    public void Secure_value_for_a_containment_key_is_an_error()
    {
        var bag = new DiagnosticBag();

        Assert.Null(Yaml("config:\n  containment:obotEndpoint:\n    secure: AAAB\n", bag));

        Assert.Contains(
            bag.Items,
            d =>
                d.Descriptor == DiagnosticCatalog.SettingIsSecret
                && !d.Message.Contains("AAAB", StringComparison.Ordinal)
        );
    }

    [Fact]
    public void Containment_key_listed_as_secret_in_pulumi_config_is_an_error()
    {
        var bag = new DiagnosticBag();

        Assert.Null(
            StackSettingsLoader.ParsePulumiConfig(
                """{"containment:obotEndpoint":"https://x"}""",
                "dev",
                bag,
                ["containment:obotEndpoint"]
            )
        );

        Assert.Contains(bag.Items, d => d.Descriptor == DiagnosticCatalog.SettingIsSecret);
    }

    [Theory]
    [InlineData("containment:cloudProvider: oracle", "CT4006", "aws, azure, gcp", 2)]
    [InlineData("containment:mode: strict", "CT4006", "monitor, enforce", 2)]
    [InlineData("containment:controllerVersion: latest", "CT4007", "\"9.0\"", 2)]
    [InlineData("containment:cluster: my-cluster", "CT4005", "cluster must be a mapping", 2)]
    [InlineData(
        "containment:extraDestinations: api.example.com",
        "CT4005",
        "extraDestinations must be a list",
        2
    )]
    [InlineData("containment:extraDestinations:\n    - api.example.com", "CT4009", "reason", 3)]
    [InlineData(
        "containment:cluster:\n    dataStores:\n      - name: mongo\n        labels: {a: b}\n        port: many",
        "CT4005",
        "port",
        6
    )]
    [InlineData("containment:mcpPlatform: [obot]", "CT4005", "mcpPlatform must be a string", 2)]
    public void Wrong_types_and_values_name_the_key_the_fix_and_the_line(
        string entry,
        string code,
        string fragment,
        int line
    )
    {
        var bag = new DiagnosticBag();

        Assert.Null(Yaml("config:\n  " + entry + "\n", bag));

        var d = Assert.Single(bag.Items, x => x.Code == code);
        Assert.Contains(fragment, d.Message, StringComparison.Ordinal);
        Assert.Equal(("Pulumi.prod.yaml", line), (d.Span.File, d.Span.Line));
    }

    [Fact]
    public void Unknown_key_warns_with_a_suggestion_and_still_loads()
    {
        var bag = new DiagnosticBag();

        var s = Yaml("config:\n  containment:Mode: enforce\n", bag);

        Assert.NotNull(s);
        var d = Assert.Single(bag.Items);
        Assert.Equal(DiagnosticCatalog.UnknownSettingKey, d.Descriptor);
        Assert.Contains("containment:mode", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_yaml_is_reported_with_its_position()
    {
        var bag = new DiagnosticBag();

        Assert.Null(Yaml("config:\n  containment:mode: [enforce\n", bag));

        var d = Assert.Single(bag.Items);
        Assert.Equal(DiagnosticCatalog.SettingsYamlInvalid, d.Descriptor);
        Assert.True(d.Span.HasPosition);
    }

    [Fact]
    public void Invalid_pulumi_config_json_is_an_error()
    {
        var bag = new DiagnosticBag();

        Assert.Null(StackSettingsLoader.ParsePulumiConfig("{not json", "dev", bag));
        Assert.Null(
            StackSettingsLoader.ParsePulumiConfig(
                """{"containment:cluster":"{broken"}""",
                "dev",
                bag
            )
        );

        Assert.Equal(["CT4003", "CT4005"], bag.Items.Select(d => d.Code));
    }

    [Fact]
    public void Empty_settings_warn_that_defaults_apply()
    {
        var bag = new DiagnosticBag();

        var s = StackSettingsLoader.ParsePulumiConfig("{}", "dev", bag);

        Assert.Equal(EnforcementMode.Monitor, s!.Mode);
        Assert.Contains(bag.Items, d => d.Descriptor == DiagnosticCatalog.SettingsNoConfig);
    }

    [Fact]
    public void Stack_file_is_read_through_the_file_system_seam()
    {
        var fs = new Mock<IFileSystem>();
        fs.Setup(f => f.FileExists("Pulumi.dev.yaml")).Returns(true);
        fs.Setup(f => f.GetFileLength("Pulumi.dev.yaml")).Returns(40);
        fs.Setup(f => f.ReadAtMost("Pulumi.dev.yaml", It.IsAny<long>()))
            .Returns("config:\n  containment:mode: enforce\n"u8.ToArray());
        var bag = new DiagnosticBag();

        var s = StackSettingsLoader.LoadStackFile(fs.Object, "Pulumi.dev.yaml", "dev", bag);

        Assert.Equal(EnforcementMode.Enforce, s!.Mode);
        Assert.Null(
            StackSettingsLoader.LoadStackFile(fs.Object, "Pulumi.missing.yaml", "missing", bag)
        );
        Assert.Contains(bag.Items, d => d.Descriptor == DiagnosticCatalog.SettingsFileUnreadable);
    }
}
