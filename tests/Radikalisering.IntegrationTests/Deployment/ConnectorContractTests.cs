using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Radikalisering.Core.Concerns;
using Microsoft.Net.Http.Headers;
using Radikalisering.Core.Http;

namespace Radikalisering.IntegrationTests.Deployment;

/// <summary>The Power Platform connector describes the same concern operations as the HTTP API.</summary>
public sealed partial class ConnectorContractTests
{
    private readonly ConnectorDefinition connector = ConnectorDefinition.Load();

    // The concern operations of docs/design.md (HTTP API): route, method and the connector's operationId.
    public static TheoryData<string, string, string> ConcernOperations() => new()
    {
        { Routes.Concerns, "post", "CreateConcern" },
        { Routes.Concerns, "get", "ListConcerns" },
        { Routes.Concern, "get", "GetConcern" },
        { Routes.Concern, "patch", "UpdateConcern" },
        { Routes.Concern, "delete", "DeleteConcern" },
    };

    [Fact]
    public void The_base_path_is_the_functions_route_prefix()
    {
        Assert.Equal("/" + Routes.Prefix, (string?)connector.Root["basePath"]);
        Assert.Equal("2.0", (string?)connector.Root["swagger"]);
    }

    [Fact]
    public void The_connector_has_exactly_the_concern_routes_and_methods()
    {
        var expected = ConcernOperations().Select(row => (PathOf((string)row[0]), (string)row[1])).Order();

        Assert.Equal(expected, connector.Operations().Select(operation => (operation.Path, operation.Method)).Order());
    }

