using Microsoft.Extensions.Logging;
using Radikalisering.Core.Audit;
using Radikalisering.Core.Operations;

namespace Radikalisering.Core.AuditTrail;

/// <summary>
/// The app's <see cref="IAuditLog"/>: every entry goes to the <c>AuditLog</c> table (queried by
/// people) and to the tamper-evident trail (what proves it to an auditor), both at once: neither
/// needs the other, so a request waits for one round trip, not two. A failure of either throws, so
/// the request fails as it does when the table write fails (a change's intent is completed later).
/// </summary>
public sealed class ChainedAuditLog(TableAuditLog table, AuditTrailWriter trail, ILogger<ChainedAuditLog> logger) : IAuditLog
{
    public Task WriteAsync(AuditEntry entry, CancellationToken cancellationToken) =>
        Task.WhenAll(table.WriteAsync(entry, cancellationToken), AppendToTrailAsync(entry, cancellationToken));

    private async Task AppendToTrailAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
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
