using System.Text.Json.Nodes;

namespace Radikalisering.WorkerHost;

/// <summary>The few <c>host.json</c> settings this host honours, with the Functions host's defaults.</summary>
public sealed record HostJson(string RoutePrefix, int MaxDequeueCount, TimeSpan VisibilityTimeout)
{
    public static HostJson Read(string appDirectory)
    {
        var path = Path.Combine(appDirectory, "host.json");
        var extensions = File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path))?["extensions"] : null;
        var queues = extensions?["queues"];
        return new HostJson(
            extensions?["http"]?["routePrefix"]?.GetValue<string>() ?? "api",
            queues?["maxDequeueCount"]?.GetValue<int>() ?? 5,
            queues?["visibilityTimeout"] is { } timeout ? TimeSpan.Parse(timeout.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) : TimeSpan.Zero);
    }
}