    [Theory]
    [MemberData(nameof(ConcernOperations))]
    public void Each_operation_has_its_operation_id(string route, string method, string operationId)
    {
        var operation = connector.Paths[PathOf(route)]![method]!;

        Assert.Equal(operationId, (string?)operation["operationId"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)operation["summary"]));
    }

    [Theory]
    [MemberData(nameof(ConcernOperations))]
    public void The_path_parameters_match_the_route_template_and_its_constraints(string route, string method, string operationId)
    {
        var expected = RouteParameter().Matches(route)
            .Select(match => (match.Groups["name"].Value, TypeOf(match.Groups["constraint"].Value)))
            .ToList();

        var actual = connector.Parameters(connector.Paths[PathOf(route)]![method]!.AsObject())
            .Where(parameter => (string?)parameter["in"] == "path")
            .Select(parameter => ((string)parameter["name"]!, ((string)parameter["type"]!, (string?)parameter["format"])))
            .ToList();

        Assert.True(expected.SequenceEqual(actual), $"{operationId}: route {route}, connector {string.Join(", ", actual)}");
    }

    [Fact]
    public void Reporter_values_are_the_enum_names_in_camel_case_with_Danish_display_names()
    {
        AssertEnum<ReporterKind>(connector.Definition("Reporter"), ["Kommunal medarbejder", "Anden myndighed", "Andre"]);
    }

    [Fact]
    public void Outcome_values_are_the_enum_names_in_camel_case_with_Danish_display_names()
    {
        AssertEnum<Outcome>(connector.Definition("Outcome"), ["Afventer", "Bekræftet", "Afkræftet"]);
    }

    [Fact]
    public void Creating_a_concern_sends_the_properties_of_the_request_type_and_nothing_else()
    {
        var body = connector.BodySchema("CreateConcern");

        Assert.Equal(JsonNamesOf<ConcernFactsRequest>(), connector.Properties(body).Keys.Order());
        Assert.Equal(["receivedOn", "reporter", "subjectUnder18"], body["required"]!.AsArray().Select(name => (string)name!).Order());
        Assert.False(body["additionalProperties"]!.GetValue<bool>());
        Assert.Equal("pending", (string?)connector.Definition("Outcome")["default"]);
    }

    [Fact]
    public void Updating_a_concern_is_a_merge_patch_of_the_properties_of_the_request_type()
    {
        var body = connector.BodySchema("UpdateConcern");

        Assert.Equal(JsonNamesOf<ConcernFactsRequest>(), connector.Properties(body).Keys.Order());
        Assert.Null(body["required"]);
        Assert.False(body["additionalProperties"]!.GetValue<bool>());
    }

    [Fact]
    public void The_concern_view_has_the_properties_of_the_view_type()
    {
        Assert.Equal(JsonNamesOf<ConcernView>(), connector.Properties(connector.Definition("Concern")).Keys.Order());
    }

    [Fact]
    public void A_page_of_concerns_has_the_properties_of_the_page_type()
    {
        Assert.Equal(JsonNamesOf<ConcernPage>(), connector.Properties(connector.Definition("ConcernPage")).Keys.Order());
        Assert.Equal(JsonNamesOf<UnreadableConcern>(), connector.Properties(connector.Definition("UnreadableConcern")).Keys.Order());
    }

    [Fact]
    public void Listing_takes_the_query_parameters_the_endpoint_reads_with_its_page_size_limits()
    {
        var parameters = connector.Parameters(connector.Operation("ListConcerns")).ToDictionary(parameter => (string)parameter["name"]!);

        Assert.Equal(
            new[] { ConcernEndpoints.YearParameter, ConcernEndpoints.PageSizeParameter, ConcernEndpoints.ContinuationTokenParameter }.Order(),
            parameters.Keys.Order());
        Assert.All(parameters.Values, parameter => Assert.Equal("query", (string?)parameter["in"]));
        Assert.True(parameters[ConcernEndpoints.YearParameter]["required"]!.GetValue<bool>());
        var pageSize = parameters[ConcernEndpoints.PageSizeParameter];
        Assert.Equal(ConcernEndpoints.DefaultPageSize, (int)pageSize["default"]!);
        Assert.Equal(ConcernEndpoints.MaximumPageSize, (int)pageSize["maximum"]!);
        Assert.Equal(1, (int)pageSize["minimum"]!);
    }

    [Fact]
    public void Recording_requires_a_visible_idempotency_key_and_changes_require_the_ETag()
    {
        var idempotencyKey = Header("CreateConcern", ConcernEndpoints.IdempotencyKeyHeader);
        Assert.True(idempotencyKey["required"]!.GetValue<bool>());
        Assert.Equal("important", (string?)idempotencyKey["x-ms-visibility"]);
        Assert.Equal(ConcernEndpoints.MaximumIdempotencyKeyLength, (int)idempotencyKey["maxLength"]!);

        Assert.True(Header("UpdateConcern", HeaderNames.IfMatch)["required"]!.GetValue<bool>());
        Assert.True(Header("DeleteConcern", HeaderNames.IfMatch)["required"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("CreateConcern", "201")]
    [InlineData("GetConcern", "200")]
    [InlineData("UpdateConcern", "200")]
    public void Responses_that_return_a_concern_describe_its_ETag(string operationId, string status)
    {
        var headers = connector.Operation(operationId)["responses"]![status]!["headers"]!.AsObject();

        Assert.Contains(HeaderNames.ETag, headers.Select(header => header.Key));
    }

    [Fact]
    public void The_form_fields_read_in_Danish()
    {
        var facts = connector.Properties(connector.BodySchema("CreateConcern"));

        Assert.Equal("Modtaget dato", (string?)facts["receivedOn"]["x-ms-summary"]);
        Assert.Equal("Under 18 år", (string?)facts["subjectUnder18"]["x-ms-summary"]);
        Assert.Equal("Henvendelse fra", (string?)facts["reporter"]["x-ms-summary"]);
        Assert.Equal("Udfald", (string?)facts["outcome"]["x-ms-summary"]);
    }

    [Fact]
    public void Every_parameter_and_property_has_a_label()
    {
        var unlabelled = connector.Operations()
            .SelectMany(operation => connector.Parameters(operation.Operation).Select(parameter => (Where: operation.Operation["operationId"] + " " + parameter["name"], Node: parameter)))
            .Concat(connector.Root["definitions"]!.AsObject()
                .Where(definition => definition.Value!["properties"] is not null)
                .SelectMany(definition => connector.Properties(definition.Value!.AsObject())
                    .Select(property => (Where: definition.Key + "." + property.Key, Node: property.Value))))
            .Where(item => string.IsNullOrWhiteSpace((string?)item.Node["x-ms-summary"]))
            .Select(item => item.Where);

        Assert.Empty(unlabelled);
    }

    [Fact]
    public void The_connector_signs_in_with_Entra_ID_for_the_API()
    {
        var properties = JsonNode.Parse(File.ReadAllText(RepositoryPaths.Infra("connector", "apiProperties.json")))!;
        var oauth = properties["properties"]!["connectionParameters"]!["token"]!["oAuthSettings"]!;

        Assert.Equal("aad", (string?)oauth["identityProvider"]);
        Assert.StartsWith("api://", (string?)oauth["customParameters"]!["resourceUri"]!["value"], StringComparison.Ordinal);
        Assert.Equal("oauth2", (string?)connector.Root["securityDefinitions"]!.AsObject().Single().Value!["type"]);
    }

    private JsonObject Header(string operationId, string name) =>
        connector.Parameters(connector.Operation(operationId))
            .Single(parameter => (string?)parameter["in"] == "header" && (string?)parameter["name"] == name);

    private static void AssertEnum<TEnum>(JsonObject definition, string[] danishNames)
        where TEnum : struct, Enum
    {
        var expected = Enum.GetNames<TEnum>().Select(JsonNamingPolicy.CamelCase.ConvertName).ToList();
        var onTheWire = Enum.GetValues<TEnum>().Select(value => JsonSerializer.SerializeToNode(value, JsonDefaults.Options)!.GetValue<string>());

        Assert.Equal(expected, onTheWire);
        Assert.Equal(expected, definition["enum"]!.AsArray().Select(value => (string)value!));
        var displayed = definition["x-ms-enum-values"]!.AsArray().Select(value => ((string)value!["value"]!, (string)value["displayName"]!)).ToList();
        Assert.Equal(expected.Zip(danishNames), displayed);
    }

    // The JSON names the API reads and writes for a type (JsonDefaults: camelCase).
    private static IOrderedEnumerable<string> JsonNamesOf<T>() =>
        JsonDefaults.Options.GetTypeInfo(typeof(T)).Properties.Select(property => property.Name).Order();

    // "concerns/{year:int}/{id:guid}" → "/concerns/{year}/{id}"
    private static string PathOf(string route) => "/" + RouteParameter().Replace(route, match => "{" + match.Groups["name"].Value + "}");

    private static (string Type, string? Format) TypeOf(string constraint) => constraint switch
    {
        "int" => ("integer", "int32"),
        "guid" => ("string", "uuid"),
        "" => ("string", null),
        _ => throw new ArgumentOutOfRangeException(nameof(constraint), constraint, "No OpenAPI type for this route constraint."),
    };

    // The first constraint names the type; further ones (e.g. length(4)) only narrow it.
    [GeneratedRegex(@"\{(?<name>\w+)(:(?<constraint>\w+))?(:\w+(\(\w+\))?)*\}")]
    private static partial Regex RouteParameter();
}
