using System.Reflection;
using System.Text.Json.Nodes;

namespace Radikalisering.PowerAppsTests;

/// <summary>The repository files these tests read: the app's source, the connector and the shared Danish texts.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } =
        typeof(RepositoryFiles).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == "RepositoryRoot").Value!;

    public static string AppSource { get; } = Path.Combine(Root, "powerapps", "src");

    public static string ConnectorDefinition { get; } = Path.Combine(Root, "infra", "connector", "apiDefinition.swagger.json");

    public static string DanishLabels { get; } =
        Path.Combine(Root, "functions", "Radikalisering.Core", "Localization", "labels.da.json");

    public static JsonObject ReadJson(string path) => JsonNode.Parse(File.ReadAllText(path))!.AsObject();
}
