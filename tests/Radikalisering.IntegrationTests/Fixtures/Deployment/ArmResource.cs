using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Radikalisering.IntegrationTests.Fixtures.Deployment;

/// <summary>
/// One resource of the compiled ARM template, wherever it sits: the root template or a
/// module's nested deployment (<see cref="Template"/> is the template that declares it).
/// </summary>
internal sealed partial record ArmResource(JsonObject Definition, JsonObject Template)
{
    public string Type => (string)Definition["type"]!;

    public string Name => (string)Definition["name"]!;

    public bool IsExisting => Definition["existing"]?.GetValue<bool>() == true;

    public JsonNode? Properties => Definition["properties"];

    public string? Scope => (string?)Definition["scope"];

    /// <summary>The last segment of the resource name, e.g. "ftp" of "app/ftp" or of "[format('{0}/{1}', parameters('appName'), 'ftp')]".</summary>
    public string LeafName
    {
        get
        {
            var literal = LastLiteralArgument().Match(Name);
            return literal.Success ? literal.Groups[1].Value : Name.Split('/')[^1];
        }
    }

    /// <summary>The JSON at a dotted path below the resource, e.g. "properties.siteConfig.minTlsVersion".</summary>
    public JsonNode? At(string path) =>
        path.Split('.').Aggregate<string, JsonNode?>(Definition, (node, key) => node?[key]);

    [GeneratedRegex(@"'([^']+)'\)\]$")]
    private static partial Regex LastLiteralArgument();
}
