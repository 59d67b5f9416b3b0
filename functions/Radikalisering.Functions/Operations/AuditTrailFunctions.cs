using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Radikalisering.Core.AuditTrail;
using Radikalisering.Core.Http;

namespace Radikalisering.Functions.Operations;

/// <summary>Verifies the audit trail's hash chains for a period (Reports.Admin; see <see cref="AuditTrailEndpoints"/>).</summary>
public sealed class AuditTrailFunctions(AuditTrailEndpoints endpoints)
{
    [Function("VerifyAuditTrail")]
    public Task<IActionResult> VerifyAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.VerifyAuditTrail)] HttpRequest request,
        CancellationToken cancellationToken) =>
        endpoints.VerifyAsync(request.HttpContext, cancellationToken).AsActionResult();
}
