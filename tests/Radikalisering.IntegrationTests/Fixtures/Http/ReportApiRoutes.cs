using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Radikalisering.Core.Reports;

namespace Radikalisering.IntegrationTests.Fixtures.Http;

/// <summary>The statistics and report functions of the built app, each calling <see cref="ReportEndpoints"/> as its trigger does.</summary>
public static class ReportApiRoutes
{
    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder endpoints) => endpoints
        .MapFunction("GetStatistics", context => Reports(context).GetStatisticsAsync(context, context.Year(), context.RequestAborted))
        .MapFunction("CompileReport", context => Reports(context).CompileAsync(context, context.Year(), context.RequestAborted))
        .MapFunction("SendReport", context => Reports(context).SendAsync(context, context.Year(), context.RequestAborted));

    private static ReportEndpoints Reports(HttpContext context) => context.RequestServices.GetRequiredService<ReportEndpoints>();
}
