namespace Radikalisering.IntegrationTests.Fixtures.Deployment;

/// <summary>Builds and lints infra/main.bicep once for all Deployment tests.</summary>
public sealed class BicepTemplateFixture : IAsyncLifetime
{
    internal BicepRun Build { get; private set; } = null!;

    internal BicepRun Lint { get; private set; } = null!;

    internal CompiledTemplate Template { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var mainBicep = RepositoryPaths.Infra("main.bicep");
        Build = await BicepCli.RunAsync(["build", mainBicep, "--stdout"]);
        Lint = await BicepCli.RunAsync(["lint", mainBicep]);
        Assert.True(Build.ExitCode == 0, $"bicep build failed: {Build.Describe()}");
        Template = new CompiledTemplate(Build.StandardOutput);
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

[CollectionDefinition(Name)]
public sealed class BicepTemplateCollection : ICollectionFixture<BicepTemplateFixture>
{
    public const string Name = "Bicep template";
}
