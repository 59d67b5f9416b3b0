using System.Reflection;

namespace Radikalisering.IntegrationTests.Fixtures.Deployment;

/// <summary>Paths the build records in the test assembly (see the project file).</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = Metadata("RepositoryRoot");

    public static string BicepExecutable { get; } = Metadata("BicepExecutable");

    /// <summary>The built Functions app: its output folder with <c>functions.metadata</c> and <c>host.json</c>.</summary>
    public static string FunctionsApp { get; } = Metadata("FunctionsAppDirectory");

    public static string Infra(params string[] relativePath) =>
        Path.Combine([Root, "infra", .. relativePath]);

    private static string Metadata(string key) =>
        typeof(RepositoryPaths).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(attribute => attribute.Key == key)?.Value
        ?? throw new InvalidOperationException($"The test assembly has no '{key}' metadata.");
}
