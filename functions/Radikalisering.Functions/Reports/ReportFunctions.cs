using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Radikalisering.Core.Http;
using Radikalisering.Core.Reports;
using Radikalisering.Core.Telemetry;
using Radikalisering.Functions.Telemetry;

namespace Radikalisering.Functions.Reports;

/// <summary>
/// The statistics and report admin routes. Anonymous at the Functions level because App Service
/// Authentication (Easy Auth) stands in front; <see cref="ReportEndpoints"/> checks the app role.
/// </summary>
public sealed class ReportFunctions(ReportEndpoints endpoints)
{
    [Function("GetStatistics")]
    public Task<IActionResult> GetStatisticsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Statistics)] HttpRequest request,
        int year,
        CancellationToken cancellationToken) =>
        endpoints.GetStatisticsAsync(request.HttpContext, year, cancellationToken).AsActionResult();

    [Function("CompileReport")]
    [MeasuredAs(AppOperation.ReportCompile)]
    public Task<IActionResult> CompileAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.CompileReport)] HttpRequest request,
        int year,
        CancellationToken cancellationToken) =>
        endpoints.CompileAsync(request.HttpContext, year, cancellationToken).AsActionResult();

    [Function("SendReport")]
    [MeasuredAs(AppOperation.ReportSend)]
    public Task<IActionResult> SendAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.SendReport)] HttpRequest request,
        int year,
        CancellationToken cancellationToken) =>
        endpoints.SendAsync(request.HttpContext, year, cancellationToken).AsActionResult();
}
