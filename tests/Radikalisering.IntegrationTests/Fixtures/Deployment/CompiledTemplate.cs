using System.Text.Json.Nodes;

namespace Radikalisering.IntegrationTests.Fixtures.Deployment;

/// <summary>The ARM JSON that <c>bicep build infra/main.bicep</c> produced, with its resources flattened.</summary>
internal sealed class CompiledTemplate
{
    public CompiledTemplate(string json)
    {
        Root = JsonNode.Parse(json)!.AsObject();
        Resources = ResourcesOf(Root).ToList();
    }

    public JsonObject Root { get; }

    /// <summary>Every resource of the root template and of every module, modules themselves included.</summary>
    public IReadOnlyList<ArmResource> Resources { get; }

    /// <summary>The resources of a type that the template creates (not <c>existing</c> references).</summary>
    public IReadOnlyList<ArmResource> Deployed(string type) =>
        Resources.Where(resource => !resource.IsExisting && string.Equals(resource.Type, type, StringComparison.OrdinalIgnoreCase)).ToList();

    public ArmResource Single(string type) =>
        Assert.Single(Deployed(type));

    // Language version 2.0 templates keep resources in an object keyed by symbolic name, older ones in an array.
    private static IEnumerable<ArmResource> ResourcesOf(JsonObject template)
    {
        var resources = template["resources"] switch
        {
            JsonArray array => array.Select(node => node!.AsObject()),
            JsonObject keyed => keyed.Select(pair => pair.Value!.AsObject()),
            _ => [],
        };
        foreach (var definition in resources)
        {
            yield return new ArmResource(definition, template);
            if (definition["properties"]?["template"] is JsonObject nested)
            {
                foreach (var resource in ResourcesOf(nested))
                {
                    yield return resource;
                }
            }
        }
    }
}
