using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Radikalisering.Core.Health;
using Radikalisering.Core.Http;
using Radikalisering.Core.Operations;

namespace Radikalisering.Functions.Operations;

/// <summary>
/// The daily operations check (its findings are logged as alert signals) and the anonymous health
/// route for the availability test (excluded from Easy Auth in infra/modules/functionApp.bicep).
/// </summary>
public sealed class OperationsFunctions(OperationsCheck check, HealthEndpoint health)
{
    [Function("CheckOperations")]
    public Task CheckAsync([TimerTrigger(OperationsCheck.Schedule)] TimerInfo timer, CancellationToken cancellationToken) =>
        check.RunAsync(cancellationToken);

    [Function("Health")]
    public Task<IActionResult> HealthAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Health)] HttpRequest request,
        CancellationToken cancellationToken) =>
        health.GetAsync(cancellationToken).AsActionResult();
}
