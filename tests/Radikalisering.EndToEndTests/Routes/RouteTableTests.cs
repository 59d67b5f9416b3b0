using System.Text.Json.Nodes;
using Radikalisering.EndToEndTests.Hosting;
using Radikalisering.Functions.Routing;
using Radikalisering.WorkerHost;
using Radikalisering.WorkerHost.Functions;

namespace Radikalisering.EndToEndTests.Routes;

/// <summary>
/// The routes the built app declares (<c>functions.metadata</c>, what the host serves) are the routes the
/// Power Platform connector calls and the README documents.
/// </summary>
public sealed class RouteTableTests
{
    private static readonly HostJson HostJson = AppFunctions.HostJson;

    private static readonly IReadOnlyList<WorkerFunction> Functions = AppFunctions.All;

    private static IEnumerable<(string Method, string Path, string Name)> HttpRoutes() => AppFunctions.HttpRoutes();

    [Fact]
    public void The_app_declares_twenty_one_functions_thirteen_of_them_HTTP_one_per_method_and_route_and_the_catch_all()
    {
        Assert.Equal(21, Functions.Count);
        Assert.Equal(13, HttpRoutes().Count());
        Assert.Contains(("*", $"/{HostJson.RoutePrefix}/{{*path}}", UnmatchedRequestFunction.Name), HttpRoutes());
    }

    /// <summary>The Functions host tries routes in the order of the function names (azure-functions-host#9876): the catch-all must come last.</summary>
    [Fact]
    public void The_catch_all_sorts_after_every_other_function_so_the_host_tries_it_last()
    {
        var others = Functions.Select(function => function.Name).Where(name => name != UnmatchedRequestFunction.Name).ToList();

        Assert.NotEmpty(others);
        Assert.All(others, name => Assert.True(
            string.Compare(name, UnmatchedRequestFunction.Name, StringComparison.OrdinalIgnoreCase) < 0
                && string.CompareOrdinal(name, UnmatchedRequestFunction.Name) < 0,
            $"{name} sorts after {UnmatchedRequestFunction.Name}."));
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
        var documented = AppFunctions.DocumentedRoutes(readme).Select(route => (route.Method, route.Path)).Order();

        Assert.Equal(HttpRoutes().Select(route => (route.Method, route.Path)).Order(), documented);
    }
}
