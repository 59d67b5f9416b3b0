using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Radikalisering.EndToEndTests.Hosting;
using Radikalisering.WorkerHost;
using Radikalisering.WorkerHost.Functions;

namespace Radikalisering.EndToEndTests.Routes;

/// <summary>
/// The routes the built app declares (<c>functions.metadata</c>, what the host serves) are the routes the
/// Power Platform connector calls and the README documents.
/// </summary>
public sealed partial class RouteTableTests
{
    private static readonly HostJson HostJson = HostJson.Read(RepositoryPaths.FunctionsApp);

    private static readonly WorkerFunction[] Functions =
        FunctionsMetadataFile.Read(RepositoryPaths.FunctionsApp).Select(WorkerFunction.From).ToArray();

    /// <summary>Every HTTP function as (method, path without constraints, function name), e.g. (GET, /api/concerns/{year}/{id}, GetConcern).</summary>
    private static IEnumerable<(string Method, string Path, string Name)> HttpRoutes() =>
        Functions.SelectMany(function => function.Trigger is HttpTrigger trigger
            ? trigger.Methods.Select(method => (method, $"/{HostJson.RoutePrefix}/{WithoutConstraints(trigger.Route)}", function.Name))
            : []);

    [Fact]
    public void The_app_declares_eighteen_functions_twelve_of_them_HTTP()
    {
        Assert.Equal(18, Functions.Length);
        Assert.Equal(12, HttpRoutes().Count());
    }

    [Fact]
    public void Every_connector_operation_is_the_HTTP_function_of_its_operation_id_method_and_path()
    {
        var connector = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "infra", "connector", "apiDefinition.swagger.json")))!;
        var basePath = (string)connector["basePath"]!;
        var operations = connector["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject().Select(method =>
            (Method: method.Key.ToUpperInvariant(), Path: basePath + path.Key, Name: (string)method.Value!["operationId"]!)));

        Assert.NotEmpty(operations);
        Assert.All(operations, operation => Assert.Contains(operation, HttpRoutes()));
    }

    [Fact]
    public void The_README_route_tables_list_exactly_the_HTTP_functions()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        var documented = ReadmeRoute().Matches(readme).Select(match => (match.Groups["method"].Value, match.Groups["path"].Value)).Order();

        Assert.Equal(HttpRoutes().Select(route => (route.Method, route.Path)).Order(), documented);
    }

    private static string WithoutConstraints(string route) => RouteConstraint().Replace(route, "}");

    [GeneratedRegex(@"(:\w+(\(\w+\))?)+\}")]
    private static partial Regex RouteConstraint();

    // A route table row: | `GET /api/concerns/{year}/{id}` | ...
    [GeneratedRegex(@"^\| `(?<method>GET|POST|PATCH|PUT|DELETE) (?<path>/[^`]+)` \|", RegexOptions.Multiline)]
    private static partial Regex ReadmeRoute();
}
