using System.Text.Json.Nodes;

namespace Radikalisering.PowerAppsTests.Connector;

/// <summary>A parameter as Power Apps shows it: its name and, when the connector restricts it, the allowed values.</summary>
internal sealed record FunctionParameter(string Name, IReadOnlyList<string> Enum);

/// <summary>
/// How Power Apps turns one connector operation into a function: required parameters first, by position (path,
/// then query, then header parameters, then the required properties of an object body), and every optional
/// parameter or optional body property as a field of one record argument at the end; internal parameters are
/// hidden. This is the rule of the Power Fx connector library in its Power Apps compatibility mode
/// (microsoft/Power-Fx, src/libraries/Microsoft.PowerFx.Connectors/ConnectorFunction.cs, GetPowerAppsParameterOrder).
/// </summary>
internal sealed record ConnectorSignature(string OperationId, IReadOnlyList<FunctionParameter> Required, IReadOnlyList<FunctionParameter> Optional)
{
    private static readonly string[] LocationOrder = ["path", "query", "header"];

    /// <summary>Every operation of the connector's OpenAPI 2.0 definition, by operationId.</summary>
    public static IReadOnlyDictionary<string, ConnectorSignature> Read(JsonObject definition)
    {
        var signatures = new Dictionary<string, ConnectorSignature>(StringComparer.Ordinal);
        foreach (var (_, path) in definition["paths"]!.AsObject())
        {
            foreach (var (_, operation) in path!.AsObject())
            {
                var signature = Of(definition, operation!.AsObject());
                signatures.Add(signature.OperationId, signature);
            }
        }

        return signatures;
    }

    private static ConnectorSignature Of(JsonObject definition, JsonObject operation)
    {
        var parameters = operation["parameters"]?.AsArray().Select(parameter => Resolve(definition, parameter!.AsObject()))
            .Where(parameter => (string?)parameter["x-ms-visibility"] != "internal")
            .ToList() ?? [];
        var required = new List<FunctionParameter>();
        var optional = new List<FunctionParameter>();
        foreach (var location in LocationOrder)
        {
            foreach (var parameter in parameters.Where(parameter => (string?)parameter["in"] == location))
            {
                (IsTrue(parameter["required"]) ? required : optional).Add(new FunctionParameter((string)parameter["name"]!, EnumOf(definition, parameter)));
            }
        }

        if (parameters.SingleOrDefault(parameter => (string?)parameter["in"] == "body") is { } body)
        {
            var schema = Resolve(definition, body["schema"]!.AsObject());
            var requiredProperties = schema["required"]?.AsArray().Select(name => (string)name!).ToHashSet() ?? [];
            foreach (var (name, property) in schema["properties"]!.AsObject())
            {
                var resolved = Resolve(definition, property!.AsObject());
                if ((string?)resolved["x-ms-visibility"] != "internal")
                {
                    (requiredProperties.Contains(name) ? required : optional).Add(new FunctionParameter(name, EnumOf(definition, resolved)));
                }
            }
        }

        return new ConnectorSignature((string)operation["operationId"]!, required, optional);
    }

    private static List<string> EnumOf(JsonObject definition, JsonObject schema) =>
        (schema["enum"] ?? (schema["schema"] is JsonObject inner ? Resolve(definition, inner)["enum"] : null))?.AsArray()
            .Select(value => (string)value!).ToList() ?? [];

    private static bool IsTrue(JsonNode? node) => node is JsonValue value && value.GetValue<bool>();

    /// <summary>Follows <c>$ref</c>s such as <c>#/parameters/IfMatch</c> or <c>#/definitions/Reporter</c>.</summary>
    public static JsonObject Resolve(JsonObject definition, JsonObject node)
    {
        while ((string?)node["$ref"] is { } reference)
        {
            node = reference.TrimStart('#', '/').Split('/')
                .Aggregate<string, JsonNode?>(definition, (current, key) => current?[key])?.AsObject()
                ?? throw new InvalidOperationException($"Unresolved reference {reference}.");
        }

        return node;
    }
}
