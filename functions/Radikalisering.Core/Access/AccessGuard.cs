using Microsoft.AspNetCore.Http;
using Radikalisering.Core.Audit;
using Radikalisering.Core.Http;

namespace Radikalisering.Core.Access;

/// <summary>
/// The first call of every handler: who is calling, and may they? Refusals (401 without a valid
/// principal, 403 without the app role) are audited before the problem is returned; a granted caller
/// is audited once the action has succeeded (<see cref="ApiPipeline"/>).
/// </summary>
public sealed class AccessGuard(IAuditLog auditLog)
{
    public async Task<ProblemOr<ClientPrincipal>> AuthorizeAsync(HttpContext context, ApiAccess access, CancellationToken cancellationToken)
    {
        var (requiredRole, action, subjectId) = access;
        if (!ClientPrincipal.TryParse(context.Request.Headers[ClientPrincipal.HeaderName], out var principal))
        {
            await auditLog.WriteAsync(
                new AuditEntry(AuditEntry.AnonymousCaller, action, subjectId, AuditResult.Unauthenticated),
                cancellationToken);
            return Problems.Unauthorized();
        }

        if (!principal.IsInRole(requiredRole))
        {
            await auditLog.WriteAsync(
                new AuditEntry(principal.ObjectId, action, subjectId, AuditResult.Forbidden),
                cancellationToken);
            return Problems.Forbidden(requiredRole);
        }

        return principal;
    }

    /// <summary>
    /// Audits a committed change from the intent committed with it (same row id as the sweep would write).
    /// Throws if the audit cannot be written now; the sweep completes the intent later.
    /// </summary>
    public Task RecordChangeAsync(AuditIntent intent, CancellationToken cancellationToken)
    {
        return auditLog.WriteAsync(intent.ToEntry(), cancellationToken);
    }

    /// <summary>Audits that the caller met a stored row that cannot be read: an integrity alert.</summary>
    public Task RecordIntegrityAlertAsync(ClientPrincipal principal, string subjectId, CancellationToken cancellationToken)
    {
        return auditLog.WriteAsync(new AuditEntry(principal.ObjectId, AuditActions.IntegrityAlert, subjectId, AuditResult.Unreadable), cancellationToken);
    }

    /// <summary>Audits a granted action that succeeded. Throws if the audit cannot be written, so the request fails.</summary>
    public Task RecordSuccessAsync(ClientPrincipal principal, string action, string? subjectId, CancellationToken cancellationToken)
    {
        return auditLog.WriteAsync(new AuditEntry(principal.ObjectId, action, subjectId, AuditResult.Succeeded), cancellationToken);
    }
}
