using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Radikalisering.Core.Concerns;
using Radikalisering.Core.Http;

namespace Radikalisering.IntegrationTests.Infrastructure.Http;

/// <summary>
/// Maps <c>/api/</c> + <see cref="Routes"/> to the same handler methods the Functions triggers call,
/// with the route values bound the same way. Other features add a <c>Map…Endpoints</c> of their own.
/// </summary>
public static class ApiRoutes
{
    public const string ApiPrefix = "/" + Routes.Prefix + "/";

    public static IEndpointRouteBuilder MapConcernEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(ApiPrefix + Routes.Concerns, (HttpContext context, CancellationToken cancellationToken) =>
            Concerns(context).CreateAsync(context, cancellationToken));
        endpoints.MapGet(ApiPrefix + Routes.Concerns, (HttpContext context, CancellationToken cancellationToken) =>
            Concerns(context).ListAsync(context, cancellationToken));
        endpoints.MapGet(ApiPrefix + Routes.Concern, (HttpContext context, int year, Guid id, CancellationToken cancellationToken) =>
            Concerns(context).GetAsync(context, year, id, cancellationToken));
        endpoints.MapPatch(ApiPrefix + Routes.Concern, (HttpContext context, int year, Guid id, CancellationToken cancellationToken) =>
            Concerns(context).UpdateAsync(context, year, id, cancellationToken));
        endpoints.MapDelete(ApiPrefix + Routes.Concern, (HttpContext context, int year, Guid id, CancellationToken cancellationToken) =>
            Concerns(context).DeleteAsync(context, year, id, cancellationToken));
        return endpoints;
    }

    private static ConcernEndpoints Concerns(HttpContext context) =>
        context.RequestServices.GetRequiredService<ConcernEndpoints>();
}
