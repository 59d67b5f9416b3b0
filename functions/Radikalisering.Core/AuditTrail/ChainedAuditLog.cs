using Microsoft.Extensions.Logging;
using Radikalisering.Core.Audit;
using Radikalisering.Core.Operations;

namespace Radikalisering.Core.AuditTrail;

/// <summary>
/// The app's <see cref="IAuditLog"/>: every entry goes to the <c>AuditLog</c> table (queried by
/// people) and then to the tamper-evident trail (what proves it to an auditor). A failure of either
/// throws, so the request fails as it does when the table write fails.
/// </summary>
public sealed class ChainedAuditLog(TableAuditLog table, AuditTrailWriter trail, ILogger<ChainedAuditLog> logger) : IAuditLog
{
    public async Task WriteAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        await table.WriteAsync(entry, cancellationToken);
        try
        {
            await trail.AppendAsync(entry, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.AuditAppendFailed(entry.Action, exception);
            throw;
        }
    }
}
