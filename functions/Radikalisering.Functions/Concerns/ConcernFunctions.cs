using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Radikalisering.Core.Concerns;
using Radikalisering.Core.Http;
using Radikalisering.Core.Telemetry;
using Radikalisering.Functions.Telemetry;

namespace Radikalisering.Functions.Concerns;

/// <summary>
/// The concern routes. Anonymous at the Functions level because App Service Authentication (Easy Auth)
/// stands in front; <see cref="ConcernEndpoints"/> checks the app role on every call.
/// </summary>
public sealed class ConcernFunctions(ConcernEndpoints endpoints)
{
    [Function("CreateConcern")]
    [MeasuredAs(AppOperation.ConcernCreate)]
    public Task<IActionResult> CreateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.Concerns)] HttpRequest request,
        CancellationToken cancellationToken) =>
        endpoints.CreateAsync(request.HttpContext, cancellationToken).AsActionResult();

    [Function("ListConcerns")]
    public Task<IActionResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Concerns)] HttpRequest request,
        CancellationToken cancellationToken) =>
        endpoints.ListAsync(request.HttpContext, cancellationToken).AsActionResult();

    [Function("GetConcern")]
    public Task<IActionResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Concern)] HttpRequest request,
        int year,
        Guid id,
        CancellationToken cancellationToken) =>
        endpoints.GetAsync(request.HttpContext, year, id, cancellationToken).AsActionResult();

    [Function("UpdateConcern")]
    [MeasuredAs(AppOperation.ConcernUpdate)]
    public Task<IActionResult> UpdateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = Routes.Concern)] HttpRequest request,
        int year,
        Guid id,
        CancellationToken cancellationToken) =>
        endpoints.UpdateAsync(request.HttpContext, year, id, cancellationToken).AsActionResult();

    [Function("DeleteConcern")]
    [MeasuredAs(AppOperation.ConcernDelete)]
    public Task<IActionResult> DeleteAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = Routes.Concern)] HttpRequest request,
        int year,
        Guid id,
        CancellationToken cancellationToken) =>
        endpoints.DeleteAsync(request.HttpContext, year, id, cancellationToken).AsActionResult();
}
