using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Radikalisering.Core.Http;
using Radikalisering.IntegrationTests.Deployment;
using Radikalisering.WorkerHost;
using Radikalisering.WorkerHost.Functions;

namespace Radikalisering.IntegrationTests.Fixtures.Http;

/// <summary>
/// The app's HTTP functions as the built worker declares them in <c>functions.metadata</c> (route prefix
/// from <c>host.json</c>): the in-memory test host serves the same routes and methods as the app, each
/// calling the Core handler its trigger calls.
/// </summary>
internal static class AppHttpFunctions
{
    private static readonly Lazy<(string RoutePrefix, IReadOnlyDictionary<string, HttpTrigger> Triggers)> Declared = new(() =>
        (HostJson.Read(RepositoryPaths.FunctionsApp).RoutePrefix,
         FunctionsMetadataFile.Read(RepositoryPaths.FunctionsApp)
            .Select(WorkerFunction.From)
            .Where(function => function.Trigger is HttpTrigger)
            .ToDictionary(function => function.Name, function => (HttpTrigger)function.Trigger)));

    /// <summary>Maps the route and methods of the app's function <paramref name="name"/> to <paramref name="handler"/>.</summary>
    public static IEndpointRouteBuilder MapFunction(this IEndpointRouteBuilder endpoints, string name, Func<HttpContext, Task<IResult>> handler)
    {
        var (routePrefix, triggers) = Declared.Value;
        var trigger = triggers.TryGetValue(name, out var declared)
            ? declared
            : throw new InvalidOperationException($"The built Functions app has no HTTP function '{name}'.");
        endpoints.MapMethods($"/{routePrefix}/{trigger.Route}", trigger.Methods, async context => await (await handler(context)).ExecuteAsync(context));
        return endpoints;
    }

    /// <summary>
    /// The app's catch-all (<c>WrongRouteOrMethod</c>): what no mapped route takes gets the 404 or 405 problem
    /// of <see cref="UnmatchedRequestEndpoint"/>, judged against every HTTP function the app declares.
    /// </summary>
    public static IEndpointRouteBuilder MapUnmatchedRequests(this IEndpointRouteBuilder endpoints)
    {
        var (routePrefix, triggers) = Declared.Value;
        var routes = new HttpRouteTable(triggers.Values
            .Where(trigger => trigger.Methods.Count > 0)
            .Select(trigger => new HttpRoute(trigger.Route, trigger.Methods)));
        var unmatched = new UnmatchedRequestEndpoint(routes);
        endpoints.Map($"/{routePrefix}/{{**path}}", context => unmatched.Answer(context.Request).ExecuteAsync(context));
        return endpoints;
    }

    /// <summary>The <c>{year:int}</c> route value, bound as the worker binds it.</summary>
    public static int Year(this HttpContext context) =>
        int.Parse((string)context.Request.RouteValues["year"]!, CultureInfo.InvariantCulture);

    /// <summary>The <c>{id:guid}</c> route value, bound as the worker binds it.</summary>
    public static Guid Id(this HttpContext context) =>
        Guid.Parse((string)context.Request.RouteValues["id"]!, CultureInfo.InvariantCulture);
}
