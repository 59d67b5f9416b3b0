using System.Reflection;

namespace Radikalisering.EndToEndTests.Hosting;

/// <summary>Paths the build records in the test assembly (see the project file).</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = Metadata("RepositoryRoot");

    /// <summary>The built Functions app: its output folder with <c>functions.metadata</c>.</summary>
    public static string FunctionsApp { get; } = Metadata("FunctionsAppDirectory");

    private static string Metadata(string key) =>
        typeof(RepositoryPaths).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(attribute => attribute.Key == key)?.Value
        ?? throw new InvalidOperationException($"The test assembly has no '{key}' metadata.");
}
