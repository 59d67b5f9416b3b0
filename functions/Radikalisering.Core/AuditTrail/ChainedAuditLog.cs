using Microsoft.Extensions.Logging;
using Radikalisering.Core.Audit;
using Radikalisering.Core.Operations;

namespace Radikalisering.Core.AuditTrail;

/// <summary>
/// The app's <see cref="IAuditLog"/>: every entry goes to the <c>AuditLog</c> table (queried by
/// people) and to the tamper-evident trail (what proves it to an auditor), both at once and under one
/// operation id and time (<see cref="AuditEntry.Stamped"/>): neither needs the other, so a request waits for
/// one round trip, not two. A failure of either throws, so the request fails as it does when the table write
/// fails (a committed change's audit is completed later, see <see cref="CompleteAsync"/>).
/// </summary>
public sealed class ChainedAuditLog(TableAuditLog table, AuditTrailWriter trail, TimeProvider time, ILogger<ChainedAuditLog> logger) : IAuditLog
{
    public Task WriteAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        var stamped = entry.Stamped(time.GetUtcNow());
        return Task.WhenAll(table.WriteAsync(stamped, cancellationToken), AppendToTrailAsync(stamped, cancellationToken));
    }

    /// <summary>
    /// Completes a change's entry (operation id and time fixed) that an earlier attempt may have written in part:
    /// the table row only if it is missing, the trail record only if the trail does not hold it (<paramref name="inTrail"/>),
    /// so a change is in each once, whoever completes it.
    /// </summary>
    public Task CompleteAsync(AuditEntry entry, bool inTrail, CancellationToken cancellationToken) =>
        Task.WhenAll(WriteRowIfMissingAsync(entry, cancellationToken), inTrail ? Task.CompletedTask : AppendToTrailAsync(entry, cancellationToken));

    private async Task WriteRowIfMissingAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        if (!await table.ContainsAsync(entry, cancellationToken))
        {
            await table.WriteAsync(entry, cancellationToken);
        }
    }

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
