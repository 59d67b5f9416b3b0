using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Radikalisering.Core.Http;

namespace Radikalisering.Functions.Routing;

/// <summary>
/// The catch-all: every method on <c>/api/{*path}</c> that no other function took gets a problem instead
/// of the host's empty 404 (<see cref="UnmatchedRequestEndpoint"/>). The Functions host does not rank
/// routes as ASP.NET Core does: it tries them in the order it loaded the functions, by name
/// (azure-functions-host#9876). <see cref="Name"/> therefore sorts after every other function's name;
/// the route table test holds it there.
/// </summary>
public static class UnmatchedRequestFunction
{
    public const string Name = "WrongRouteOrMethod";

    private static readonly UnmatchedRequestEndpoint Endpoint = new(new HttpRouteTable(DeclaredRoutes()));

    [Function(Name)]
    public static IActionResult Answer(
        [HttpTrigger(AuthorizationLevel.Anonymous, Route = "{*path}")] HttpRequest request) =>
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
