using System.Text.Json.Nodes;

namespace Radikalisering.IntegrationTests.Deployment;

/// <summary>The Power Platform connector's OpenAPI 2.0 definition, with its <c>$ref</c>s resolved on demand.</summary>
internal sealed class ConnectorDefinition
{
    private ConnectorDefinition(JsonObject root) => Root = root;

    public JsonObject Root { get; }

    public JsonObject Paths => Root["paths"]!.AsObject();

    public static ConnectorDefinition Load() =>
        new(JsonNode.Parse(File.ReadAllText(RepositoryPaths.Infra("connector", "apiDefinition.swagger.json")))!.AsObject());

    /// <summary>Every operation as (path, method, operation).</summary>
    public IEnumerable<(string Path, string Method, JsonObject Operation)> Operations() =>
        Paths.SelectMany(path => path.Value!.AsObject().Select(method => (path.Key, method.Key, method.Value!.AsObject())));

    public JsonObject Operation(string operationId) =>
        Operations().Single(operation => (string?)operation.Operation["operationId"] == operationId).Operation;

    /// <summary>An operation's parameters, each resolved from <c>#/parameters/...</c> when referenced.</summary>
    public IReadOnlyList<JsonObject> Parameters(JsonObject operation) =>
        operation["parameters"]!.AsArray().Select(parameter => Resolve(parameter!.AsObject())).ToList();

    public JsonObject BodySchema(string operationId) =>
        Resolve(Parameters(Operation(operationId)).Single(parameter => (string?)parameter["in"] == "body")["schema"]!.AsObject());

    public JsonObject Definition(string name) => Root["definitions"]![name]!.AsObject();

    /// <summary>A schema's properties, each resolved from <c>#/definitions/...</c> when referenced.</summary>
    public IReadOnlyDictionary<string, JsonObject> Properties(JsonObject schema) =>
        schema["properties"]!.AsObject().ToDictionary(property => property.Key, property => Resolve(property.Value!.AsObject()));

    public JsonObject Resolve(JsonObject node)
    {
        if ((string?)node["$ref"] is not { } reference)
        {
            return node;
        }
        var target = reference.TrimStart('#', '/').Split('/').Aggregate<string, JsonNode?>(Root, (current, key) => current?[key]);
        return Resolve(target?.AsObject() ?? throw new InvalidOperationException($"Unresolved reference {reference}."));
    }
}
