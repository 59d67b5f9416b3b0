using System.Text.Json.Nodes;
using Radikalisering.WorkerHost.Protocol;

namespace Radikalisering.WorkerHost.Functions;

/// <summary>A function the worker indexed, with the id this host loaded it under and its trigger.</summary>
public sealed record WorkerFunction(string Id, string Name, FunctionTrigger Trigger, RpcFunctionMetadata Metadata)
{
    private const string DefaultStorageConnection = "AzureWebJobsStorage";

    /// <summary>
    /// Reads the trigger from the raw bindings. Only the bindings this app uses are supported: an HTTP
    /// trigger with its <c>http</c> output, a timer trigger, a queue trigger.
    /// </summary>
    /// <exception cref="WorkerHostException">A binding this host cannot serve.</exception>
    public static WorkerFunction From(RpcFunctionMetadata metadata)
    {
        FunctionTrigger? trigger = null;
        foreach (var raw in metadata.RawBindings)
        {
            var binding = JsonNode.Parse(raw)!.AsObject();
            var type = Text(binding, "type");
            var name = Text(binding, "name");
            switch (type.ToUpperInvariant())
            {
                case "HTTPTRIGGER":
                    trigger = new HttpTrigger(
                        name,
                        binding["route"]?.GetValue<string>() ?? metadata.Name,
                        binding["methods"]?.AsArray().Select(method => method!.GetValue<string>().ToUpperInvariant()).ToArray() ?? []);
                    break;
                case "TIMERTRIGGER":
                    trigger = new TimerTrigger(name, Text(binding, "schedule"));
                    break;
                case "QUEUETRIGGER":
                    trigger = new QueueTrigger(name, Text(binding, "queueName"), binding["connection"]?.GetValue<string>() ?? DefaultStorageConnection);
                    break;
                case "HTTP" when Text(binding, "direction").Equals("out", StringComparison.OrdinalIgnoreCase):
                    break;
                default:
                    throw new WorkerHostException(
                        $"Function '{metadata.Name}' has a '{type}' binding ('{name}'); this worker host serves only httpTrigger (with its http output), timerTrigger and queueTrigger.");
            }
        }

        return new WorkerFunction(
            string.IsNullOrEmpty(metadata.FunctionId) ? Guid.NewGuid().ToString() : metadata.FunctionId,
            metadata.Name,
            trigger ?? throw new WorkerHostException($"Function '{metadata.Name}' has no trigger binding."),
            metadata);
    }

    private static string Text(JsonObject binding, string property) =>
        binding[property]?.GetValue<string>()
        ?? throw new WorkerHostException($"A binding has no '{property}': {binding.ToJsonString()}");
}
