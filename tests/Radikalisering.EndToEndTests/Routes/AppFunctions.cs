using System.Text.RegularExpressions;
using Radikalisering.EndToEndTests.Hosting;
using Radikalisering.WorkerHost;
using Radikalisering.WorkerHost.Functions;

namespace Radikalisering.EndToEndTests.Routes;

/// <summary>
/// The built app's functions as <c>functions.metadata</c> declares them (what the host serves), and the route
/// table rows of a Markdown document that the route-table and design-document tests compare with them.
/// </summary>
internal static partial class AppFunctions
{
    public static HostJson HostJson { get; } = HostJson.Read(RepositoryPaths.FunctionsApp);

    public static IReadOnlyList<WorkerFunction> All { get; } =
        FunctionsMetadataFile.Read(RepositoryPaths.FunctionsApp).Select(WorkerFunction.From).ToArray();

    /// <summary>
    /// Every HTTP function as (method, path without constraints, function name), e.g. (GET, /api/concerns/{year}/{id}, GetConcern);
    /// a function that takes every method as <c>*</c>.
    /// </summary>
    public static IEnumerable<(string Method, string Path, string Name)> HttpRoutes() =>
        All.SelectMany(function => function.Trigger is HttpTrigger trigger
            ? (trigger.Methods.Count == 0 ? ["*"] : trigger.Methods)
                .Select(method => (method, $"/{HostJson.RoutePrefix}/{WithoutConstraints(trigger.Route)}", function.Name))
            : []);

    /// <summary>
    /// The rows of every route table in <paramref name="markdown"/>: a row that starts with the route in code,
    /// <c>| `GET /api/concerns/{year}/{id}` |</c>, optionally followed by the function's name, <c>`GetConcern` |</c>.
    /// </summary>
    public static IEnumerable<(string Method, string Path, string? Name)> DocumentedRoutes(string markdown) =>
        RouteRow().Matches(markdown).Select(match => (
            match.Groups["method"].Value,
            match.Groups["path"].Value,
            match.Groups["name"].Success ? match.Groups["name"].Value : null));

    private static string WithoutConstraints(string route) => RouteConstraint().Replace(route, "}");

    [GeneratedRegex(@"(:\w+(\(\w+\))?)+\}")]
    private static partial Regex RouteConstraint();

    // `*` for every method.
    [GeneratedRegex(@"^\| `(?<method>GET|POST|PATCH|PUT|DELETE|\*) (?<path>/[^`]+)` \|( `(?<name>\w+)` \|)?", RegexOptions.Multiline)]
    private static partial Regex RouteRow();
}
