using System.Text.Json.Nodes;

namespace Radikalisering.WorkerHost;

/// <summary>The <c>Values</c> of a <c>local.settings.json</c>, the app settings of a local run.</summary>
public static class LocalSettings
{
    public static IReadOnlyDictionary<string, string?> ReadValues(string path)
    {
        var values = JsonNode.Parse(File.ReadAllText(path))?["Values"]?.AsObject()
            ?? throw new WorkerHostException($"{path} has no Values.");
        return values.ToDictionary(pair => pair.Key, pair => pair.Value?.GetValue<string>());
    }
}
