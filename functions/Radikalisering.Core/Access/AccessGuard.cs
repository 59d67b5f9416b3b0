using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Radikalisering.Core.Audit;
using Radikalisering.Core.Http;

namespace Radikalisering.Core.Access;

/// <summary>
/// The first call of every handler: who is calling, and may they? Refusals (401 without a valid
/// principal, 403 without the app role) are audited before the problem is returned; a granted caller
/// is audited once the action has succeeded (<see cref="ApiPipeline"/>), and one whose answer refuses
/// the request once it is known (<see cref="RecordRefusalAsync"/>).
/// </summary>
public sealed partial class AccessGuard(IAuditLog auditLog, ILogger<AccessGuard> logger)
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
    /// Audits a committed change from the intent committed with it (same row id and trail operation id as the
    /// sweep would write), then removes the intent so the sweep has nothing left to do for it. Never throws: the
    /// change has committed and its caller is told so; whatever is left here is logged and completed by the
    /// intent sweep (<see cref="AuditIntentSweep"/>).
    /// </summary>
    public async Task RecordChangeAsync(AuditIntent intent, Func<CancellationToken, Task> removeIntent, CancellationToken cancellationToken)
    {
        try
        {
            await auditLog.WriteAsync(intent.ToEntry(), cancellationToken);
        }
        catch (Exception exception)
        {
            LogChangeAuditLeftToSweep(intent.OperationId, intent.Action, exception);
            return;
        }

        try
        {
            await removeIntent(cancellationToken);
        }
        catch (Exception exception)
        {
            LogIntentLeftToSweep(intent.OperationId, exception);
        }
    }

    /// <summary>Audits that the caller met a stored row that cannot be read: an integrity alert.</summary>
    public Task RecordIntegrityAlertAsync(ClientPrincipal principal, string subjectId, CancellationToken cancellationToken)
    {
        return auditLog.WriteAsync(new AuditEntry(principal.ObjectId, AuditActions.IntegrityAlert, subjectId, AuditResult.Unreadable), cancellationToken);
    }

    /// <summary>
    /// Audits how a granted call ended: <see cref="AuditResult.Succeeded"/>, or the refusal the handler answered
    /// (<see cref="AuditResult.NotFound"/>, <see cref="AuditResult.Refused"/>). Throws if the audit cannot be
    /// written, so the call fails.
    /// </summary>
    public Task RecordAsync(ClientPrincipal principal, string action, string? subjectId, AuditResult result, CancellationToken cancellationToken)
    {
        return auditLog.WriteAsync(new AuditEntry(principal.ObjectId, action, subjectId, result), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Change {OperationId} ({Action}) committed, but its audit could not be written now; the audit intent sweep completes it.")]
    private partial void LogChangeAuditLeftToSweep(Guid operationId, string action, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Change {OperationId} is audited, but its intent could not be removed; the audit intent sweep removes it.")]
    private partial void LogIntentLeftToSweep(Guid operationId, Exception exception);
}
