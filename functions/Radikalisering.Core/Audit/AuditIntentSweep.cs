using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Radikalisering.Core.AuditTrail;
using Radikalisering.Core.Concerns;
using Radikalisering.Core.Operations;
using Radikalisering.Core.Storage;

namespace Radikalisering.Core.Audit;

/// <summary>
/// Completes audit intents a request left behind (its audit write failed, or its process died after the change
/// committed): writes each one's audit row if it is missing and its trail record if no trail blob since the change
/// holds its operation id, then removes the intent: an intent row is deleted, an idempotency marker that carries a
/// create's intent is kept without it. So a change is in the table and in the trail once, whether its request or the
/// sweep completed it, and an intent the request completed and removed costs the sweep nothing. Intents younger than
/// <see cref="Grace"/> are left to their request, which may still be retrying and reads its intent to learn whether
/// its write committed. Intents older than <see cref="StaleAfter"/> are logged first as the
/// <see cref="OperationsSignals.AuditIntentsStale"/> signal (an alert): an earlier run should have completed them.
/// Runs as the <c>CompleteAuditIntents</c> timer function (one run at a time across instances).
/// </summary>
public sealed partial class AuditIntentSweep(
    TableClientProvider tables,
    IOptions<StorageOptions> options,
    ChainedAuditLog auditLog,
    AuditTrailReader trail,
    TimeProvider time,
    ILogger<AuditIntentSweep> logger)
{
    /// <summary>NCRONTAB (with seconds), UTC: every five minutes.</summary>
    public const string Schedule = "0 */5 * * * *";

    /// <summary>Past the grace and two runs more: past this, an intent is a sign that completing it keeps failing.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(15);

    /// <summary>Beyond a request's retry budget and its checks of whether its change committed (each up to <see cref="RetryBudget.WorstCase"/>).</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(5);

    private static readonly string IntentRows =
        TableClient.CreateQueryFilter($"RowKey ge {AuditIntent.RowKeyPrefix} and RowKey lt {AuditIntent.RowKeyPrefixEnd}");

    /// <summary>
    /// Only creates write markers, so a marker carrying an intent carries a create's; a marker without one
    /// lacks the column and does not match. A string equality, not a range on the operation id: Azurite's
    /// <c>ge guid'00000000-…'</c> missed 3 of 40 random GUIDs.
    /// </summary>
    private static readonly string MarkersCarryingIntents =
        TableClient.CreateQueryFilter($"RowKey ge {ConcernColumns.IdempotencyPrefix} and RowKey lt {ConcernColumns.IdempotencyPrefixEnd}")
        + $" and {AuditLogColumns.Action} eq {TableClient.CreateQueryFilter($"{AuditActions.CreateConcern}")}";

    /// <summary>Completes the intents older than <paramref name="olderThan"/>, of one year partition or (null) of all; returns how many.</summary>
    public async Task<int> CompleteAsync(string? partitionKey, TimeSpan olderThan, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(options.Value.ConcernsTable, cancellationToken);
        var now = time.GetUtcNow();
        var due = new List<(TableEntity Row, AuditIntent Intent)>();
        foreach (var rows in new[] { IntentRows, MarkersCarryingIntents })
        {
            await foreach (var row in Query(table, partitionKey, rows, cancellationToken))
            {
                var intent = AuditIntent.FromRow(row);
                if (intent.OccurredAt <= now - olderThan)
                {
                    due.Add((row, intent));
                }
            }
        }

        if (due.Count == 0)
        {
            return 0;
        }

        var oldest = due.Min(pending => pending.Intent.OccurredAt);
        if (due.Count(pending => pending.Intent.OccurredAt <= now - StaleAfter) is var stale and > 0)
        {
            logger.StaleAuditIntents(stale, StaleAfter, oldest);
        }

        var trailed = (await trail.RecordsAsync(DateOnly.FromDateTime(oldest.UtcDateTime), DateOnly.FromDateTime(now.UtcDateTime), cancellationToken))
            .Select(record => record.Op)
            .ToHashSet();
        foreach (var (row, intent) in due)
        {
            await auditLog.CompleteAsync(intent.ToEntry(), trailed.Contains(intent.OperationId), cancellationToken);
            await RemoveAsync(table, row, cancellationToken);
        }

        LogCompleted(due.Count);
        return due.Count;
    }

    private static async Task RemoveAsync(TableClient table, TableEntity row, CancellationToken cancellationToken)
    {
        try
        {
            if (AuditIntent.IsIntentRow(row))
            {
                await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, row.ETag, cancellationToken);
            }
            else
            {
                AuditIntent.RemoveFrom(row);
                await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
            }
        }
        catch (RequestFailedException exception) when (exception.Status is 404 or 412)
        {
            // Its request removed it meanwhile.
        }
    }

    /// <summary>The <paramref name="rows"/> of one year partition, or of every partition but the key bindings'.</summary>
    private static AsyncPageable<TableEntity> Query(TableClient table, string? partitionKey, string rows, CancellationToken cancellationToken)
    {
        var partition = partitionKey is null
            ? TableClient.CreateQueryFilter($"PartitionKey ne {ConcernColumns.IdempotencyKeyYearsPartition}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}");
        return table.QueryAsync<TableEntity>($"{partition} and {rows}", cancellationToken: cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Completed {Count} audit intents.")]
    private partial void LogCompleted(int count);
}
