using System.Text.Json.Nodes;
using Radikalisering.WorkerHost.Protocol;

namespace Radikalisering.WorkerHost.Functions;

/// <summary>
/// <c>functions.metadata</c>, written by the worker SDK at build time: what the host indexes when the
/// worker answers the metadata request with <c>use_default_metadata_indexing</c>.
/// </summary>
public static class FunctionsMetadataFile
{
    public const string FileName = "functions.metadata";

    public static IReadOnlyList<RpcFunctionMetadata> Read(string appDirectory)
    {
        var path = Path.Combine(appDirectory, FileName);
        if (!File.Exists(path))
        {
            throw new WorkerHostException($"{path} does not exist: build the Functions project first.");
        }

        return JsonNode.Parse(File.ReadAllText(path))!.AsArray().Select(function => ToRpc(function!.AsObject(), appDirectory)).ToArray();
    }

    private static RpcFunctionMetadata ToRpc(JsonObject function, string appDirectory)
    {
        var metadata = new RpcFunctionMetadata
        {
            Name = function["name"]!.GetValue<string>(),
            ScriptFile = function["scriptFile"]!.GetValue<string>(),
            EntryPoint = function["entryPoint"]!.GetValue<string>(),
            Language = function["language"]?.GetValue<string>() ?? "dotnet-isolated",
            Directory = appDirectory,
        };
        foreach (var binding in function["bindings"]!.AsArray().Select(binding => binding!.AsObject()))
        {
            metadata.RawBindings.Add(binding.ToJsonString());
            metadata.Bindings[binding["name"]!.GetValue<string>()] = new BindingInfo
            {
                Type = binding["type"]!.GetValue<string>(),
                Direction = binding["direction"]!.GetValue<string>().Equals("out", StringComparison.OrdinalIgnoreCase)
                    ? BindingInfo.Types.Direction.Out
                    : BindingInfo.Types.Direction.In,
                DataType = binding["dataType"]?.GetValue<string>() switch
                {
                    "String" => BindingInfo.Types.DataType.String,
                    "Binary" => BindingInfo.Types.DataType.Binary,
                    "Stream" => BindingInfo.Types.DataType.Stream,
                    _ => BindingInfo.Types.DataType.Undefined,
                },
            };
        }

        return metadata;
    }
}
