using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Radikalisering.Core.Http;
using Radikalisering.Core.Reports;
using Radikalisering.IntegrationTests.Infrastructure.Http;

namespace Radikalisering.IntegrationTests.Reports;

/// <summary>Maps the statistics and report routes to <see cref="ReportEndpoints"/>, as the Functions triggers do.</summary>
public static class ReportApiRoutes
{
    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(ApiRoutes.ApiPrefix + Routes.Statistics, (HttpContext context, int year, CancellationToken cancellationToken) =>
            Reports(context).GetStatisticsAsync(context, year, cancellationToken));
        endpoints.MapPost(ApiRoutes.ApiPrefix + Routes.CompileReport, (HttpContext context, int year, CancellationToken cancellationToken) =>
            Reports(context).CompileAsync(context, year, cancellationToken));
        endpoints.MapPost(ApiRoutes.ApiPrefix + Routes.SendReport, (HttpContext context, int year, CancellationToken cancellationToken) =>
            Reports(context).SendAsync(context, year, cancellationToken));
        return endpoints;
    }

    private static ReportEndpoints Reports(HttpContext context) => context.RequestServices.GetRequiredService<ReportEndpoints>();
}
