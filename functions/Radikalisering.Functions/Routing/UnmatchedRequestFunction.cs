using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Radikalisering.Core.Http;

namespace Radikalisering.Functions.Routing;

/// <summary>
/// The catch-all: every method on <c>/api/{*path}</c> that no other function took gets a problem instead
/// of the host's empty 404 (<see cref="UnmatchedRequestEndpoint"/>). The Functions host does not rank
/// routes as ASP.NET Core does and has no order setting: it sorts the functions by name (ordinal, ignoring
/// case) and its router tries their routes in that order, first match wins (azure-functions-host#9876,
/// #3153). A function's name is therefore its route's precedence, and <see cref="Name"/> is chosen to sort
/// after every other function's name. Held by two end-to-end tests: the name sorts last under the host's
/// comparison (RouteTableTests), and every declared route and method reaches its own function through a
/// host that orders as the Functions host does (UnmatchedRequestTests).
/// </summary>
public static class UnmatchedRequestFunction
{
    public const string Name = "WrongRouteOrMethod";

    private static readonly UnmatchedRequestEndpoint Endpoint = new(new HttpRouteTable(DeclaredRoutes()));

    [Function(Name)]
    public static IActionResult Answer(
        [HttpTrigger(AuthorizationLevel.Anonymous, Route = Routes.Unmatched)] HttpRequest request) =>
        new HandlerActionResult(Endpoint.Answer(request));

    /// <summary>The routes and methods of this app's other HTTP triggers, read from their attributes.</summary>
    private static IEnumerable<HttpRoute> DeclaredRoutes() =>
        typeof(UnmatchedRequestFunction).Assembly.GetTypes()
            .SelectMany(type => type.GetMethods())
            .SelectMany(method => method.GetParameters())
            .Select(parameter => parameter.GetCustomAttribute<HttpTriggerAttribute>())
            .OfType<HttpTriggerAttribute>()
            .Where(trigger => trigger.Methods is { Length: > 0 } && trigger.Route is not null)
            .Select(trigger => new HttpRoute(trigger.Route!, trigger.Methods!));
}
