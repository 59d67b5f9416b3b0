using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Radikalisering.Core.Concerns;

namespace Radikalisering.IntegrationTests.Fixtures.Http;

/// <summary>
/// The concern functions of the built app (<see cref="AppHttpFunctions"/>: their routes and methods come
/// from <c>functions.metadata</c>), each calling the handler method its trigger calls. Other features add a
/// <c>Map…Endpoints</c> of their own.
/// </summary>
public static class ApiRoutes
{
    public static IEndpointRouteBuilder MapConcernEndpoints(this IEndpointRouteBuilder endpoints) => endpoints
        .MapFunction("CreateConcern", context => Concerns(context).CreateAsync(context, context.RequestAborted))
        .MapFunction("ListConcerns", context => Concerns(context).ListAsync(context, context.RequestAborted))
        .MapFunction("GetConcern", context => Concerns(context).GetAsync(context, context.Year(), context.Id(), context.RequestAborted))
        .MapFunction("UpdateConcern", context => Concerns(context).UpdateAsync(context, context.Year(), context.Id(), context.RequestAborted))
        .MapFunction("DeleteConcern", context => Concerns(context).DeleteAsync(context, context.Year(), context.Id(), context.RequestAborted));

    private static ConcernEndpoints Concerns(HttpContext context) =>
        context.RequestServices.GetRequiredService<ConcernEndpoints>();
}
